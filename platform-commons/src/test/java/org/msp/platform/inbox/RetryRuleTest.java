package org.msp.platform.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a consumed event that failed is tried again, and when it is given up to the dead-letter topic. */
class RetryRuleTest {
    static final boolean OUTAGE = true;
    static final boolean OWN_FAILURE = false;

    @Test
    void anEventIsGivenUpAtItsMaxAttemptsOwnFailure() {
        RetryRule.Tries tries = new RetryRule(3, Duration.ofSeconds(5)).forEvent();
        assertFalse(tries.failed(OWN_FAILURE).giveUp());
        assertFalse(tries.failed(OWN_FAILURE).giveUp());
        RetryRule.Decision third = tries.failed(OWN_FAILURE);
        assertTrue(third.giveUp());
        assertEquals(3, third.ownFailures());
    }

    @Test
    void triesDuringAnOutageDoNotCountAgainstMaxAttempts() {
        RetryRule.Tries tries = new RetryRule(3, Duration.ofSeconds(5)).forEvent();
        // an outage far longer than max-attempts tries
        for (int i = 0; i < 50; i++) {
            assertFalse(tries.failed(OUTAGE).giveUp(), "an outage never gives an event up");
        }
        // the first failures of its own after the outage are retried, as if the outage had not been
        RetryRule.Decision first = tries.failed(OWN_FAILURE);
        assertFalse(first.giveUp(), "the first failure of the event's own after an outage is retried");
        assertEquals(1, first.ownFailures());
        assertEquals(50, first.outageFailures());
        assertFalse(tries.failed(OWN_FAILURE).giveUp());
        assertFalse(tries.failed(OUTAGE).giveUp());
        assertTrue(tries.failed(OWN_FAILURE).giveUp(), "its third own failure gives it up");
    }

    @Test
    void eachEventHasItsOwnCount() {
        RetryRule rule = new RetryRule(2, Duration.ofSeconds(5));
        RetryRule.Tries first = rule.forEvent();
        first.failed(OWN_FAILURE);
        assertTrue(first.failed(OWN_FAILURE).giveUp());
        assertFalse(rule.forEvent().failed(OWN_FAILURE).giveUp(), "the next event starts from zero");
    }

    @Test
    void backOffDoublesUpToTheMaximumWhateverTheFailure() {
        RetryRule.Tries tries = new RetryRule(100, Duration.ofMillis(500)).forEvent();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(tries.failed(i % 2 == 0 ? OUTAGE : OWN_FAILURE).backoff().toMillis());
        }
        assertEquals(List.of(100L, 200L, 400L, 500L, 500L, 500L), waits);
    }

    @Test
    void aMaximumBelowTheFirstBackOffIsKept() {
        assertEquals(Duration.ofMillis(10), new RetryRule(5, Duration.ofMillis(10)).forEvent().failed(OUTAGE).backoff());
    }

    @Test
    void oneAttemptGivesUpAtTheFirstOwnFailureButNotDuringAnOutage() {
        RetryRule.Tries tries = new RetryRule(1, Duration.ofSeconds(5)).forEvent();
        assertFalse(tries.failed(OUTAGE).giveUp());
        assertTrue(tries.failed(OWN_FAILURE).giveUp());
        assertThrows(IllegalArgumentException.class, () -> new RetryRule(0, Duration.ofSeconds(5)));
    }
}
