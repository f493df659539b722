package org.msp.events.partner;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.EventData;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@link org.msp.events.EventType#PARTNER_COMMITMENT_RECORDED}: a partner committed financing, in the
 * currency of the agreement and in US dollars at the rate of {@code usdRateDate}.
 */
public record CommitmentRecorded(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull UUID commitmentId,
        @NotNull @CountryCode String partner,
        @NotNull Instrument instrument,
        @NotNull @DecimalMin("0.01") @Digits(integer = 14, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = CURRENCY) String currency,
        @NotNull @DecimalMin("0.01") @Digits(integer = 14, fraction = 2) BigDecimal amountUsd,
        @NotNull LocalDate usdRateDate,
        /* the project's document holding the financial agreement, or null until it is published */
        UUID agreementDocumentId,
        @NotBlank @Size(max = ACTOR) @NoNul String actor) implements EventData {

    /** An ISO 4217 alphabetic code. */
    public static final String CURRENCY = "[A-Z]{3}";
}
