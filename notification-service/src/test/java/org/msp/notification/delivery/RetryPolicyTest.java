package org.msp.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {
    final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(10), 8);

    @Test
    void theWaitDoublesPerAttemptWithJitterBetweenHalfAndAll() {
        assertEquals(Duration.ofSeconds(5), policy.delayAfter(1, () -> 0.0));
        assertEquals(Duration.ofMillis(7500), policy.delayAfter(1, () -> 0.5));
        assertTrue(policy.delayAfter(1, () -> 0.999999).compareTo(Duration.ofSeconds(10)) < 0);
        assertEquals(Duration.ofSeconds(20), policy.delayAfter(3, () -> 0.0));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(3, () -> 0.5));
    }

    @Test
    void theWaitIsCapped() {
        assertEquals(Duration.ofSeconds(450), policy.delayAfter(40, () -> 0.5));
        assertEquals(Duration.ofMinutes(5), policy.delayAfter(40, () -> 0.0));
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedClientErrorsAreNot() {
        assertTrue(RetryPolicy.isRetryable(500));
        assertTrue(RetryPolicy.isRetryable(503));
        assertTrue(RetryPolicy.isRetryable(429));
        assertTrue(RetryPolicy.isRetryable(408));
        assertFalse(RetryPolicy.isRetryable(400));
        assertFalse(RetryPolicy.isRetryable(410));
    }
}
