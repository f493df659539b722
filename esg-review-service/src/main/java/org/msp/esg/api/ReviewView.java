package org.msp.esg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.msp.esg.domain.EvidenceDocument;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.ProjectDocument;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.ReviewItem;
import org.msp.esg.domain.ReviewOutcome;
import org.msp.esg.domain.ReviewStatus;
import org.msp.esg.domain.RiskCategory;
import org.msp.esg.domain.Scorecard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A review. {@code items} (the ratings) is present only for whoever may see them: everybody once
 * the review is completed; while open, the secretariat and the assigned reviewer only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewView(UUID id, UUID projectId, String projectTitle, String hostCountry, String submittingPartner,
        ReviewStatus status, UUID templateId, int templateVersion, OffsetDateTime openedAt, String reviewer,
        String reviewerCountry, OffsetDateTime assignedAt, Progress progress, RiskCategory riskCategory,
        ReviewOutcome outcome, BigDecimal score, OffsetDateTime completedAt, String closedReason,
        List<Scorecard.Condition> conditions, List<ItemView> items, Screening screening,
        String categoryChangeReason) {

    /** The screening that opened the public consultation (GET /reviews/{id}/consultation has the comments). */
    public record Screening(RiskCategory riskCategory, String summary, OffsetDateTime screenedAt,
            OffsetDateTime consultationClosesAt) {
    }

    /** A published project document cited for a rating, as project-service described it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CitedDocument(UUID documentId, String sha256, String documentType, String title) {
    }

    /** How many items are rated, out of how many. */
    public record Progress(long rated, int total) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(String code, String title, String framework, int weight, boolean critical,
            ItemRating rating, String evidence, List<String> evidenceUrls, List<CitedDocument> evidenceDocuments,
            String comment, OffsetDateTime ratedAt) {
        static ItemView of(ReviewItem item, Map<UUID, ProjectDocument> documents) {
            List<CitedDocument> cited = item.evidenceDocuments().stream().map(d -> {
                ProjectDocument known = documents.get(d.documentId());
                return new CitedDocument(d.documentId(), d.sha256(), known == null ? null : known.documentType,
                        known == null ? null : known.title);
            }).toList();
            return new ItemView(item.code, item.title, item.framework, item.weight, item.critical, item.rating,
                    item.evidence, item.evidenceUrls().isEmpty() ? null : item.evidenceUrls(),
                    cited.isEmpty() ? null : cited, item.comment, item.ratedAt);
        }
    }

    /** The documents the items cite, read in one query. */
    static Map<UUID, ProjectDocument> documentsOf(List<ReviewItem> items) {
        List<UUID> ids = items.stream().flatMap(item -> item.evidenceDocuments().stream())
                .map(EvidenceDocument::documentId).distinct().toList();
        return ProjectDocument.byIds(ids).stream().collect(Collectors.toMap(d -> d.documentId, d -> d));
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
                withRatings ? itemViews(items) : null,
                review.screened() ? new Screening(review.screeningCategory(), review.screeningSummary(),
                        review.screenedAt(), review.consultationClosesAt()) : null,
                review.categoryChangeReason());
    }

    private static List<ItemView> itemViews(List<ReviewItem> items) {
        Map<UUID, ProjectDocument> documents = documentsOf(items);
        return items.stream().map(item -> ItemView.of(item, documents)).toList();
    }
}
