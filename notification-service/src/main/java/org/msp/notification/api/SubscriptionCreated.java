package org.msp.notification.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer to a new subscription: the only time its {@code secret} is ever shown. */
public record SubscriptionCreated(UUID id, String channel, String target, FilterView filter, String status,
        OffsetDateTime createdAt, String secret, String secretNote) {
}
