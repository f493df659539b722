package org.msp.notification.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * How e-mail subscriptions are confirmed and mailed (msp.email.*). The SMTP server itself is
 * quarkus.mailer.*; retries and back-off are the webhooks' (msp.webhooks.*).
 */
@ConfigMapping(prefix = "msp.email")
public interface EmailConfig {
    /** Hard limit on one SMTP attempt (connect, send, answer); a timeout is retried like any SMTP failure. */
    Duration timeout();

    /** How long a confirmation link works after its mail was sent. */
    Duration confirmationValidity();
}
