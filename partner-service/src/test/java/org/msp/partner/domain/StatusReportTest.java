package org.msp.partner.domain;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.partner.domain.ProjectStatus.*;

/** The "never backwards" rule of the project read model, without Quarkus. */
class StatusReportTest {
    static final OffsetDateTime T1 = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime T2 = T1.plusHours(1);

    @Test
    void aNextStepFromTheKnownStatusApplies() {
        assertTrue(new StatusReport(ESG_REVIEW, OPEN_FOR_SUPPORT, T2).judge(ESG_REVIEW, T1).apply());
    }

    @Test
    void aLaterStatusAppliesEvenWhenStepsInBetweenAreMissing() {
        assertTrue(new StatusReport(OPEN_FOR_SUPPORT, ENDORSED, T2).judge(SUBMITTED, T1).apply());
    }

    @Test
    void anOlderEventIsStale() {
        assertFalse(new StatusReport(ESG_REVIEW, OPEN_FOR_SUPPORT, T1).judge(ENDORSED, T2).apply());
    }

    @Test
    void losingQuorumStepsBackFromEndorsed() {
        assertTrue(new StatusReport(ENDORSED, OPEN_FOR_SUPPORT, T2).judge(ENDORSED, T1).apply());
    }

    @Test
    void anOlderEndorsedDoesNotUndoALaterStepBack() {
        assertFalse(new StatusReport(OPEN_FOR_SUPPORT, ENDORSED, T1).judge(OPEN_FOR_SUPPORT, T2).apply());
    }

    @Test
    void aBackwardsMoveNotFromTheKnownStatusIsRefusedEvenIfNewer() {
        assertFalse(new StatusReport(SUBMITTED, ESG_REVIEW, T2).judge(OPEN_FOR_SUPPORT, T1).apply());
    }

    @Test
    void terminalStatusesAreFinal() {
        assertFalse(new StatusReport(OPEN_FOR_SUPPORT, ENDORSED, T2).judge(WITHDRAWN, T1).apply());
        assertFalse(new StatusReport(ENDORSED, OPEN_FOR_SUPPORT, T2).judge(PRIORITISED, T1).apply());
    }

    @Test
    void aPrioritisedProjectIsFinancedAndFinancedIsFinal() {
        assertTrue(new StatusReport(PRIORITISED, FINANCED, T2).judge(PRIORITISED, T1).apply());
        assertFalse(new StatusReport(PRIORITISED, WITHDRAWN, T2).judge(FINANCED, T1).apply());
        assertFalse(new StatusReport(OPEN_FOR_SUPPORT, ENDORSED, T2).judge(PRIORITISED, T1).apply());
    }

    @Test
    void withdrawalAppliesFromAnyOpenStatus() {
        assertTrue(new StatusReport(ENDORSED, WITHDRAWN, T2).judge(OPEN_FOR_SUPPORT, T1).apply());
    }

    @Test
    void eventsWithoutTimeAreJudgedByTheirStep() {
        assertTrue(new StatusReport(ENDORSED, OPEN_FOR_SUPPORT, null).judge(ENDORSED, T1).apply());
        assertFalse(new StatusReport(ESG_REVIEW, OPEN_FOR_SUPPORT, null).judge(ENDORSED, T1).apply());
    }
}
