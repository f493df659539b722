package org.msp.notification.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer to following an e-mail subscription's confirmation link. */
public record SubscriptionConfirmed(UUID id, String channel, String target, String status,
        OffsetDateTime confirmedAt, String note) {
}
