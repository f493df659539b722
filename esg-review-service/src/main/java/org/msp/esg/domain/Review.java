package org.msp.esg.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.msp.events.Mineral;
import org.msp.events.esg.CommentAnswered;
import org.msp.events.esg.CommentReceived;
import org.msp.events.esg.Condition;
import org.msp.events.esg.ConsultationClosed;
import org.msp.events.esg.ConsultationOpened;
import org.msp.events.esg.ReviewAssigned;
import org.msp.events.esg.ReviewCompleted;
import org.msp.events.esg.ReviewOpened;
import org.msp.events.project.ProjectSubmitted;
import org.msp.platform.events.EventText;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.msp.esg.domain.ReviewRuleException.Kind.CONFLICT;
import static org.msp.esg.domain.ReviewRuleException.Kind.FORBIDDEN;
import static org.msp.esg.domain.ReviewRuleException.Kind.INCOMPLETE;
import static org.msp.esg.domain.ReviewRuleException.Kind.INVALID;
import static org.msp.esg.domain.ReviewRuleException.Kind.NOT_FOUND;

/**
 * The ESG due-diligence review of one project. It owns its rules: who may take it (conflict of
 * interest), who may rate it (the assigned reviewer only, under the country it was assigned under),
 * when it may complete (every item rated) and that a completed or cancelled review never changes
 * again. Each change returns the event it causes, carrying the project's facts as the submitted event
 * stated them. Resources and consumers never set its fields directly.
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "project_title")
    public String projectTitle;
    /** Kept from the project's submitted event for the conflict-of-interest check. */
    @Column(name = "host_country")
    public String hostCountry;
    @Column(name = "submitting_partner")
    public String submittingPartner;
    /** The project's minerals, stored as project-service does: ",COBALT,COPPER," (V4__review_minerals.sql). */
    @Column(name = "minerals")
    String mineralsColumn = ",";

    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "template_version")
    public int templateVersion;

    @Enumerated(EnumType.STRING)
    ReviewStatus status;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    /** The reviewer's token subject. */
    String reviewer;
    @Column(name = "reviewer_country")
    String reviewerCountry;
    @Column(name = "assigned_at")
    OffsetDateTime assignedAt;
    @Column(name = "assigned_by")
    String assignedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_category")
    RiskCategory riskCategory;
    @Enumerated(EnumType.STRING)
    ReviewOutcome outcome;
    BigDecimal score;
    @Column(name = "completed_at")
    OffsetDateTime completedAt;
    /** Why the review closed without completing (e.g. the project was withdrawn). */
    @Column(name = "closed_reason")
    String closedReason;
    static final int CLOSED_REASON_LENGTH = 2000; // closed_reason VARCHAR(2000)

    /** Why the completion's risk category differs from the screening's; published with the review. */
    @Column(name = "category_change_reason")
    String categoryChangeReason;

    // --- screening and public consultation (SPEC §9; V5__screening_and_consultation.sql)
    @Column(name = "screened_at")
    OffsetDateTime screenedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "screening_category")
    RiskCategory screeningCategory;
    @Column(name = "screening_summary")
    String screeningSummary;
    @Column(name = "consultation_opens_at")
    OffsetDateTime consultationOpensAt;
    @Column(name = "consultation_closes_at")
    OffsetDateTime consultationClosesAt;
    /** Set once the window's end was recorded and consultation-closed published (at most once). */
    @Column(name = "consultation_closed_at")
    OffsetDateTime consultationClosedAt;

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL)
    @OrderBy("position")
    List<ConsultationComment> comments = new ArrayList<>();

    @Version
    public int version;

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    List<ReviewItem> items = new ArrayList<>();

    /**
     * Opens the review of a submitted project on {@code template}, with every item unrated; it keeps
     * the project's facts for the conflict-of-interest check and for the events it publishes.
     */
    public static Review open(ProjectSubmitted project, ChecklistTemplate template, OffsetDateTime now) {
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.projectId = project.projectId();
        review.projectTitle = project.title();
        review.hostCountry = project.hostCountry();
        review.submittingPartner = project.submittingPartner();
        review.mineralsColumn = project.minerals().stream().distinct().map(Enum::name)
                .collect(Collectors.joining(",", ",", ","));
        review.templateId = template.id;
        review.templateVersion = template.version;
        review.status = ReviewStatus.OPEN;
        review.openedAt = now;
        for (ChecklistItem source : template.items) {
            ReviewItem item = ReviewItem.copyOf(source);
            item.review = review;
            review.items.add(item);
        }
        template.markUsed(now);
        return review;
    }

    /** The event of {@link #open}: which checklist version the review is held against. */
    public ReviewOpened opened() {
        return new ReviewOpened(projectId, projectTitle, hostCountry, submittingPartner, minerals(), id, templateId,
                templateVersion);
    }

    public static Optional<Review> ofProject(UUID projectId) {
        return find("projectId", projectId).firstResultOptional();
    }

    /**
     * Assigns {@code reviewer} under its country; empty when it already is the reviewer (nothing
     * changes, nothing to publish). Refused when the reviewer's country hosts or submitted the
     * project, when someone else already has the review, or when it is closed.
     */
    public Optional<ReviewAssigned> assign(Reviewer reviewer, String assignedBy, OffsetDateTime now) {
        requireNotClosed();
        String country = Objects.requireNonNull(reviewer.country(), "an assignment names the reviewer's country");
        String conflict = conflictOfInterest(country);
        if (conflict != null) {
            throw new ReviewRuleException(CONFLICT, "conflict of interest: the reviewer's country " + country
                    + " is the project's " + conflict);
        }
        if (this.reviewer != null) {
            if (this.reviewer.equals(reviewer.subject())) {
                return Optional.empty();
            }
            throw new ReviewRuleException(CONFLICT, "the review is already assigned to another reviewer");
        }
        this.reviewer = reviewer.subject();
        this.reviewerCountry = country;
        this.assignedBy = assignedBy;
        this.assignedAt = now;
        this.status = ReviewStatus.ASSIGNED;
        return Optional.of(new ReviewAssigned(projectId, projectTitle, hostCountry, submittingPartner, minerals(), id,
                this.reviewer, this.reviewerCountry));
    }

    /** Which of the project's countries {@code country} is ("host country", "submitting partner"), or null. */
    public String conflictOfInterest(String country) {
        if (country == null) {
            return null;
        }
        if (country.equals(hostCountry)) {
            return "host country";
        }
        if (country.equals(submittingPartner)) {
            return "submitting partner";
        }
        return null;
    }

    /**
     * Rates item {@code code} (again) for the assigned reviewer; returns the previous rating.
     * A shortfall must say why in {@code comment}, because it becomes a condition on the project;
     * so must NOT_APPLICABLE on a critical item, which would otherwise hide a deal-breaker.
     */
    public ItemRating rate(String code, ItemRating rating, String evidence, List<String> evidenceUrls, String comment,
            Reviewer by, OffsetDateTime now) {
        return rate(code, rating, evidence, evidenceUrls, List.of(), List.of(), comment, by, now);
    }

    /**
     * Rates as above, citing published project documents as evidence: each must be one of
     * {@code knownDocuments} (the documents this service learnt from project-service), of this project,
     * and cited with the SHA-256 it was published with; otherwise 409 naming {@code evidenceDocuments}.
     */
    public ItemRating rate(String code, ItemRating rating, String evidence, List<String> evidenceUrls,
            List<EvidenceDocument> evidenceDocuments, List<ProjectDocument> knownDocuments, String comment,
            Reviewer by, OffsetDateTime now) {
        requireAssignedReviewer(by, "rates items");
        requireNotClosed();
        ReviewItem item = item(code).orElseThrow(() -> new ReviewRuleException(NOT_FOUND,
                "checklist item " + code + " is not part of this review"));
        boolean noComment = comment == null || comment.isBlank();
        if (rating.isShortfall() && noComment) {
            throw new ReviewRuleException(INVALID, "a " + rating + " rating needs a comment: it becomes a condition",
                    List.of("comment"), "required when the rating is " + rating);
        }
        if (rating == ItemRating.NOT_APPLICABLE && item.critical && noComment) {
            throw new ReviewRuleException(INVALID, "critical item " + code + " can only be NOT_APPLICABLE with a comment",
                    List.of("comment"), "required to rate a critical item NOT_APPLICABLE");
        }
        List<String> refused = new ArrayList<>();
        for (EvidenceDocument cited : evidenceDocuments) {
            Optional<ProjectDocument> known = knownDocuments.stream()
                    .filter(d -> d.documentId.equals(cited.documentId())).findFirst();
            if (known.isEmpty() || !known.get().projectId.equals(projectId)) {
                refused.add("document " + cited.documentId() + " is not a published document of this project");
            } else if (!known.get().sha256.equalsIgnoreCase(cited.sha256())) {
                refused.add("document " + cited.documentId() + " was published with SHA-256 " + known.get().sha256
                        + ", not " + cited.sha256());
            }
        }
        if (!refused.isEmpty()) {
            throw new ReviewRuleException(CONFLICT, String.join("; ", refused), List.of("evidenceDocuments"),
                    String.join("; ", refused));
        }
        ItemRating previous = item.rating;
        item.rate(rating, evidence, evidenceUrls, evidenceDocuments, comment, now);
        return previous;
    }

    /** Completes the review without changing the screening's category (or when there was no screening). */
    public ReviewCompleted complete(RiskCategory category, Reviewer by, OffsetDateTime now) {
        return complete(category, null, by, now);
    }

    /**
     * Completes the review: scores it, sets the outcome and the reviewer's risk category, and freezes it;
     * returns the event publishing the result. Refused (422, every reason listed) while any item is
     * unrated; when the project was screened, also while its comment window is open, while any comment
     * that is not hidden is unanswered, and when the category differs from the screening's without a
     * {@code categoryChangeReason}. A review never screened completes as before: the consultation is
     * the reviewer's step to take, and a review that opened one waits for it.
     */
    public ReviewCompleted complete(RiskCategory category, String categoryChangeReason, Reviewer by,
            OffsetDateTime now) {
        requireAssignedReviewer(by, "completes the review");
        requireNotClosed();
        List<Scorecard.Line> lines = lines();
        Map<String, String> missing = new LinkedHashMap<>();
        List<String> unrated = Scorecard.unrated(lines);
        unrated.forEach(code -> missing.put(code, "not rated yet"));
        List<String> reasons = new ArrayList<>();
        if (!unrated.isEmpty()) {
            reasons.add(unrated.size() + " item(s) not rated yet: " + String.join(", ", unrated));
        }
        boolean noReason = categoryChangeReason == null || categoryChangeReason.isBlank();
        if (screened()) {
            if (now.isBefore(consultationClosesAt)) {
                missing.put("consultation", "the public comment window is open until " + consultationClosesAt);
                reasons.add("the public comment window is open until " + consultationClosesAt);
            }
            List<UUID> unanswered = comments.stream().filter(c -> !c.hidden() && !c.answered()).map(c -> c.id)
                    .toList();
            unanswered.forEach(id -> missing.put("comments/" + id, "not answered yet"));
            if (!unanswered.isEmpty()) {
                reasons.add(unanswered.size() + " comment(s) not answered yet");
            }
            if (category != screeningCategory && noReason) {
                missing.put("categoryChangeReason", "required: the screening placed the project in category "
                        + screeningCategory + ", the completion says " + category);
                reasons.add("the risk category differs from the screening's (" + screeningCategory
                        + ") and no categoryChangeReason says why");
            }
        }
        if (!missing.isEmpty()) {
            throw new ReviewRuleException(INCOMPLETE, String.join("; ", reasons), missing);
        }
        if (!Scorecard.hasApplicableItems(lines)) {
            throw new ReviewRuleException(INCOMPLETE, "every item is NOT_APPLICABLE; there is nothing to score");
        }
        Scorecard.Result result = Scorecard.assess(lines);
        this.score = result.score();
        this.outcome = result.outcome();
        this.riskCategory = category;
        this.categoryChangeReason = screened() && category != screeningCategory ? categoryChangeReason.strip() : null;
        this.completedAt = now;
        this.status = ReviewStatus.COMPLETED;
        // domain and contract enums share their names (platform-events org.msp.events.esg)
        List<Condition> conditions = result.conditions().stream()
                .map(c -> new Condition(c.code(), c.title(), org.msp.events.esg.ItemRating.valueOf(c.rating().name()),
                        c.comment(), c.critical()))
                .toList();
        return new ReviewCompleted(projectId, projectTitle, hostCountry, submittingPartner, minerals(), id,
                org.msp.events.esg.ReviewOutcome.valueOf(result.outcome().name()), result.score(),
                org.msp.events.esg.RiskCategory.valueOf(category.name()), conditions);
    }

    /**
     * The assigned reviewer screens the project: a risk category and a plain-language summary, which
     * open the public comment window for as long as {@code windows} gives that category. Once only
     * (409 after), and only while the review is open.
     */
    public ConsultationOpened screen(RiskCategory category, String summary, Reviewer by, ConsultationWindows windows,
            OffsetDateTime now) {
        requireAssignedReviewer(by, "screens the project");
        requireNotClosed();
        if (screened()) {
            throw new ReviewRuleException(CONFLICT, "the project was already screened (category " + screeningCategory
                    + ") and its consultation opened on " + consultationOpensAt);
        }
        this.screenedAt = now;
        this.screeningCategory = category;
        this.screeningSummary = summary;
        this.consultationOpensAt = now;
        this.consultationClosesAt = now.plus(windows.of(category));
        return new ConsultationOpened(projectId, projectTitle, hostCountry, submittingPartner, minerals(), id,
                org.msp.events.esg.RiskCategory.valueOf(category.name()), summary, consultationOpensAt,
                consultationClosesAt);
    }

    /**
     * Adds a comment to the open consultation. 409 unless the window is open now and the review is
     * still open; 403 for the assigned reviewer (it answers, it does not comment); 400 naming
     * {@code itemCodes} when one is not an item of this review.
     */
    public CommentReceived comment(Commenter author, String body, String language, List<String> itemCodes,
            String onBehalfOf, OffsetDateTime now) {
        if (reviewer != null && reviewer.equals(author.subject())) {
            throw new ReviewRuleException(FORBIDDEN, "the assigned reviewer answers comments; it cannot comment on its own review");
        }
        requireNotClosed();
        if (!consultationOpenAt(now)) {
            throw new ReviewRuleException(CONFLICT, !screened() ? "no public consultation has opened on this review"
                    : now.isBefore(consultationOpensAt) ? "the consultation opens on " + consultationOpensAt
                    : "the consultation closed on " + consultationClosesAt);
        }
        List<String> unknown = itemCodes.stream().filter(code -> item(code).isEmpty()).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new ReviewRuleException(INVALID, "not checklist items of this review: " + String.join(", ", unknown),
                    List.of("itemCodes"), "unknown item code(s): " + String.join(", ", unknown));
        }
        ConsultationComment comment = ConsultationComment.of(this, comments.size() + 1, author, body, language,
                itemCodes, onBehalfOf, now);
        comments.add(comment);
        return new CommentReceived(projectId, projectTitle, hostCountry, submittingPartner, minerals(), id, comment.id,
                comment.itemCodes(), language);
    }

    /**
     * The assigned reviewer answers (or revises its answer to) a comment, also after the window closed,
     * until the review completes.
     */
    public CommentAnswered answer(UUID commentId, CommentDisposition disposition, String response, Reviewer by,
            OffsetDateTime now) {
        requireAssignedReviewer(by, "answers comments");
        requireNotClosed();
        ConsultationComment comment = requireComment(commentId);
        comment.answer(disposition, response, now);
        return new CommentAnswered(projectId, projectTitle, hostCountry, submittingPartner, minerals(), id, commentId,
                org.msp.events.esg.CommentDisposition.valueOf(disposition.name()));
    }

    /**
     * The secretariat hides a comment with a public reason: its text is withheld from the public, the fact,
     * time and reason are shown. Kept for good; hiding twice is refused (409). Allowed after completion
     * too, since what is published must be fit to stay published.
     */
    public ConsultationComment hide(UUID commentId, String reason, String by, OffsetDateTime now) {
        ConsultationComment comment = requireComment(commentId);
        if (comment.hidden()) {
            throw new ReviewRuleException(CONFLICT, "the comment was already hidden on " + comment.hiddenAt + ": "
                    + comment.hiddenReason);
        }
        comment.hide(reason, by, now);
        return comment;
    }

    /**
     * Records that the comment window has ended and returns the event saying so; empty when there is
     * no window, it has not ended yet, it was already recorded, or the review was cancelled (a
     * withdrawn project held no consultation worth counting).
     */
    public Optional<ConsultationClosed> closeConsultation(OffsetDateTime now) {
        if (!screened() || consultationClosedAt != null || now.isBefore(consultationClosesAt)
                || status == ReviewStatus.CANCELLED) {
            return Optional.empty();
        }
        consultationClosedAt = consultationClosesAt;
        int hidden = (int) comments.stream().filter(ConsultationComment::hidden).count();
        return Optional.of(new ConsultationClosed(projectId, projectTitle, hostCountry, submittingPartner, minerals(),
                id, consultationClosesAt, comments.size(), hidden));
    }

    /** Whether a comment may be added at {@code now}: screened, inside the window, review not closed. */
    public boolean consultationOpenAt(OffsetDateTime now) {
        return screened() && !status.isClosed() && !now.isBefore(consultationOpensAt)
                && now.isBefore(consultationClosesAt);
    }

    public boolean screened() {
        return screenedAt != null;
    }

    private ConsultationComment requireComment(UUID commentId) {
        return comments.stream().filter(c -> c.id.equals(commentId)).findFirst()
                .orElseThrow(() -> new ReviewRuleException(NOT_FOUND, "comment " + commentId
                        + " is not part of this review's consultation"));
    }

    /** Closes an open review whose project went away; false when it was already closed. */
    public boolean cancel(String reason, OffsetDateTime now) {
        if (status.isClosed()) {
            return false;
        }
        status = ReviewStatus.CANCELLED;
        // the reason comes from project-service, which allows more than the column holds once prefixed
        closedReason = EventText.shortened(reason, CLOSED_REASON_LENGTH);
        completedAt = now;
        return true;
    }

    /** Secretariat and the assigned reviewer see an open review's ratings; everybody sees a completed one. */
    public boolean ratingsVisibleTo(String subject, boolean secretariat) {
        return status == ReviewStatus.COMPLETED || secretariat || (reviewer != null && reviewer.equals(subject));
    }

    /** The conditions of a completed review: its PARTIAL and DOES_NOT_MEET items with comments. */
    public List<Scorecard.Condition> conditions() {
        if (status != ReviewStatus.COMPLETED) {
            return List.of();
        }
        return Scorecard.assess(lines()).conditions();
    }

    public Optional<ReviewItem> item(String code) {
        return items.stream().filter(item -> item.code.equals(code)).findFirst();
    }

    public List<ReviewItem> items() {
        return List.copyOf(items);
    }

    public long ratedCount() {
        return items.stream().filter(item -> item.rating != null).count();
    }

    private List<Scorecard.Line> lines() {
        return items.stream().map(ReviewItem::line).toList();
    }

    /**
     * Only the assigned reviewer acts (403 for anyone else), and only under the country it was assigned
     * under (409): a secretariat that named the wrong country must not open a way around the
     * conflict-of-interest rule.
     */
    private void requireAssignedReviewer(Reviewer by, String what) {
        if (reviewer == null || !reviewer.equals(by.subject())) {
            throw new ReviewRuleException(FORBIDDEN, "only the assigned reviewer " + what);
        }
        if (by.country() == null) {
            throw new ReviewRuleException(FORBIDDEN, "the token carries no country claim");
        }
        if (!by.country().equals(reviewerCountry)) {
            throw new ReviewRuleException(CONFLICT, "you were assigned as a reviewer from " + reviewerCountry
                    + " but your token says " + by.country() + "; the secretariat must assign the review again");
        }
    }

    private void requireNotClosed() {
        if (status.isClosed()) {
            throw new ReviewRuleException(CONFLICT, "the review is " + status + " and can no longer change");
        }
    }

    public ReviewStatus status() {
        return status;
    }

    /** The project's minerals, as its submitted event named them. */
    public List<Mineral> minerals() {
        return Arrays.stream(mineralsColumn.split(",")).filter(name -> !name.isEmpty()).map(Mineral::valueOf).toList();
    }

    public String reviewer() {
        return reviewer;
    }

    public String reviewerCountry() {
        return reviewerCountry;
    }

    public OffsetDateTime assignedAt() {
        return assignedAt;
    }

    public RiskCategory riskCategory() {
        return riskCategory;
    }

    public ReviewOutcome outcome() {
        return outcome;
    }

    public BigDecimal score() {
        return score;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    public String closedReason() {
        return closedReason;
    }

    public String categoryChangeReason() {
        return categoryChangeReason;
    }

    public OffsetDateTime screenedAt() {
        return screenedAt;
    }

    public RiskCategory screeningCategory() {
        return screeningCategory;
    }

    public String screeningSummary() {
        return screeningSummary;
    }

    public OffsetDateTime consultationOpensAt() {
        return consultationOpensAt;
    }

    public OffsetDateTime consultationClosesAt() {
        return consultationClosesAt;
    }

    public OffsetDateTime consultationClosedAt() {
        return consultationClosedAt;
    }

    public List<ConsultationComment> comments() {
        return List.copyOf(comments);
    }
}
