package org.msp.esg;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: system time plus an offset that tests move forward (never back), so a
 * 30-day comment window ends without waiting. Replaces the service's default clock bean (config/Clocks).
 */
@Singleton
public class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** Moves the service's time forward by {@code amount} for everything that follows. */
    public synchronized void advance(Duration amount) {
        offset = offset.plus(amount);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
