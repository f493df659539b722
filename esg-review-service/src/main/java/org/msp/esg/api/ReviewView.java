package org.msp.esg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.ReviewItem;
import org.msp.esg.domain.ReviewOutcome;
import org.msp.esg.domain.ReviewStatus;
import org.msp.esg.domain.RiskCategory;
import org.msp.esg.domain.Scorecard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A review. {@code items} (the ratings) is present only for whoever may see them: everybody once
 * the review is completed; while open, the secretariat and the assigned reviewer only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewView(UUID id, UUID projectId, String projectTitle, String hostCountry, String submittingPartner,
        ReviewStatus status, UUID templateId, int templateVersion, OffsetDateTime openedAt, String reviewer,
        String reviewerCountry, OffsetDateTime assignedAt, Progress progress, RiskCategory riskCategory,
        ReviewOutcome outcome, BigDecimal score, OffsetDateTime completedAt, String closedReason,
        List<Scorecard.Condition> conditions, List<ItemView> items) {

    /** How many items are rated, out of how many. */
    public record Progress(long rated, int total) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(String code, String title, String framework, int weight, boolean critical,
            ItemRating rating, String evidence, List<String> evidenceUrls, String comment, OffsetDateTime ratedAt) {
        static ItemView of(ReviewItem item) {
            return new ItemView(item.code, item.title, item.framework, item.weight, item.critical, item.rating,
                    item.evidence, item.evidenceUrls().isEmpty() ? null : item.evidenceUrls(), item.comment,
                    item.ratedAt);
        }
    }

    static ReviewView of(Review review, boolean withRatings) {
        List<ReviewItem> items = review.items();
        boolean completed = review.status() == ReviewStatus.COMPLETED;
        return new ReviewView(review.id, review.projectId, review.projectTitle, review.hostCountry,
                review.submittingPartner, review.status(), review.templateId, review.templateVersion, review.openedAt,
                review.reviewer(), review.reviewerCountry(), review.assignedAt(),
                new Progress(review.ratedCount(), items.size()), review.riskCategory(), review.outcome(),
                review.score(), review.completedAt(), review.closedReason(),
                completed ? review.conditions() : null,
                withRatings ? items.stream().map(ItemView::of).toList() : null);
    }
}
