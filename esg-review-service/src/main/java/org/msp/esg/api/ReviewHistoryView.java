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

    /**
     * As the public sees it: a commenter's account id is not published (the detail names the commenter as
     * it chose to be named); the secretariat sees it, for accountability.
     */
    static ReviewHistoryView of(ReviewHistoryEntry entry, boolean secretariat) {
        boolean withheld = entry.action == ReviewHistoryEntry.Action.COMMENTED && !secretariat;
        return new ReviewHistoryView(entry.at, withheld ? null : entry.actor, entry.action, entry.itemCode,
                entry.rating, entry.detail);
    }
}
