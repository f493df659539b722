package org.msp.events.esg;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.EventData;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@link org.msp.events.EventType#ESG_CONSULTATION_CLOSED}: the comment window ended; project-service
 * counts a closed consultation as a consultation held (the transparency component of the score).
 */
public record ConsultationClosed(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull UUID reviewId,
        @NotNull OffsetDateTime closedAt,
        @NotNull @Min(0) Integer comments,
        @NotNull @Min(0) Integer hiddenComments) implements EventData {
}
