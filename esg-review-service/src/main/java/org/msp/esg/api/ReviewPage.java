package org.msp.esg.api;

import java.util.List;

/** One page of reviews (without their ratings); {@code total} counts every match. */
public record ReviewPage(List<ReviewView> items, int page, int size, long total) {
}
