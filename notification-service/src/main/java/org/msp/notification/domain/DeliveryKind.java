package org.msp.notification.domain;

/** What a delivery carries: a pipeline event, or the link that confirms an e-mail subscription. */
public enum DeliveryKind {
    EVENT, CONFIRMATION
}
