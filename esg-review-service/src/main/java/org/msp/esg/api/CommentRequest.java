package org.msp.esg.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.events.EventData;

import java.util.List;

/**
 * Body of POST /reviews/{id}/comments: the comment, its language (BCP 47, e.g. {@code fr}, {@code pt-BR}),
 * the checklist items it concerns (none: the project as a whole) and, optionally, the community or
 * organisation it is written on behalf of.
 */
public record CommentRequest(
        @NotBlank @Size(max = 4000) String body,
        @NotNull @Pattern(regexp = EventData.LANGUAGE, message = "must be a BCP 47 language tag such as en, fr or pt-BR")
        String language,
        @Size(max = 50) List<@NotBlank @Size(max = 40) String> itemCodes,
        @Size(max = 200) String onBehalfOf) {
}
