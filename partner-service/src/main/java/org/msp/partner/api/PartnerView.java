package org.msp.partner.api;

import org.msp.partner.domain.Partner;
import org.msp.partner.domain.PartnerKind;

import java.time.LocalDate;

/** A registry entry as the public sees it. */
public record PartnerView(String code, String name, PartnerKind kind, LocalDate joinedOn) {
    static PartnerView of(Partner partner) {
        return new PartnerView(partner.code, partner.name, partner.kind, partner.joinedOn);
    }
}
