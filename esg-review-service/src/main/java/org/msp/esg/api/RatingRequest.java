package org.msp.esg.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.esg.domain.ItemRating;

import java.util.List;
import java.util.UUID;

/**
 * Body of PUT /reviews/{id}/items/{code}: the rating, what it rests on (text, links, published project
 * documents with the SHA-256 the reviewer read) and the reviewer's comment.
 */
public record RatingRequest(
        @NotNull ItemRating rating,
        @Size(max = 8000) String evidence,
        @Size(max = 10) List<@NotNull @Size(max = 500) @Pattern(regexp = "https?://\\S+",
                message = "must be an http(s) URL") String> evidenceUrls,
        @Size(max = 10) List<@NotNull @Valid CitedDocument> evidenceDocuments,
        @Size(max = 4000) String comment) {

    /** A published project document cited as evidence, with the SHA-256 of the bytes the reviewer read. */
    public record CitedDocument(@NotNull UUID documentId,
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the document's SHA-256 in hex")
            String sha256) {
    }
}
