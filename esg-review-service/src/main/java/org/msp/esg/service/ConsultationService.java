package org.msp.esg.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.msp.esg.config.ConsultationConfig;
import org.msp.esg.domain.CommentDisposition;
import org.msp.esg.domain.Commenter;
import org.msp.esg.domain.ConsultationComment;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.ReviewHistoryEntry;
import org.msp.esg.domain.ReviewHistoryEntry.Action;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.domain.RiskCategory;
import org.msp.events.esg.CommentAnswered;
import org.msp.events.esg.CommentReceived;
import org.msp.events.esg.ConsultationClosed;
import org.msp.events.esg.ConsultationOpened;
import org.msp.platform.outbox.Outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public consultation of a review (SPEC §9): screening opens the comment window, comments and
 * answers arrive, the secretariat may hide a comment, and ended windows are closed. Each change, its
 * history entry and the event the review returns commit together (the event through the outbox).
 */
@ApplicationScoped
public class ConsultationService {
    /** How many ended windows one closing pass takes (the rest wait for the next pass). */
    static final int CLOSING_BATCH = 50;

    private final Outbox outbox;
    private final Clock clock;
    private final ConsultationConfig config;
    private final EntityManager entityManager;

    public ConsultationService(Outbox outbox, Clock clock, ConsultationConfig config, EntityManager entityManager) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.entityManager = entityManager;
    }

    @Transactional
    public Review screen(UUID reviewId, RiskCategory category, String summary, Reviewer reviewer) {
        Review review = ReviewService.locked(reviewId);
        ConsultationOpened opened = review.screen(category, summary, reviewer, config.windows(), now());
        history(review, reviewer.subject(), Action.SCREENED, "risk category " + category
                + "; public comments until " + opened.closesAt());
        outbox.publish(opened);
        return review;
    }

    @Transactional
    public ConsultationComment comment(UUID reviewId, Commenter author, String body, String language,
            List<String> itemCodes, String onBehalfOf) {
        Review review = ReviewService.locked(reviewId);
        CommentReceived received = review.comment(author, body, language, itemCodes, onBehalfOf, now());
        history(review, author.subject(), Action.COMMENTED, "comment " + received.commentId() + " by "
                + author.publicName() + (onBehalfOf == null ? "" : " on behalf of " + onBehalfOf));
        outbox.publish(received);
        return review.comments().stream().filter(c -> c.id.equals(received.commentId())).findFirst().orElseThrow();
    }

    @Transactional
    public ConsultationComment answer(UUID reviewId, UUID commentId, CommentDisposition disposition, String response,
            Reviewer reviewer) {
        Review review = ReviewService.locked(reviewId);
        CommentAnswered answered = review.answer(commentId, disposition, response, reviewer, now());
        history(review, reviewer.subject(), Action.ANSWERED, "comment " + commentId + ": " + answered.disposition());
        outbox.publish(answered);
        return comment(review, commentId);
    }

    /** Hides a comment from the public with a reason; recorded in the history, no event (nothing new to act on). */
    @Transactional
    public ConsultationComment hide(UUID reviewId, UUID commentId, String reason, String actor) {
        Review review = ReviewService.locked(reviewId);
        ConsultationComment hidden = review.hide(commentId, reason, actor, now());
        history(review, actor, Action.HIDDEN, "comment " + commentId + " hidden: " + reason);
        return hidden;
    }

    /**
     * Closes the windows that have ended, at most {@link #CLOSING_BATCH} per call; returns how many. Safe
     * with several instances on one database: each row is taken with {@code FOR UPDATE SKIP LOCKED}, so
     * an instance never waits for, nor closes again, what another is closing; and a review being completed
     * right now (locked by it) is closed by the completion itself.
     */
    @Transactional
    public int closeEndedWindows() {
        OffsetDateTime now = now();
        @SuppressWarnings("unchecked")
        List<UUID> ended = entityManager.createNativeQuery("""
                        SELECT id FROM review
                        WHERE consultation_closes_at <= ?1 AND consultation_closed_at IS NULL AND status <> 'CANCELLED'
                        ORDER BY consultation_closes_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now)
                .setParameter(2, CLOSING_BATCH)
                .getResultList();
        int closed = 0;
        for (UUID id : ended) {
            Review review = Review.findById(id);
            Optional<ConsultationClosed> event = review.closeConsultation(now);
            if (event.isPresent()) {
                ConsultationClosed c = event.get();
                history(review, "system:consultation-closing", Action.CONSULTATION_CLOSED, c.comments()
                        + " comment(s), " + c.hiddenComments() + " hidden; window ended " + c.closedAt());
                outbox.publish(c);
                closed++;
            }
        }
        return closed;
    }

    private static ConsultationComment comment(Review review, UUID commentId) {
        return review.comments().stream().filter(c -> c.id.equals(commentId)).findFirst().orElseThrow();
    }

    private void history(Review review, String actor, Action action, String detail) {
        ReviewHistoryEntry.of(review.id, now(), actor, action, null, null, detail).persist();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
