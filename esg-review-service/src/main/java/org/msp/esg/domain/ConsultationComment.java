package org.msp.esg.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One comment of a public consultation, with the reviewer's answer and, if the secretariat hid it,
 * when and why. A comment is never deleted: hiding withholds its text from the public, nothing more.
 * Changed only through its {@link Review}.
 */
@Entity
@Table(name = "consultation_comment")
public class ConsultationComment extends PanacheEntityBase {
    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "review_id")
    Review review;

    /** 1, 2, 3 … in the order the comments arrived (the review is locked while one is added). */
    public int position;
    /** The commenter's token subject: kept for accountability, never published. */
    @Column(name = "author_subject")
    String authorSubject;
    /** The name the commenter publishes under (never an e-mail address, see {@link Commenter}). */
    @Column(name = "author_name")
    public String authorName;
    @Column(name = "author_role")
    public String authorRole;
    @Column(name = "on_behalf_of")
    public String onBehalfOf;
    String body;
    public String language;
    /** The checklist items the comment concerns, stored ",CODE1,CODE2," (',' for none). */
    @Column(name = "item_codes")
    String itemCodesColumn = ",";
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    public CommentDisposition disposition;
    public String response;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "hidden_at")
    public OffsetDateTime hiddenAt;
    @Column(name = "hidden_by")
    String hiddenBy;
    @Column(name = "hidden_reason")
    public String hiddenReason;

    static ConsultationComment of(Review review, int position, Commenter author, String body, String language,
            List<String> itemCodes, String onBehalfOf, OffsetDateTime now) {
        ConsultationComment comment = new ConsultationComment();
        comment.id = UUID.randomUUID();
        comment.review = review;
        comment.position = position;
        comment.authorSubject = author.subject();
        comment.authorName = author.publicName();
        comment.authorRole = author.role();
        comment.body = body;
        comment.language = language;
        comment.itemCodesColumn = itemCodes.stream().distinct()
                .reduce(",", (joined, code) -> joined + code + ",");
        comment.onBehalfOf = onBehalfOf;
        comment.receivedAt = now;
        return comment;
    }

    public List<String> itemCodes() {
        return Arrays.stream(itemCodesColumn.split(",")).filter(code -> !code.isEmpty()).toList();
    }

    public boolean hidden() {
        return hiddenAt != null;
    }

    public boolean answered() {
        return disposition != null;
    }

    /** The text as the public may read it: none once hidden. */
    public String publicBody() {
        return hidden() ? null : body;
    }

    public String authorSubject() {
        return authorSubject;
    }

    void answer(CommentDisposition disposition, String response, OffsetDateTime now) {
        this.disposition = disposition;
        this.response = response;
        this.answeredAt = now;
    }

    void hide(String reason, String by, OffsetDateTime now) {
        this.hiddenAt = now;
        this.hiddenBy = by;
        this.hiddenReason = reason;
    }
}
