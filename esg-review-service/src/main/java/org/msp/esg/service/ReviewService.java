package org.msp.esg.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.esg.domain.ChecklistTemplate;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.ReviewHistoryEntry;
import org.msp.esg.domain.ReviewHistoryEntry.Action;
import org.msp.esg.domain.RiskCategory;
import org.msp.esg.domain.Scorecard;
import org.msp.esg.events.ReviewEvents;
import org.msp.platform.api.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Every change to a review: the new state, its history entry and its outgoing event are written in
 * one transaction (the event through the outbox). The rules themselves live in {@link Review}.
 */
@ApplicationScoped
public class ReviewService {
    private final ReviewEvents events;
    private final String templateKey;
    private final Clock clock = Clock.systemUTC();

    public ReviewService(ReviewEvents events,
            @ConfigProperty(name = "msp.esg.checklist-template-key") String templateKey) {
        this.events = events;
        this.templateKey = templateKey;
    }

    /**
     * Opens the review of a submitted project on the current checklist template; false when the
     * project already has one (a redelivered or repeated submitted event opens nothing).
     */
    @Transactional
    public boolean openFor(UUID projectId, String title, String hostCountry, String submittingPartner, String actor) {
        if (Review.ofProject(projectId).isPresent()) {
            return false;
        }
        ChecklistTemplate latest = ChecklistTemplate.latest(templateKey).orElseThrow(() -> new IllegalStateException(
                "no checklist template with key " + templateKey + " (msp.esg.checklist-template-key)"));
        // locked so that the template cannot be edited between copying its items and freezing it
        ChecklistTemplate template = ChecklistTemplate.findById(latest.id, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = now();
        Review review = Review.open(projectId, title, hostCountry, submittingPartner, template, now);
        review.persist();
        history(review, actor, Action.OPENED, null, null,
                "opened on checklist " + template.key + " v" + template.version + " for project " + projectId);
        events.opened(review);
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
    public Review assign(UUID reviewId, String reviewer, String reviewerCountry, String actor) {
        Review review = locked(reviewId);
        if (review.assign(reviewer, reviewerCountry, actor, now())) {
            history(review, actor, Action.ASSIGNED, null, null,
                    "assigned to " + reviewer + " (" + reviewerCountry + ")");
            events.assigned(review);
        }
        return review;
    }

    @Transactional
    public Review rate(UUID reviewId, String code, ItemRating rating, String evidence, List<String> evidenceUrls,
            String comment, String actor) {
        Review review = locked(reviewId);
        ItemRating previous = review.rate(code, rating, evidence, evidenceUrls, comment, actor, now());
        history(review, actor, Action.RATED, code, rating,
                (previous == null ? "rated" : "re-rated from " + previous) + (comment == null ? "" : ": " + comment));
        return review;
    }

    @Transactional
    public Review complete(UUID reviewId, RiskCategory category, String actor) {
        Review review = locked(reviewId);
        Scorecard.Result result = review.complete(category, actor, now());
        history(review, actor, Action.COMPLETED, null, null, result.outcome() + ", score " + result.score()
                + ", risk category " + category + ", " + result.conditions().size() + " condition(s)");
        events.completed(review, result);
        return review;
    }

    private Review locked(UUID reviewId) {
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
