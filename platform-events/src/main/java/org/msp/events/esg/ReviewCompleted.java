package org.msp.events.esg;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.EventData;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@link org.msp.events.EventType#ESG_REVIEW_COMPLETED}: the review's outcome, 0-100 score, risk category and conditions. */
public record ReviewCompleted(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull UUID reviewId,
        @NotNull ReviewOutcome outcome,
        /* two decimals, as every service keeps it (NUMERIC(5,2)); 1E-16384 is within 0-100 but no column holds it */
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal score,
        @NotNull RiskCategory riskCategory,
        @NotNull @Size(max = 100) List<@NotNull @Valid Condition> conditions) implements EventData {
}
