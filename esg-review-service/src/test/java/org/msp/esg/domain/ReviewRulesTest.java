package org.msp.esg.domain;

import org.junit.jupiter.api.Test;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.events.esg.Condition;
import org.msp.events.esg.ReviewAssigned;
import org.msp.events.esg.ReviewCompleted;
import org.msp.events.esg.ReviewOpened;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review aggregate's rules (conflict of interest, who rates, completion, freezing), without Quarkus. */
class ReviewRulesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final Reviewer JP = new Reviewer("jp-reviewer", "JP");
    /** A ZM-hosted cobalt and copper project submitted by GB. */
    private static final Facts KABWE = Facts.of(UUID.randomUUID(), "ZM", "GB", Mineral.COBALT, Mineral.COPPER)
            .titled("Kabwe tailings");

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

    private static Review review() {
        return Review.open(EventSamples.submitted(KABWE), template(), NOW);
    }

    @Test
    void openingFreezesTheTemplateAndCopiesItsItemsUnrated() {
        ChecklistTemplate template = template();
        Review review = Review.open(EventSamples.submitted(KABWE), template, NOW);
        assertTrue(template.isFrozen());
        assertEquals(ReviewStatus.OPEN, review.status());
        assertEquals(2, review.items().size());
        assertEquals(0, review.ratedCount());
        ReviewRuleException e = assertThrows(ReviewRuleException.class, () -> template.replaceItems(List.of()));
        assertEquals(ReviewRuleException.Kind.CONFLICT, e.kind());

        ReviewOpened opened = review.opened();
        assertEquals(new ReviewOpened(KABWE.projectId(), "Kabwe tailings", "ZM", "GB",
                List.of(Mineral.COBALT, Mineral.COPPER), review.id, template.id, 1), opened);
    }

    @Test
    void reviewersFromTheHostCountryOrSubmittingPartnerHaveAConflictOfInterest() {
        Review review = review();
        ReviewRuleException host = assertThrows(ReviewRuleException.class,
                () -> review.assign(new Reviewer("zm-reviewer", "ZM"), "sec", NOW));
        assertEquals(ReviewRuleException.Kind.CONFLICT, host.kind());
        assertTrue(host.getMessage().contains("host country"), host.getMessage());
        ReviewRuleException partner = assertThrows(ReviewRuleException.class,
                () -> review.assign(new Reviewer("gb-reviewer", "GB"), "sec", NOW));
        assertTrue(partner.getMessage().contains("submitting partner"), partner.getMessage());
        assertEquals(ReviewStatus.OPEN, review.status());

        assertEquals(Optional.of(new ReviewAssigned(KABWE.projectId(), "Kabwe tailings", "ZM", "GB",
                List.of(Mineral.COBALT, Mineral.COPPER), review.id, "jp-reviewer", "JP")), review.assign(JP, "sec", NOW));
        assertEquals(ReviewStatus.ASSIGNED, review.status());
        assertEquals(Optional.empty(), review.assign(JP, "sec", NOW), "claiming again changes nothing");
        ReviewRuleException taken = assertThrows(ReviewRuleException.class,
                () -> review.assign(new Reviewer("no-reviewer", "NO"), "sec", NOW));
        assertEquals(ReviewRuleException.Kind.CONFLICT, taken.kind());
        assertEquals("jp-reviewer", review.reviewer());
    }

    @Test
    void onlyTheAssignedReviewerRatesAndShortfallsNeedAComment() {
        Review review = review();
        review.assign(JP, "sec", NOW);
        ReviewRuleException other = assertThrows(ReviewRuleException.class,
                () -> review.rate("WATER", ItemRating.MEETS, null, List.of(), null, new Reviewer("no-reviewer", "NO"), NOW));
        assertEquals(ReviewRuleException.Kind.FORBIDDEN, other.kind());
        ReviewRuleException unknown = assertThrows(ReviewRuleException.class,
                () -> review.rate("NOPE", ItemRating.MEETS, null, List.of(), null, JP, NOW));
        assertEquals(ReviewRuleException.Kind.NOT_FOUND, unknown.kind());
        ReviewRuleException noComment = assertThrows(ReviewRuleException.class,
                () -> review.rate("WATER", ItemRating.PARTIAL, null, List.of(), " ", JP, NOW));
        assertEquals(List.of("comment"), noComment.fields());
        ReviewRuleException hiddenDealBreaker = assertThrows(ReviewRuleException.class,
                () -> review.rate("FORCED", ItemRating.NOT_APPLICABLE, null, List.of(), null, JP, NOW));
        assertEquals(ReviewRuleException.Kind.INVALID, hiddenDealBreaker.kind());
        assertEquals(0, review.ratedCount(), "refused ratings change nothing");

        assertEquals(null, review.rate("WATER", ItemRating.PARTIAL, "site visit", List.of("https://example.org/r"),
                "no water balance yet", JP, NOW));
        assertEquals(ItemRating.PARTIAL, review.rate("WATER", ItemRating.MEETS, null, List.of(), null, JP, NOW),
                "re-rating returns the previous rating");
    }

    @Test
    void completionNeedsEveryItemRatedThenFreezesTheReview() {
        Review review = review();
        review.assign(JP, "sec", NOW);
        review.rate("WATER", ItemRating.PARTIAL, null, List.of(), "no water balance", JP, NOW);
        ReviewRuleException incomplete = assertThrows(ReviewRuleException.class,
                () -> review.complete(RiskCategory.B, JP, NOW));
        assertEquals(ReviewRuleException.Kind.INCOMPLETE, incomplete.kind());
        assertEquals(List.of("FORCED"), incomplete.fields());

        review.rate("FORCED", ItemRating.MEETS, null, List.of(), null, JP, NOW);
        ReviewCompleted completed = review.complete(RiskCategory.B, JP, NOW);
        assertEquals("80.00", completed.score().toPlainString());
        assertEquals(ReviewOutcome.CLEARED_WITH_CONDITIONS, review.outcome());
        assertEquals(RiskCategory.B, review.riskCategory());
        assertNotNull(review.completedAt());
        assertEquals(1, review.conditions().size());
        // the event: the contract's enums by name, and the project's facts
        assertEquals(org.msp.events.esg.ReviewOutcome.CLEARED_WITH_CONDITIONS, completed.outcome());
        assertEquals(org.msp.events.esg.RiskCategory.B, completed.riskCategory());
        assertEquals(List.of(new Condition("WATER", "Water", org.msp.events.esg.ItemRating.PARTIAL, "no water balance", false)),
                completed.conditions());
        assertEquals(review.id, completed.reviewId());
        assertEquals(KABWE.projectId(), completed.projectId());
        assertEquals("Kabwe tailings", completed.title());
        assertEquals("ZM", completed.hostCountry());
        assertEquals("GB", completed.submittingPartner());
        assertEquals(List.of(Mineral.COBALT, Mineral.COPPER), completed.minerals());
        assertEquals(List.of(), EventSamples.codec().problems(completed), "within the contract's limits");

        ReviewRuleException frozen = assertThrows(ReviewRuleException.class,
                () -> review.rate("WATER", ItemRating.MEETS, null, List.of(), null, JP, NOW));
        assertEquals(ReviewRuleException.Kind.CONFLICT, frozen.kind());
        assertFalse(review.cancel("withdrawn", NOW), "a completed review is not cancelled");
    }

    @Test
    void ratingsOfAnOpenReviewAreVisibleToTheSecretariatAndItsReviewerOnly() {
        Review review = review();
        review.assign(JP, "sec", NOW);
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
        assertThrows(ReviewRuleException.class, () -> review.assign(JP, "sec", NOW));
    }

    @Test
    void theAssignedReviewerActsOnlyUnderTheCountryItWasAssignedUnder() {
        Review review = review();
        // the secretariat named the Zambian reviewer as Japanese: the conflict check passed on that word
        review.assign(new Reviewer("zm-reviewer", "JP"), "sec", NOW);
        Reviewer asItsTokenSays = new Reviewer("zm-reviewer", "ZM");
        ReviewRuleException rating = assertThrows(ReviewRuleException.class,
                () -> review.rate("WATER", ItemRating.MEETS, null, List.of(), null, asItsTokenSays, NOW));
        assertEquals(ReviewRuleException.Kind.CONFLICT, rating.kind());
        assertTrue(rating.getMessage().contains("assigned as a reviewer from JP"), rating.getMessage());
        assertTrue(rating.getMessage().contains("your token says ZM"), rating.getMessage());
        ReviewRuleException completing = assertThrows(ReviewRuleException.class,
                () -> review.complete(RiskCategory.B, asItsTokenSays, NOW));
        assertEquals(ReviewRuleException.Kind.CONFLICT, completing.kind());
        ReviewRuleException noCountry = assertThrows(ReviewRuleException.class,
                () -> review.rate("WATER", ItemRating.MEETS, null, List.of(), null, new Reviewer("zm-reviewer", null), NOW));
        assertEquals(ReviewRuleException.Kind.FORBIDDEN, noCountry.kind());
        // someone else is refused as before, whatever its country
        ReviewRuleException other = assertThrows(ReviewRuleException.class,
                () -> review.rate("WATER", ItemRating.MEETS, null, List.of(), null, new Reviewer("jp-reviewer", "JP"), NOW));
        assertEquals(ReviewRuleException.Kind.FORBIDDEN, other.kind());
        assertEquals(0, review.ratedCount());

        assertEquals(null, review.rate("WATER", ItemRating.MEETS, null, List.of(), null,
                new Reviewer("zm-reviewer", "JP"), NOW), "under the country it was assigned under, it rates");
    }
}
