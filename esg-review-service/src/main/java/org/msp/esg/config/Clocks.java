package org.msp.esg.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The service's clock: UTC system time. Every rule that reads the time (comment windows, completion,
 * the closing check) reads it here, so that tests can move time with a clock bean of their own.
 */
public class Clocks {
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
