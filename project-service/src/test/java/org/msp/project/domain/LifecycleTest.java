package org.msp.project.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle table against SPEC §3, without Quarkus. */
class LifecycleTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "DRAFT, SUBMIT, SUBMITTED",
            "SUBMITTED, OPEN_REVIEW, ESG_REVIEW",
            "ESG_REVIEW, CLEAR_REVIEW, OPEN_FOR_SUPPORT",
            "ESG_REVIEW, REJECT_REVIEW, ESG_REJECTED",
            "OPEN_FOR_SUPPORT, REACH_QUORUM, ENDORSED",
            "ENDORSED, LOSE_QUORUM, OPEN_FOR_SUPPORT",
            "ENDORSED, PRIORITISE, PRIORITISED",
            "PRIORITISED, FINANCE, FINANCED",
            "DRAFT, WITHDRAW, WITHDRAWN",
            "SUBMITTED, WITHDRAW, WITHDRAWN",
            "ESG_REVIEW, WITHDRAW, WITHDRAWN",
            "OPEN_FOR_SUPPORT, WITHDRAW, WITHDRAWN",
            "ENDORSED, WITHDRAW, WITHDRAWN"})
    void allowedTransitions(ProjectStatus from, Transition transition, ProjectStatus to) {
        assertEquals(Optional.of(to), Lifecycle.next(from, transition));
    }

    @ParameterizedTest(name = "{0} cannot {1}")
    @CsvSource({
            "DRAFT, OPEN_REVIEW", "DRAFT, PRIORITISE", "SUBMITTED, SUBMIT", "SUBMITTED, CLEAR_REVIEW",
            "ESG_REVIEW, REACH_QUORUM", "OPEN_FOR_SUPPORT, PRIORITISE", "OPEN_FOR_SUPPORT, SUBMIT",
            "ESG_REJECTED, WITHDRAW", "PRIORITISED, WITHDRAW", "WITHDRAWN, SUBMIT", "PRIORITISED, LOSE_QUORUM",
            "ESG_REJECTED, CLEAR_REVIEW", "ENDORSED, FINANCE", "FINANCED, WITHDRAW", "FINANCED, FINANCE"})
    void forbiddenTransitions(ProjectStatus from, Transition transition) {
        assertTrue(Lifecycle.next(from, transition).isEmpty());
        assertThrows(IllegalTransitionException.class, () -> Lifecycle.require(from, transition));
    }

    @Test
    void terminalStatusesAllowNothing() {
        for (ProjectStatus status : ProjectStatus.values()) {
            if (status.isTerminal()) {
                for (Transition transition : Transition.values()) {
                    assertTrue(Lifecycle.next(status, transition).isEmpty(), status + " " + transition);
                }
            }
        }
    }
}
