package org.msp.events.esg;

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
 * {@link org.msp.events.EventType#ESG_CONSULTATION_OPENED}: the assigned reviewer screened the project
 * and a public comment window opened for as long as its risk category asks.
 */
public record ConsultationOpened(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull UUID reviewId,
        @NotNull RiskCategory riskCategory,
        /* the reviewer's plain-language summary of the project and its risks */
        @NotBlank @Size(max = TEXT) @NoNul String summary,
        @NotNull OffsetDateTime opensAt,
        @NotNull OffsetDateTime closesAt) implements EventData {
}
