package org.msp.partner.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The service's notion of now: UTC, at the microsecond precision PostgreSQL keeps. */
final class Clocks {
    private Clocks() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
