package org.msp.esg.domain;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review aggregate's rules (conflict of interest, who rates, completion, freezing), without Quarkus. */
class ReviewRulesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private static ChecklistTemplate template() {
        ChecklistTemplate template = new ChecklistTemplate();
        template.id = UUID.randomUUID();
        template.key = "TEST";
        template.version = 1;
        template.addItems(List.of(
                ChecklistItem.of("FORCED", "No forced labour", "g", "IFC PS2", 6, true),
                ChecklistItem.of("WATER", "Water", "g", "IFC PS3", 4, false)));
        return template;
    }

    /** A ZM-hosted project submitted by GB. */
    private static Review review() {
        return Review.open(UUID.randomUUID(), "Kabwe tailings", "ZM", "GB", template(), NOW);
    }

    @Test
    void openingFreezesTheTemplateAndCopiesItsItemsUnrated() {
        ChecklistTemplate template = template();
        Review review = Review.open(UUID.randomUUID(), "p", "ZM", "GB", template, NOW);
        assertTrue(template.isFrozen());
        assertEquals(ReviewStatus.OPEN, review.status());
        assertEquals(2, review.items().size());
        assertEquals(0, review.ratedCount());
        ReviewRuleException e = assertThrows(ReviewRuleException.class, () -> template.replaceItems(List.of()));
        assertEquals(ReviewRuleException.Kind.CONFLICT, e.kind());
    }

    @Test
    void reviewersFromTheHostCountryOrSubmittingPartnerHaveAConflictOfInterest() {
        Review review = review();
        ReviewRuleException host = assertThrows(ReviewRuleException.class,
                () -> review.assign("zm-reviewer", "ZM", "sec", NOW));
        assertEquals(ReviewRuleException.Kind.CONFLICT, host.kind());
        assertTrue(host.getMessage().contains("host country"), host.getMessage());
        ReviewRuleException partner = assertThrows(ReviewRuleException.class,
                () -> review.assign("gb-reviewer", "GB", "sec", NOW));
        assertTrue(partner.getMessage().contains("submitting partner"), partner.getMessage());
        assertEquals(ReviewStatus.OPEN, review.status());

        assertTrue(review.assign("jp-reviewer", "JP", "sec", NOW));
        assertEquals(ReviewStatus.ASSIGNED, review.status());
        assertFalse(review.assign("jp-reviewer", "JP", "sec", NOW), "claiming again changes nothing");
        ReviewRuleException taken = assertThrows(ReviewRuleException.class,
                () -> review.assign("no-reviewer", "NO", "sec", NOW));
        assertEquals(ReviewRuleException.Kind.CONFLICT, taken.kind());
        assertEquals("jp-reviewer", review.reviewer());
    }

    @Test
    void onlyTheAssignedReviewerRatesAndShortfallsNeedAComment() {
        Review review = review();
        review.assign("jp-reviewer", "JP", "sec", NOW);
        ReviewRuleException other = assertThrows(ReviewRuleException.class,
                () -> review.rate("WATER", ItemRating.MEETS, null, List.of(), null, "no-reviewer", NOW));
        assertEquals(ReviewRuleException.Kind.FORBIDDEN, other.kind());
        ReviewRuleException unknown = assertThrows(ReviewRuleException.class,
                () -> review.rate("NOPE", ItemRating.MEETS, null, List.of(), null, "jp-reviewer", NOW));
        assertEquals(ReviewRuleException.Kind.NOT_FOUND, unknown.kind());
        ReviewRuleException noComment = assertThrows(ReviewRuleException.class,
                () -> review.rate("WATER", ItemRating.PARTIAL, null, List.of(), " ", "jp-reviewer", NOW));
        assertEquals(List.of("comment"), noComment.fields());
        ReviewRuleException hiddenDealBreaker = assertThrows(ReviewRuleException.class,
                () -> review.rate("FORCED", ItemRating.NOT_APPLICABLE, null, List.of(), null, "jp-reviewer", NOW));
        assertEquals(ReviewRuleException.Kind.INVALID, hiddenDealBreaker.kind());
        assertEquals(0, review.ratedCount(), "refused ratings change nothing");

        assertEquals(null, review.rate("WATER", ItemRating.PARTIAL, "site visit", List.of("https://example.org/r"),
                "no water balance yet", "jp-reviewer", NOW));
        assertEquals(ItemRating.PARTIAL, review.rate("WATER", ItemRating.MEETS, null, List.of(), null, "jp-reviewer", NOW),
                "re-rating returns the previous rating");
    }

    @Test
    void completionNeedsEveryItemRatedThenFreezesTheReview() {
        Review review = review();
        review.assign("jp-reviewer", "JP", "sec", NOW);
        review.rate("WATER", ItemRating.PARTIAL, null, List.of(), "no water balance", "jp-reviewer", NOW);
        ReviewRuleException incomplete = assertThrows(ReviewRuleException.class,
                () -> review.complete(RiskCategory.B, "jp-reviewer", NOW));
        assertEquals(ReviewRuleException.Kind.INCOMPLETE, incomplete.kind());
        assertEquals(List.of("FORCED"), incomplete.fields());

        review.rate("FORCED", ItemRating.MEETS, null, List.of(), null, "jp-reviewer", NOW);
        Scorecard.Result result = review.complete(RiskCategory.B, "jp-reviewer", NOW);
        assertEquals("80.00", result.score().toPlainString());
        assertEquals(ReviewOutcome.CLEARED_WITH_CONDITIONS, review.outcome());
        assertEquals(RiskCategory.B, review.riskCategory());
        assertNotNull(review.completedAt());
        assertEquals(1, review.conditions().size());

        ReviewRuleException frozen = assertThrows(ReviewRuleException.class,
                () -> review.rate("WATER", ItemRating.MEETS, null, List.of(), null, "jp-reviewer", NOW));
        assertEquals(ReviewRuleException.Kind.CONFLICT, frozen.kind());
        assertFalse(review.cancel("withdrawn", NOW), "a completed review is not cancelled");
    }

    @Test
    void ratingsOfAnOpenReviewAreVisibleToTheSecretariatAndItsReviewerOnly() {
        Review review = review();
        review.assign("jp-reviewer", "JP", "sec", NOW);
        assertTrue(review.ratingsVisibleTo("jp-reviewer", false));
        assertTrue(review.ratingsVisibleTo("someone", true));
        assertFalse(review.ratingsVisibleTo("someone", false));
        assertFalse(review.ratingsVisibleTo(null, false));
    }

    @Test
    void aWithdrawnProjectCancelsItsOpenReview() {
        Review review = review();
        assertTrue(review.cancel("the project was withdrawn", NOW));
        assertEquals(ReviewStatus.CANCELLED, review.status());
        assertThrows(ReviewRuleException.class, () -> review.assign("jp-reviewer", "JP", "sec", NOW));
    }
}
