package org.msp.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.msp.notification.domain.Delivery;
import org.msp.notification.domain.DeliveryStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of a subscription's delivery log: an event, or (e-mail) the confirmation mail. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(UUID id, String kind, String eventId, String eventType, String status, int attempts,
        Integer lastStatusCode, String lastError, OffsetDateTime createdAt, OffsetDateTime lastAttemptAt,
        OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt) {

    static DeliveryView of(Delivery delivery) {
        boolean pending = delivery.status() == DeliveryStatus.PENDING;
        return new DeliveryView(delivery.id, delivery.kind.name(), delivery.eventId, delivery.eventType,
                delivery.status().name(), delivery.attempts, delivery.lastStatusCode, delivery.lastError,
                delivery.createdAt, delivery.lastAttemptAt, pending ? delivery.nextAttemptAt : null,
                delivery.deliveredAt);
    }
}
