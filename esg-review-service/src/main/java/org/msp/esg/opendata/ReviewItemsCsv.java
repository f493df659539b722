package org.msp.esg.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.ReviewItem;
import org.msp.esg.domain.ReviewOutcome;
import org.msp.esg.domain.RiskCategory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * review-items.csv: one row per checklist item of every completed review, with the reviewer's rating,
 * evidence and comment, and the review's result repeated on each row so that a row stands on its own in a
 * spreadsheet. The columns are a published contract (a test holds them to a golden file): new ones may be
 * added at the end, none renamed, moved or dropped. Who reviewed is named by country only, as the review's
 * events name it; the reviewer's account is not published here.
 */
@ApplicationScoped
public class ReviewItemsCsv {
    /** A column, its Frictionless Table Schema type, what it holds, and the values it may take (or none). */
    public record Column(String name, String type, String description, List<String> values) {
        Column(String name, String type, String description) {
            this(name, type, description, List.of());
        }
    }

    public static final String NAME = "review-items";
    public static final String DESCRIPTION = "Every checklist item of every completed ESG review, one row each, "
            + "with the reviewer's rating, evidence and comment";

    public static final List<Column> COLUMNS = List.of(
            new Column("review_id", "string", "The review (GET /api/v1/reviews/{id})"),
            new Column("project_id", "string", "The project reviewed, as project-service's open data names it"),
            new Column("template_id", "string", "The checklist template the review was held against"),
            new Column("template_version", "integer", "That template's version"),
            new Column("reviewer_country", "string", "The reviewer's country (ISO 3166-1 alpha-2, or EU): never the "
                    + "project's host country or submitting partner"),
            new Column("risk_category", "string", "The reviewer's risk category: A significant, B limited, C minimal",
                    names(RiskCategory.values())),
            new Column("review_outcome", "string", "What the review decided", names(ReviewOutcome.values())),
            new Column("review_score", "number", "The review's weighted score, 0-100"),
            new Column("completed_at", "datetime", "When the review was completed (UTC)"),
            new Column("position", "integer", "The item's place in the checklist, from 1"),
            new Column("item_code", "string", "The checklist item's code (GET /api/v1/checklist-templates/{template_id})"),
            new Column("item_title", "string", "What the item asks"),
            new Column("framework", "string", "The public framework (and edition) the item comes from"),
            new Column("weight", "integer", "The item's weight in the score"),
            new Column("critical", "boolean", "Whether DOES_NOT_MEET on this item rejects the project whatever the score"),
            new Column("rating", "string", "The reviewer's rating; a PARTIAL or DOES_NOT_MEET is a condition on the "
                    + "project", names(ItemRating.values())),
            new Column("evidence", "string", "What the rating rests on, in the reviewer's words"),
            new Column("evidence_urls", "string", "Links cited as evidence, separated by a space"),
            new Column("evidence_document_ids", "string", "Published project documents cited as evidence, separated "
                    + "by a space (document_id of project-service's documents.csv, with its SHA-256)"),
            new Column("comment", "string", "The reviewer's comment: why, and for a shortfall what must be done"),
            new Column("rated_at", "datetime", "When the item was last rated (UTC)"));

    private final CompletedReviews reviews;

    public ReviewItemsCsv(CompletedReviews reviews) {
        this.reviews = reviews;
    }

    public static List<String> header() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** Writes every row (RFC 4180, UTF-8, a header row) to {@code out}, a page of reviews at a time. */
    public void write(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(header().toArray(String[]::new)).get());
        try {
            reviews.forEachPage(page -> page.forEach(completed -> rows(csv, completed)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private static void rows(CSVPrinter csv, CompletedReviews.Completed completed) {
        Review r = completed.review();
        try {
            for (ReviewItem i : completed.items()) {
                csv.printRecord(Arrays.asList(r.id, r.projectId, r.templateId, r.templateVersion, r.reviewerCountry(),
                                r.riskCategory(), r.outcome(), r.score(), at(r.completedAt()), i.position, i.code,
                                i.title, i.framework, i.weight, i.critical, i.rating, i.evidence,
                                String.join(" ", i.evidenceUrls()),
                                i.evidenceDocuments().stream().map(d -> d.documentId().toString())
                                        .collect(Collectors.joining(" ")),
                                i.comment, at(i.ratedAt))
                        .stream().map(v -> v == null ? "" : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 3339 in UTC, whatever the database session's time zone: the same data gives the same bytes. */
    private static String at(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
