package org.msp.esg.domain;

import org.junit.jupiter.api.Test;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.events.esg.ConsultationClosed;
import org.msp.events.esg.ConsultationOpened;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consultation's rules in the review aggregate, without Quarkus: the window, who comments, completion. */
class ConsultationRulesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final Reviewer JP = new Reviewer("jp-reviewer", "JP");
    private static final Commenter AMARA = new Commenter("amara", "amara", "civil-society");
    private static final ConsultationWindows WINDOWS = new ConsultationWindows(Duration.ofDays(60), Duration.ofDays(30),
            Duration.ofDays(14));

    /** A two-item review assigned to JP with both items rated MEETS. */
    private static Review ratedReview() {
        ChecklistTemplate template = new ChecklistTemplate();
        template.id = UUID.randomUUID();
        template.key = "TEST";
        template.version = 1;
        template.addItems(List.of(ChecklistItem.of("FORCED", "No forced labour", "g", "IFC PS2", 6, true),
                ChecklistItem.of("WATER", "Water", "g", "IFC PS3", 4, false)));
        Facts facts = Facts.of(UUID.randomUUID(), "ZM", "GB", Mineral.COBALT);
        Review review = Review.open(EventSamples.submitted(facts), template, NOW);
        review.assign(JP, "sec", NOW);
        review.rate("FORCED", ItemRating.MEETS, null, List.of(), null, JP, NOW);
        review.rate("WATER", ItemRating.MEETS, null, List.of(), null, JP, NOW);
        return review;
    }

    @Test
    void theWindowLastsAsLongAsTheCategoryAsksAndTakesCommentsOnlyWhileOpen() {
        Review review = ratedReview();
        ConsultationOpened opened = review.screen(RiskCategory.C, "A small plant.", JP, WINDOWS, NOW);
        assertEquals(NOW.plusDays(14), opened.closesAt());
        assertTrue(review.consultationOpenAt(NOW.plusDays(13)));
        review.comment(AMARA, "Noise", "en", List.of("WATER"), null, NOW.plusDays(13));
        ReviewRuleException late = assertThrows(ReviewRuleException.class,
                () -> review.comment(AMARA, "Late", "en", List.of(), null, NOW.plusDays(14)));
        assertEquals(ReviewRuleException.Kind.CONFLICT, late.kind(), "the window's end is not inside it");
        assertEquals(1, review.comments().size());
    }

    @Test
    void windowsMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConsultationWindows(Duration.ofDays(60), Duration.ZERO, Duration.ofDays(14)));
    }

    @Test
    void completionListsEverythingStillMissingAndTheClosingHappensOnce() {
        Review review = ratedReview();
        review.screen(RiskCategory.B, "Tailings.", JP, WINDOWS, NOW);
        UUID answered = review.comment(AMARA, "Dust", "en", List.of(), null, NOW.plusDays(1)).commentId();
        UUID open = review.comment(AMARA, "Water", "en", List.of("WATER"), null, NOW.plusDays(2)).commentId();
        UUID hidden = review.comment(AMARA, "Abuse", "en", List.of(), null, NOW.plusDays(3)).commentId();
        review.answer(answered, CommentDisposition.ACCEPTED, "A condition.", JP, NOW.plusDays(4));
        review.hide(hidden, "Personal attack", "secretariat", NOW.plusDays(4));

        ReviewRuleException early = assertThrows(ReviewRuleException.class,
                () -> review.complete(RiskCategory.A, null, JP, NOW.plusDays(5)));
        assertEquals(List.of("consultation", "comments/" + open, "categoryChangeReason"), early.fields());
        assertEquals(Optional.empty(), review.closeConsultation(NOW.plusDays(29)));

        ConsultationClosed closed = review.closeConsultation(NOW.plusDays(30)).orElseThrow();
        assertEquals(3, closed.comments());
        assertEquals(1, closed.hiddenComments());
        assertEquals(NOW.plusDays(30), closed.closedAt());
        assertEquals(Optional.empty(), review.closeConsultation(NOW.plusDays(31)), "closed once");

        review.answer(open, CommentDisposition.DUPLICATE, "See comment 1.", JP, NOW.plusDays(31));
        review.complete(RiskCategory.A, "Comments showed a second village.", JP, NOW.plusDays(31));
        assertEquals(ReviewStatus.COMPLETED, review.status());
        assertEquals("Comments showed a second village.", review.categoryChangeReason());
    }

    @Test
    void theAssignedReviewerAnswersButDoesNotCommentAndScreensOnce() {
        Review review = ratedReview();
        ReviewRuleException notOpen = assertThrows(ReviewRuleException.class,
                () -> review.comment(AMARA, "x", "en", List.of(), null, NOW));
        assertEquals(ReviewRuleException.Kind.CONFLICT, notOpen.kind());
        review.screen(RiskCategory.A, "Big mine.", JP, WINDOWS, NOW);
        assertEquals(ReviewRuleException.Kind.CONFLICT, assertThrows(ReviewRuleException.class,
                () -> review.screen(RiskCategory.B, "again", JP, WINDOWS, NOW)).kind());
        assertEquals(ReviewRuleException.Kind.FORBIDDEN, assertThrows(ReviewRuleException.class,
                () -> review.comment(new Commenter("jp-reviewer", "jp", "civil-society"), "mine", "en", List.of(), null,
                        NOW)).kind());
        assertEquals(ReviewRuleException.Kind.INVALID, assertThrows(ReviewRuleException.class,
                () -> review.comment(AMARA, "x", "en", List.of("NOPE"), null, NOW)).kind());
        UUID comment = review.comment(AMARA, "x", "en", List.of(), null, NOW).commentId();
        assertEquals(ReviewRuleException.Kind.FORBIDDEN, assertThrows(ReviewRuleException.class,
                () -> review.answer(comment, CommentDisposition.ACCEPTED, "y", new Reviewer("no-reviewer", "NO"), NOW))
                .kind());
        assertEquals(ReviewRuleException.Kind.NOT_FOUND, assertThrows(ReviewRuleException.class,
                () -> review.answer(UUID.randomUUID(), CommentDisposition.ACCEPTED, "y", JP, NOW)).kind());
    }
}
