package org.msp.esg.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of PUT /reviews/{id}/comments/{cid}/moderation: the public reason the secretariat hides the comment for. */
public record ModerationRequest(@NotBlank @Size(max = 1000) String reason) {
}
