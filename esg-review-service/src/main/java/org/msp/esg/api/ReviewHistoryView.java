package org.msp.esg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.ReviewHistoryEntry;

import java.time.OffsetDateTime;

/** One change to a review. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewHistoryView(OffsetDateTime at, String actor, ReviewHistoryEntry.Action action, String itemCode,
        ItemRating rating, String detail) {
    static ReviewHistoryView of(ReviewHistoryEntry entry) {
        return new ReviewHistoryView(entry.at, entry.actor, entry.action, entry.itemCode, entry.rating, entry.detail);
    }
}
