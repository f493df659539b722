package org.msp.notification.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How webhooks are checked and delivered (msp.webhooks.*). */
@ConfigMapping(prefix = "msp.webhooks")
public interface WebhookConfig {
    /** Accept targets on 127.0.0.0/8 and ::1 (local runs and tests only). */
    boolean allowLoopback();

    /** Accept targets on private networks (10/8, 172.16/12, 192.168/16, fc00::/7). */
    boolean allowPrivateNetworks();

    /** Bound on one whole attempt: connect, response headers and body. */
    Duration timeout();

    /** Attempts before a retryable delivery is parked as FAILED. */
    int maxAttempts();

    /** Back-off after the first failed attempt; doubles per attempt, with jitter. */
    Duration initialBackoff();

    Duration maxBackoff();

    /** Deliveries in flight at once; a slow target holds at most one of them. */
    int workers();

    /** How often the worker looks for due deliveries when nothing woke it. */
    Duration pollInterval();
}
