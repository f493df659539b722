package org.msp.notification.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The answer to a new subscription: the only time its {@code secret} is ever shown. A webhook's
 * {@code webhookSecret} is the same key as Standard Webhooks verifiers take it ({@code whsec_} and the
 * base64 of the secret's UTF-8 bytes); null for e-mail.
 */
public record SubscriptionCreated(UUID id, String channel, String target, FilterView filter, String status,
        OffsetDateTime createdAt, String secret, String webhookSecret, String secretNote) {
}
