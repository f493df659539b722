package org.msp.events.partner;

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

/** {@link org.msp.events.EventType#PARTNER_INTEREST_EXPRESSED}: a partner's (latest) indicative financing interest. */
public record InterestExpressed(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull @CountryCode String partner,
        @NotNull Instrument instrument,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal indicativeAmountUsd,
        @Size(max = 2000) @NoNul String note) implements EventData {
}
