package org.msp.esg.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.esg.domain.ItemRating.DOES_NOT_MEET;
import static org.msp.esg.domain.ItemRating.MEETS;
import static org.msp.esg.domain.ItemRating.NOT_APPLICABLE;
import static org.msp.esg.domain.ItemRating.PARTIAL;

/** The scoring rule of SPEC §5, without Quarkus. */
class ScorecardTest {

    /** Five lines weighing 40: a critical child-labour item, a critical FPIC item and three others. */
    private static List<Scorecard.Line> checklist(ItemRating childLabour, ItemRating fpic, ItemRating esia,
            ItemRating water, ItemRating contracts) {
        List<Scorecard.Line> lines = new ArrayList<>();
        lines.add(new Scorecard.Line("IFC-PS2-CHILD-LABOUR", "No harmful child labour", 10, true, childLabour, comment(childLabour)));
        lines.add(new Scorecard.Line("IFC-PS7-FPIC", "FPIC", 10, true, fpic, comment(fpic)));
        lines.add(new Scorecard.Line("IFC-PS1-ESIA", "ESIA", 8, false, esia, comment(esia)));
        lines.add(new Scorecard.Line("IFC-PS3-WATER", "Water", 8, false, water, comment(water)));
        lines.add(new Scorecard.Line("EITI-CONTRACTS", "Contracts", 4, false, contracts, comment(contracts)));
        return lines;
    }

    private static String comment(ItemRating rating) {
        return rating == null ? null : "reviewer says " + rating;
    }

    @Test
    void everythingMetIsClearedWithFullScore() {
        Scorecard.Result result = Scorecard.assess(checklist(MEETS, MEETS, MEETS, MEETS, MEETS));
        assertEquals(new BigDecimal("100.00"), result.score());
        assertEquals(ReviewOutcome.CLEARED, result.outcome());
        assertTrue(result.conditions().isEmpty());
    }

    @Test
    void aPartialItemClearsWithConditionsAndCountsHalfItsWeight() {
        // 40 possible; ESIA PARTIAL earns 4 of 8 -> 36/40
        Scorecard.Result result = Scorecard.assess(checklist(MEETS, MEETS, PARTIAL, MEETS, MEETS));
        assertEquals(new BigDecimal("90.00"), result.score());
        assertEquals(ReviewOutcome.CLEARED_WITH_CONDITIONS, result.outcome());
        assertEquals(List.of(new Scorecard.Condition("IFC-PS1-ESIA", "ESIA", PARTIAL, "reviewer says PARTIAL", false)),
                result.conditions());
    }

    @Test
    void aNonCriticalFailureClearsWithConditions() {
        // contracts (4) fails, water (8) partial: earned 10+10+8+4+0 = 32 of 40
        Scorecard.Result result = Scorecard.assess(checklist(MEETS, MEETS, MEETS, PARTIAL, DOES_NOT_MEET));
        assertEquals(new BigDecimal("80.00"), result.score());
        assertEquals(ReviewOutcome.CLEARED_WITH_CONDITIONS, result.outcome());
        assertEquals(List.of("IFC-PS3-WATER", "EITI-CONTRACTS"),
                result.conditions().stream().map(Scorecard.Condition::code).toList());
    }

    @Test
    void aFailedCriticalItemRejectsAnOtherwisePerfectProject() {
        Scorecard.Result result = Scorecard.assess(checklist(DOES_NOT_MEET, MEETS, MEETS, MEETS, MEETS));
        assertEquals(new BigDecimal("75.00"), result.score());
        assertEquals(ReviewOutcome.REJECTED, result.outcome());
        assertEquals("IFC-PS2-CHILD-LABOUR", result.conditions().get(0).code());
    }

    @Test
    void aPartialCriticalItemIsAConditionNotARejection() {
        Scorecard.Result result = Scorecard.assess(checklist(MEETS, PARTIAL, MEETS, MEETS, MEETS));
        assertEquals(new BigDecimal("87.50"), result.score());
        assertEquals(ReviewOutcome.CLEARED_WITH_CONDITIONS, result.outcome());
    }

    @Test
    void notApplicableItemsLeaveTheDenominator() {
        // FPIC (10) not applicable: 30 possible; water PARTIAL earns 4 of 8 -> 26/30 = 86.666...
        Scorecard.Result result = Scorecard.assess(checklist(MEETS, NOT_APPLICABLE, MEETS, PARTIAL, MEETS));
        assertEquals(new BigDecimal("86.67"), result.score());
        assertEquals(ReviewOutcome.CLEARED_WITH_CONDITIONS, result.outcome());
        assertEquals(1, result.conditions().size(), "a NOT_APPLICABLE item is no condition");
    }

    @Test
    void notApplicableAndMetIsStillAFullScore() {
        Scorecard.Result result = Scorecard.assess(checklist(MEETS, NOT_APPLICABLE, NOT_APPLICABLE, MEETS, MEETS));
        assertEquals(new BigDecimal("100.00"), result.score());
        assertEquals(ReviewOutcome.CLEARED, result.outcome());
    }

    @Test
    void unratedItemsAreListedAndRefuseScoring() {
        List<Scorecard.Line> lines = checklist(MEETS, null, MEETS, null, MEETS);
        assertEquals(List.of("IFC-PS7-FPIC", "IFC-PS3-WATER"), Scorecard.unrated(lines));
        assertThrows(IllegalStateException.class, () -> Scorecard.assess(lines));
    }

    @Test
    void nothingApplicableCannotBeScored() {
        List<Scorecard.Line> lines = checklist(NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE,
                NOT_APPLICABLE);
        assertFalse(Scorecard.hasApplicableItems(lines));
        assertThrows(IllegalStateException.class, () -> Scorecard.assess(lines));
    }

    @Test
    void everythingFailedScoresZero() {
        Scorecard.Result result = Scorecard.assess(checklist(DOES_NOT_MEET, DOES_NOT_MEET, DOES_NOT_MEET,
                DOES_NOT_MEET, DOES_NOT_MEET));
        assertEquals(new BigDecimal("0.00"), result.score());
        assertEquals(ReviewOutcome.REJECTED, result.outcome());
        assertEquals(5, result.conditions().size());
    }

    @Test
    void aLineMustWeighSomething() {
        assertThrows(IllegalArgumentException.class,
                () -> new Scorecard.Line("X", "x", 0, false, MEETS, null));
    }
}
