package org.msp.esg.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.esg.domain.CommentDisposition;

/** Body of PUT /reviews/{id}/comments/{cid}/response: how the reviewer dealt with the comment, and why. */
public record CommentResponseRequest(@NotNull CommentDisposition disposition,
        @NotBlank @Size(max = 4000) String response) {
}
