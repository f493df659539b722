package org.msp.partner.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.msp.partner.domain.Commitment;
import org.msp.platform.api.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of POST /projects/{projectId}/commitments/{commitmentId}/disbursements: money paid out in the
 * commitment's currency, the action-plan conditions the tranche is tied to, and, when one of them is
 * critical and unmet, the public reason for paying anyway.
 */
public record DisbursementRequest(
        String partner,
        @NotNull @Positive @Digits(integer = 14, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three capital letters") String currency,
        @NotNull @Positive @Digits(integer = 14, fraction = 2) BigDecimal amountUsd,
        @NotNull LocalDate disbursedOn,
        @Size(max = 100) List<@NotBlank @Size(max = 60) String> conditions,
        @Size(max = 4000) String overrideReason) {

    Commitment.Payment payment() {
        MoneyChecks.check(amount, currency, amountUsd);
        MoneyChecks.notInTheFuture("disbursedOn", disbursedOn);
        List<String> codes = conditions == null ? List.of() : conditions.stream().map(String::strip).toList();
        if (codes.stream().distinct().count() < codes.size()) {
            throw ProblemException.badRequest("conditions", "names a condition more than once");
        }
        String reason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
        return new Commitment.Payment(amount.setScale(2, RoundingMode.UNNECESSARY), currency,
                amountUsd.setScale(2, RoundingMode.UNNECESSARY), disbursedOn, codes, reason);
    }
}
