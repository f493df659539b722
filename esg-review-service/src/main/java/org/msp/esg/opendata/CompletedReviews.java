package org.msp.esg.opendata;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.ReviewItem;
import org.msp.esg.domain.ReviewStatus;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The reviews whose ratings are public: the completed ones (SPEC §8: every item's rating and evidence
 * once completed; an open review's draft ratings stay with the secretariat and its reviewer, a cancelled
 * review never published any). Read a page at a time in id order, each page in a short transaction of its
 * own with its items in one query: an export of any size holds one page in memory, and no transaction
 * stays open while a slow client reads.
 */
@ApplicationScoped
public class CompletedReviews {
    /** Reviews per page: with the seeded checklist's 32 items, about 3,200 rows in memory at a time. */
    static final int PAGE = 100;

    private final EntityManager entities;

    public CompletedReviews(EntityManager entities) {
        this.entities = entities;
    }

    /** A completed review and its items, in checklist order. */
    public record Completed(Review review, List<ReviewItem> items) {
    }

    /**
     * What an export's ETag is made of. A completed review never changes again (the aggregate refuses every
     * change once closed) and is never deleted, so the set of completed reviews only grows: their count names
     * it, and the newest completion is when the data last changed.
     */
    public record Version(long reviews, OffsetDateTime lastCompletion) {
        public EntityTag etag(String export) {
            return new EntityTag(export + "-" + reviews + "-"
                    + (lastCompletion == null ? 0 : lastCompletion.toInstant().toEpochMilli()));
        }
    }

    public Version version() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = entities.createQuery(
                            "select count(r), max(r.completedAt) from Review r where r.status = :completed", Object[].class)
                    .setParameter("completed", ReviewStatus.COMPLETED).getSingleResult();
            return new Version(((Number) row[0]).longValue(), (OffsetDateTime) row[1]);
        });
    }

    /** Hands every page of completed reviews (in id order) to {@code each}. */
    public void forEachPage(Consumer<List<Completed>> each) {
        UUID after = null;
        while (true) {
            UUID from = after;
            List<Completed> page = QuarkusTransaction.requiringNew().call(() -> page(from));
            if (!page.isEmpty()) {
                each.accept(page);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).review().id;
        }
    }

    private List<Completed> page(UUID after) {
        var query = entities.createQuery("select r from Review r where r.status = :completed"
                        + (after == null ? "" : " and r.id > :after") + " order by r.id", Review.class)
                .setParameter("completed", ReviewStatus.COMPLETED).setMaxResults(PAGE);
        if (after != null) {
            query.setParameter("after", after);
        }
        List<Review> reviews = query.getResultList();
        if (reviews.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ReviewItem>> items = new HashMap<>();
        entities.createQuery("select i.review.id, i from ReviewItem i where i.review.id in :ids order by i.position",
                        Object[].class)
                .setParameter("ids", reviews.stream().map(r -> r.id).toList()).getResultList()
                .forEach(row -> items.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((ReviewItem) row[1]));
        return reviews.stream().map(r -> new Completed(r, items.getOrDefault(r.id, List.of()))).toList();
    }
}
