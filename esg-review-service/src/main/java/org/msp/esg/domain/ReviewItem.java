package org.msp.esg.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A checklist item as copied into a review, with the reviewer's current rating of it. */
@Entity
@Table(name = "review_item")
public class ReviewItem extends PanacheEntityBase {
    // ids come from the sequence 50 at a time, so the items of a new review go to the database as one
    // JDBC batch instead of one INSERT ... RETURNING round trip per item (V3 sets the increment)
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_item_ids")
    @SequenceGenerator(name = "review_item_ids", sequenceName = "review_item_id_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "review_id")
    Review review;

    public int position;
    public String code;
    public String title;
    public String framework;
    public int weight;
    public boolean critical;

    @Enumerated(EnumType.STRING)
    public ItemRating rating;
    public String evidence;
    /** Newline-separated; exposed as a list. */
    @Column(name = "evidence_urls")
    String evidenceUrlsColumn;
    /** The published documents cited as evidence, one {@code <documentId> <sha256>} per line. */
    @Column(name = "evidence_documents")
    String evidenceDocumentsColumn;
    public String comment;
    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    static ReviewItem copyOf(ChecklistItem source) {
        ReviewItem item = new ReviewItem();
        item.position = source.position;
        item.code = source.code;
        item.title = source.title;
        item.framework = source.framework;
        item.weight = source.weight;
        item.critical = source.critical;
        return item;
    }

    public List<String> evidenceUrls() {
        return evidenceUrlsColumn == null || evidenceUrlsColumn.isEmpty() ? List.of()
                : Arrays.asList(evidenceUrlsColumn.split("\n"));
    }

    public List<EvidenceDocument> evidenceDocuments() {
        return EvidenceDocument.fromColumn(evidenceDocumentsColumn);
    }

    void rate(ItemRating rating, String evidence, List<String> evidenceUrls, List<EvidenceDocument> evidenceDocuments,
            String comment, OffsetDateTime now) {
        this.rating = rating;
        this.evidenceDocumentsColumn = EvidenceDocument.column(evidenceDocuments);
        this.evidence = evidence;
        this.evidenceUrlsColumn = evidenceUrls == null || evidenceUrls.isEmpty() ? null : String.join("\n", evidenceUrls);
        this.comment = comment;
        this.ratedAt = now;
    }

    Scorecard.Line line() {
        return new Scorecard.Line(code, title, weight, critical, rating, comment);
    }
}
