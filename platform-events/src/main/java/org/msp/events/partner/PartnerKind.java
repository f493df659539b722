package org.msp.events.partner;

/**
 * What the registry says a partner is: a financing partner of the MSP, or a minerals-producing country it
 * works with. Only MSP partners count toward a project's endorsement quorum (SPEC §11).
 */
public enum PartnerKind {
    MSP_PARTNER, PRODUCER_COUNTRY
}
