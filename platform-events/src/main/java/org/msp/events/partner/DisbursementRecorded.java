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
 * {@link org.msp.events.EventType#PARTNER_DISBURSEMENT_RECORDED}: money paid out against a commitment.
 * {@code conditions} are the action-plan items the tranche is tied to; {@code overrideReason} is set
 * when the partner paid although a critical one of them was unmet, and is public like the rest.
 */
public record DisbursementRecorded(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull UUID disbursementId,
        @NotNull UUID commitmentId,
        @NotNull @CountryCode String partner,
        @NotNull @DecimalMin("0.01") @Digits(integer = 14, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = CommitmentRecorded.CURRENCY) String currency,
        @NotNull @DecimalMin("0.01") @Digits(integer = 14, fraction = 2) BigDecimal amountUsd,
        @NotNull LocalDate disbursedOn,
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 60) @NoNul String> conditions,
        /* the critical conditions among them that were unmet when the partner paid */
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 60) @NoNul String> overriddenConditions,
        @Size(max = TEXT) @NoNul String overrideReason,
        @NotBlank @Size(max = ACTOR) @NoNul String actor) implements EventData {
}
