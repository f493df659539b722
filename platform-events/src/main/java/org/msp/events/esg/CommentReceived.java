package org.msp.events.esg;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.EventData;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.util.List;
import java.util.UUID;

/**
 * {@link org.msp.events.EventType#ESG_COMMENT_RECEIVED}: someone commented in an open consultation.
 * No personal data: who wrote it and the text stay in esg-review-service, readable on its API.
 */
public record CommentReceived(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull UUID reviewId,
        @NotNull UUID commentId,
        /* the checklist items the comment concerns */
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 40) @NoNul String> itemCodes,
        @NotNull @Pattern(regexp = LANGUAGE) String language) implements EventData {
}
