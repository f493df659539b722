package org.msp.partner.domain;

/** Whether a registered country is a financing partner of the MSP or a minerals-producing country it works with. */
public enum PartnerKind {
    MSP_PARTNER, PRODUCER_COUNTRY
}
