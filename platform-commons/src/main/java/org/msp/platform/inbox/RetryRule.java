package org.msp.platform.inbox;

import java.time.Duration;

/**
 * Whether a consumed event that failed is tried again, and after how long. While the database is
 * unavailable an event is retried for as long as that lasts, and those tries do not count: only the
 * event's own failures (anything else) count towards {@code maxAttempts}, after which it is given up
 * to the dead-letter topic. Back-off doubles from {@link #FIRST_BACKOFF} up to {@code maxBackoff}.
 * Kept free of Quarkus and Kafka so the rule can be tested alone.
 */
final class RetryRule {
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final int maxAttempts;
    private final Duration maxBackoff;

    RetryRule(int maxAttempts, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("msp.consumer.max-attempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.maxBackoff = maxBackoff;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** The tries of one event, from its first. */
    Tries forEvent() {
        return new Tries();
    }

    /** What to do after a failed try. */
    record Decision(boolean giveUp, Duration backoff, int ownFailures, int outageFailures) {
    }

    /** Counts one event's failed tries; not shared between events or threads. */
    final class Tries {
        private int ownFailures;
        private int outageFailures;
        private Duration backoff = FIRST_BACKOFF.compareTo(maxBackoff) < 0 ? FIRST_BACKOFF : maxBackoff;

        /** Records a failed try; {@code databaseUnavailable} says whether it failed only because of an outage. */
        Decision failed(boolean databaseUnavailable) {
            if (databaseUnavailable) {
                outageFailures++;
            } else {
                ownFailures++;
            }
            if (!databaseUnavailable && ownFailures >= maxAttempts) {
                return new Decision(true, Duration.ZERO, ownFailures, outageFailures);
            }
            Duration wait = backoff;
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(maxBackoff) < 0 ? doubled : maxBackoff;
            return new Decision(false, wait, ownFailures, outageFailures);
        }
    }
}
