package org.msp.partner.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.msp.partner.domain.Instrument;
import org.msp.partner.service.PartnerSupportService;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The body of POST /projects/{projectId}/interests. The partner is the caller's country; a client may
 * name it in {@code partner}, but naming any other partner is refused (403).
 */
public record InterestRequest(
        String partner,
        @NotNull Instrument instrument,
        @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal indicativeAmountUsd,
        @Size(max = 2000) String note) {

    PartnerSupportService.Terms terms() {
        String stripped = note == null || note.isBlank() ? null : note.strip();
        // two decimals always (validation allows no more), so events, responses and the database agree
        return new PartnerSupportService.Terms(instrument, indicativeAmountUsd.setScale(2, RoundingMode.UNNECESSARY),
                stripped);
    }
}
