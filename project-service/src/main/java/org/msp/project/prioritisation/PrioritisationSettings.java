package org.msp.project.prioritisation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** How the priority score is configured (SPEC §5a, §11). */
@ConfigMapping(prefix = "msp.prioritisation")
public interface PrioritisationSettings {
    /** The weights of the five components (any non-negative numbers; they are normalised to sum 1). */
    Weights weights();

    /** How the host government's word scales the support component. */
    @WithName("host-consent")
    HostConsentEffect hostConsent();

    interface Weights {
        double esg();

        double support();

        double diversification();

        @WithName("value-addition")
        double valueAddition();

        double transparency();
    }

    /**
     * The factor (0-1) on the support component when the host government objected, and while it has not
     * said anything; a consent leaves the component whole.
     */
    interface HostConsentEffect {
        @WithName("objection-factor")
        double objectionFactor();

        @WithName("silence-factor")
        double silenceFactor();
    }
}
