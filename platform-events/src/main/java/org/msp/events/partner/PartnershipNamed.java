package org.msp.events.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.EventData;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.util.List;
import java.util.UUID;

/**
 * {@link org.msp.events.EventType#PARTNER_PARTNERSHIP_NAMED}: the project is proposed under this
 * partnership of the registry (or, with a null {@code partnershipId}, under none any more).
 */
public record PartnershipNamed(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        UUID partnershipId,
        @Size(max = NAME) @NoNul String partnershipName,
        PartnershipKind partnershipKind,
        @NotBlank @Size(max = ACTOR) @NoNul String actor) implements EventData {

    /** Longest partnership name (partner-service's own limit). */
    public static final int NAME = 300;
}
