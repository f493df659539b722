package org.msp.notification.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    final AtomicLong clock = new AtomicLong();
    final RateLimiter limiter = new RateLimiter(3, clock::get);

    @Test
    void anAddressGetsItsQuotaThenWaitsWhileOthersAreUnaffected() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.tryAcquire("203.0.113.7"));
        }
        long wait = limiter.tryAcquire("203.0.113.7");
        assertTrue(wait > 0 && wait <= 20, "one token refills in 20 s, was " + wait);
        assertEquals(0, limiter.tryAcquire("198.51.100.1"));

        clock.addAndGet(20_000_000_000L);
        assertEquals(0, limiter.tryAcquire("203.0.113.7"));
        assertTrue(limiter.tryAcquire("203.0.113.7") > 0);
    }
}
