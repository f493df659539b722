package org.msp.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.partner.domain.PartnerKind;

import java.time.LocalDate;

/** The body of POST /partners. */
public record PartnerRequest(
        @NotNull @CountryCode String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerKind kind,
        @NotNull @PastOrPresent LocalDate joinedOn) {
}
