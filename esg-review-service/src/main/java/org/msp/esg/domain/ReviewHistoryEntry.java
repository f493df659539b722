package org.msp.esg.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One change to a review, kept for good: who did what, when; every re-rating included. */
@Entity
@Table(name = "review_history")
public class ReviewHistoryEntry extends PanacheEntityBase {
    public enum Action {
        OPENED, ASSIGNED, RATED, COMPLETED, CANCELLED,
        // the public consultation (SPEC §9)
        SCREENED, COMMENTED, ANSWERED, HIDDEN, CONSULTATION_CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "review_id")
    public UUID reviewId;
    public OffsetDateTime at;
    /** Token subject of the user, or {@code event:<source>} when an event caused the change. */
    public String actor;
    @Enumerated(EnumType.STRING)
    public Action action;
    @Column(name = "item_code")
    public String itemCode;
    @Enumerated(EnumType.STRING)
    public ItemRating rating;
    public String detail;

    public static ReviewHistoryEntry of(UUID reviewId, OffsetDateTime at, String actor, Action action, String itemCode,
            ItemRating rating, String detail) {
        ReviewHistoryEntry entry = new ReviewHistoryEntry();
        entry.reviewId = reviewId;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.itemCode = itemCode;
        entry.rating = rating;
        entry.detail = detail != null && detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        return entry;
    }

    public static List<ReviewHistoryEntry> of(UUID reviewId) {
        return list("reviewId = ?1 order by id", reviewId);
    }
}
