package org.msp.notification.domain;

/** How a subscriber is reached. */
public enum Channel {
    WEBHOOK, EMAIL
}
