package org.msp.events.esg;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.EventData;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.util.List;
import java.util.UUID;

/** {@link org.msp.events.EventType#ESG_COMMENT_ANSWERED}: the reviewer answered a consultation comment. */
public record CommentAnswered(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull UUID reviewId,
        @NotNull UUID commentId,
        @NotNull CommentDisposition disposition) implements EventData {
}
