package org.msp.esg.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.esg.domain.ChecklistTemplate;
import org.msp.esg.domain.EvidenceDocument;
import org.msp.esg.domain.ProjectDocument;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.ReviewHistoryEntry;
import org.msp.esg.domain.ReviewHistoryEntry.Action;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.domain.RiskCategory;
import org.msp.events.esg.ReviewCompleted;
import org.msp.events.project.DocumentPublished;
import org.msp.events.project.ProjectSubmitted;
import org.msp.platform.api.ProblemException;
import org.msp.platform.outbox.Outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Every change to a review: the new state, its history entry and the event the review returns are
 * written in one transaction (the event through the outbox, on msp.esg-reviews). The rules
 * themselves live in {@link Review}.
 */
@ApplicationScoped
public class ReviewService {
    private final Outbox outbox;
    private final String templateKey;
    private final Clock clock;

    public ReviewService(Outbox outbox,
            @ConfigProperty(name = "msp.esg.checklist-template-key") String templateKey, Clock clock) {
        this.outbox = outbox;
        this.templateKey = templateKey;
        this.clock = clock;
    }

    /**
     * Opens the review of a submitted project on the current checklist template; false when the
     * project already has one (a redelivered or repeated submitted event opens nothing).
     */
    @Transactional
    public boolean openFor(ProjectSubmitted project, String actor) {
        UUID projectId = project.projectId();
        if (Review.ofProject(projectId).isPresent()) {
            return false;
        }
        ChecklistTemplate latest = ChecklistTemplate.latest(templateKey).orElseThrow(() -> new IllegalStateException(
                "no checklist template with key " + templateKey + " (msp.esg.checklist-template-key)"));
        // locked so that the template cannot be edited between copying its items and freezing it
        ChecklistTemplate template = ChecklistTemplate.findById(latest.id, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = now();
        Review review = Review.open(project, template, now);
        review.persist();
        history(review, actor, Action.OPENED, null, null,
                "opened on checklist " + template.key + " v" + template.version + " for project " + projectId);
        outbox.publish(review.opened());
        return true;
    }

    /** Cancels the open review of a withdrawn project; false when there is none or it is closed. */
    @Transactional
    public boolean cancelFor(UUID projectId, String reason, String actor) {
        Review review = Review.ofProject(projectId).orElse(null);
        if (review == null) {
            return false;
        }
        review = Review.findById(review.id, LockModeType.PESSIMISTIC_WRITE);
        if (!review.cancel(reason, now())) {
            return false;
        }
        history(review, actor, Action.CANCELLED, null, null, reason);
        return true;
    }

    @Transactional
    public Review assign(UUID reviewId, Reviewer reviewer, String actor) {
        Review review = locked(reviewId);
        review.assign(reviewer, actor, now()).ifPresent(assigned -> {
            history(review, actor, Action.ASSIGNED, null, null,
                    "assigned to " + assigned.reviewer() + " (" + assigned.reviewerCountry() + ")");
            outbox.publish(assigned);
        });
        return review;
    }

    @Transactional
    public Review rate(UUID reviewId, String code, ItemRating rating, String evidence, List<String> evidenceUrls,
            String comment, Reviewer reviewer) {
        return rate(reviewId, code, rating, evidence, evidenceUrls, List.of(), comment, reviewer);
    }

    /** Rates an item, citing published project documents (checked against those learnt from project-service). */
    @Transactional
    public Review rate(UUID reviewId, String code, ItemRating rating, String evidence, List<String> evidenceUrls,
            List<EvidenceDocument> evidenceDocuments, String comment, Reviewer reviewer) {
        Review review = locked(reviewId);
        List<ProjectDocument> known = ProjectDocument.byIds(
                evidenceDocuments.stream().map(EvidenceDocument::documentId).distinct().toList());
        ItemRating previous = review.rate(code, rating, evidence, evidenceUrls, evidenceDocuments, known, comment,
                reviewer, now());
        history(review, reviewer.subject(), Action.RATED, code, rating,
                (previous == null ? "rated" : "re-rated from " + previous) + (comment == null ? "" : ": " + comment));
        return review;
    }

    @Transactional
    public Review complete(UUID reviewId, RiskCategory category, Reviewer reviewer) {
        return complete(reviewId, category, null, reviewer);
    }

    /**
     * Completes the review. A consultation whose window ended but whose closing the periodic check has not
     * recorded yet is closed here first, so that consultation-closed always precedes review-completed.
     */
    @Transactional
    public Review complete(UUID reviewId, RiskCategory category, String categoryChangeReason, Reviewer reviewer) {
        Review review = locked(reviewId);
        OffsetDateTime now = now();
        ReviewCompleted completed = review.complete(category, categoryChangeReason, reviewer, now);
        review.closeConsultation(now).ifPresent(closed -> {
            history(review, reviewer.subject(), Action.CONSULTATION_CLOSED, null, null, closed.comments()
                    + " comment(s), " + closed.hiddenComments() + " hidden; window ended " + closed.closedAt());
            outbox.publish(closed);
        });
        history(review, reviewer.subject(), Action.COMPLETED, null, null, completed.outcome() + ", score "
                + completed.score() + ", risk category " + category + ", " + completed.conditions().size()
                + " condition(s)" + (review.categoryChangeReason() == null ? ""
                : "; category changed from the screening's " + review.screeningCategory() + ": "
                        + review.categoryChangeReason()));
        outbox.publish(completed);
        return review;
    }

    /** Records what a document-published event says of a document; false when it was already known. */
    @Transactional
    public boolean learnDocument(DocumentPublished published) {
        if (ProjectDocument.findById(published.documentId()) != null) {
            return false;
        }
        ProjectDocument.of(published, now()).persist();
        return true;
    }

    static Review locked(UUID reviewId) {
        Review review = Review.findById(reviewId, LockModeType.PESSIMISTIC_WRITE);
        if (review == null) {
            throw ProblemException.notFound("review " + reviewId);
        }
        return review;
    }

    private void history(Review review, String actor, Action action, String itemCode, ItemRating rating,
            String detail) {
        ReviewHistoryEntry.of(review.id, now(), actor, action, itemCode, rating, detail).persist();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
