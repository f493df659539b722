package org.msp.esg.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.esg.domain.ItemRating;

import java.util.List;

/** Body of PUT /reviews/{id}/items/{code}: the rating, what it rests on and the reviewer's comment. */
public record RatingRequest(
        @NotNull ItemRating rating,
        @Size(max = 8000) String evidence,
        @Size(max = 10) List<@NotNull @Size(max = 500) @Pattern(regexp = "https?://\\S+",
                message = "must be an http(s) URL") String> evidenceUrls,
        @Size(max = 4000) String comment) {
}
