package org.msp.esg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.msp.esg.domain.CommentDisposition;
import org.msp.esg.domain.ConsultationComment;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.RiskCategory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A review's public consultation, for anyone: the screening, the window, every comment with its answer.
 * A hidden comment shows that it was hidden, when and why, never its text. No commenter's account data
 * beyond the name it publishes under.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsultationView(UUID reviewId, UUID projectId, String projectTitle, State state,
        RiskCategory riskCategory, String summary, OffsetDateTime screenedAt, OffsetDateTime opensAt,
        OffsetDateTime closesAt, OffsetDateTime closedAt, List<Item> items, List<CommentView> comments) {

    /** A checklist item of the review, which a comment may name by its code. */
    public record Item(String code, String title) {
    }

    /** NOT_OPENED: not screened yet; OPEN: comments are taken now; CLOSED: the window ended (or the review closed). */
    public enum State { NOT_OPENED, OPEN, CLOSED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommentView(UUID id, int number, String authorName, String authorRole, String onBehalfOf,
            String body, String language, List<String> itemCodes, OffsetDateTime receivedAt, boolean hidden,
            OffsetDateTime hiddenAt, String hiddenReason, Answer answer) {
        static CommentView of(ConsultationComment c) {
            return new CommentView(c.id, c.position, c.authorName, c.authorRole, c.onBehalfOf, c.publicBody(),
                    c.language, c.itemCodes(), c.receivedAt, c.hidden(), c.hiddenAt, c.hiddenReason,
                    c.answered() ? new Answer(c.disposition, c.response, c.answeredAt) : null);
        }
    }

    public record Answer(CommentDisposition disposition, String response, OffsetDateTime answeredAt) {
    }

    static ConsultationView of(Review review, OffsetDateTime now) {
        State state = !review.screened() ? State.NOT_OPENED
                : review.consultationOpenAt(now) ? State.OPEN : State.CLOSED;
        return new ConsultationView(review.id, review.projectId, review.projectTitle, state,
                review.screeningCategory(), review.screeningSummary(), review.screenedAt(),
                review.consultationOpensAt(), review.consultationClosesAt(), review.consultationClosedAt(),
                review.items().stream().map(item -> new Item(item.code, item.title)).toList(),
                review.comments().stream().map(CommentView::of).toList());
    }
}
