package org.msp.notification.domain;

/** Where a delivery stands: PENDING until the target accepted it or the retries ran out. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED, CANCELLED
}
