package org.msp.notification.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: after attempt n the next one waits between half and all of
 * {@code initial * 2^(n-1)}, capped at {@code max}, so many failing deliveries do not retry in step.
 */
public record RetryPolicy(Duration initial, Duration max, int maxAttempts) {

    /** {@code random} yields values in [0, 1). */
    public Duration delayAfter(int attempts, DoubleSupplier random) {
        long initialMillis = Math.max(1, initial.toMillis());
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        long ceiling = Math.min(max.toMillis(), initialMillis * (1L << doublings));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }

    /** 5xx, 408 and 429 may succeed later; other 4xx never will. */
    public static boolean isRetryable(int statusCode) {
        return statusCode >= 500 || statusCode == 408 || statusCode == 429;
    }
}
