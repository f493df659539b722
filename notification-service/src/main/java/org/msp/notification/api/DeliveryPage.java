package org.msp.notification.api;

import java.util.List;

/** A page of the delivery log, newest first. */
public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
}
