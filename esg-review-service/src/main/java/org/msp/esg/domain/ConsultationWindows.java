package org.msp.esg.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long the public comment window stays open for each risk category (SPEC §9: by default A 60,
 * B 30, C 14 days; configured in msp.esg.consultation.window.*).
 */
public record ConsultationWindows(Duration a, Duration b, Duration c) {
    public ConsultationWindows {
        for (Map.Entry<String, Duration> window : Map.of("a", a, "b", b, "c", c).entrySet()) {
            Objects.requireNonNull(window.getValue(), "window " + window.getKey());
            if (window.getValue().isNegative() || window.getValue().isZero()) {
                throw new IllegalArgumentException("msp.esg.consultation.window." + window.getKey()
                        + " must be positive, not " + window.getValue());
            }
        }
    }

    public Duration of(RiskCategory category) {
        return switch (category) {
            case A -> a;
            case B -> b;
            case C -> c;
        };
    }
}
