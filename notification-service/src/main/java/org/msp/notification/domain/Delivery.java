package org.msp.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event owed to one subscription: the delivery log row and, while PENDING, the work item. Its
 * state moves only through the methods below.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Enumerated(EnumType.STRING)
    public DeliveryKind kind;

    @Enumerated(EnumType.STRING)
    DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    protected Delivery() {
    }

    public DeliveryStatus status() {
        return status;
    }

    /** The target accepted the event ({@code statusCode}: the HTTP status of a webhook; none for e-mail). */
    public void delivered(OffsetDateTime at, Integer statusCode) {
        requirePending();
        attempts++;
        lastAttemptAt = at;
        lastStatusCode = statusCode;
        lastError = null;
        deliveredAt = at;
        status = DeliveryStatus.DELIVERED;
    }

    /**
     * An attempt failed. A retryable failure is tried again after {@code retryIn} unless this was
     * attempt {@code maxAttempts}; a permanent one (e.g. 4xx) parks the delivery as FAILED at once.
     */
    public void attemptFailed(OffsetDateTime at, Integer statusCode, String error, boolean retryable,
            int maxAttempts, Duration retryIn) {
        requirePending();
        attempts++;
        lastAttemptAt = at;
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (retryable && attempts < maxAttempts) {
            nextAttemptAt = at.plus(retryIn);
        } else {
            status = DeliveryStatus.FAILED;
        }
    }

    /** The subscription went away before the event could be delivered. */
    public void cancel(OffsetDateTime at) {
        cancel(at, "subscription deleted");
    }

    /** Nothing is owed any more, e.g. a confirmation mail for a subscription already confirmed. */
    public void cancel(OffsetDateTime at, String reason) {
        if (status == DeliveryStatus.PENDING) {
            status = DeliveryStatus.CANCELLED;
            lastError = reason;
            nextAttemptAt = at;
        }
    }

    private void requirePending() {
        if (status != DeliveryStatus.PENDING) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not PENDING");
        }
    }
}
