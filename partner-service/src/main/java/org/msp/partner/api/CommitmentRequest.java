package org.msp.partner.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.msp.partner.domain.Commitment;
import org.msp.partner.domain.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The body of POST /projects/{projectId}/commitments. The partner is the caller's country; naming another
 * in {@code partner} is refused (403). {@code amountUsd} is the amount in US dollars at {@code usdRateDate}.
 */
public record CommitmentRequest(
        String partner,
        @NotNull Instrument instrument,
        @NotNull @Positive @Digits(integer = 14, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three capital letters") String currency,
        @NotNull @Positive @Digits(integer = 14, fraction = 2) BigDecimal amountUsd,
        @NotNull LocalDate usdRateDate,
        UUID agreementDocumentId) {

    Commitment.Terms terms() {
        MoneyChecks.check(amount, currency, amountUsd);
        MoneyChecks.notInTheFuture("usdRateDate", usdRateDate);
        // two decimals always (validation allows no more), so events, responses and the database agree
        return new Commitment.Terms(instrument, amount.setScale(2, RoundingMode.UNNECESSARY), currency,
                amountUsd.setScale(2, RoundingMode.UNNECESSARY), usdRateDate, agreementDocumentId);
    }
}
