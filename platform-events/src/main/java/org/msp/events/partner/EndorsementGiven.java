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
 * {@link org.msp.events.EventType#PARTNER_ENDORSEMENT_GIVEN}: a partner's endorsement of the project, and
 * what the registry says the partner is: a producer country's endorsement is recorded but does not count
 * toward the quorum. {@code partnerKind} is absent in events published before it was added; those count
 * as they did then.
 */
public record EndorsementGiven(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull @CountryCode String partner,
        PartnerKind partnerKind) implements EventData {

    /** Whether this endorsement counts toward the quorum (an MSP partner's, or one from before the kind was told). */
    public boolean countsTowardQuorum() {
        return partnerKind != PartnerKind.PRODUCER_COUNTRY;
    }
}
