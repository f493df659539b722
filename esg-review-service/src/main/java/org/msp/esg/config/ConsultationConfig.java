package org.msp.esg.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.msp.esg.domain.ConsultationWindows;

import java.time.Duration;

/** msp.esg.consultation.*: the comment window per risk category and how often ended windows are closed. */
@ConfigMapping(prefix = "msp.esg.consultation")
public interface ConsultationConfig {
    Window window();

    /** How often an instance looks for windows that have ended (each is closed by exactly one instance). */
    @WithDefault("30s")
    Duration closeCheck();

    interface Window {
        @WithDefault("P60D")
        Duration a();

        @WithDefault("P30D")
        Duration b();

        @WithDefault("P14D")
        Duration c();
    }

    default ConsultationWindows windows() {
        return new ConsultationWindows(window().a(), window().b(), window().c());
    }
}
