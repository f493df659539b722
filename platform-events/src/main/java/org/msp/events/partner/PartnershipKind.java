package org.msp.events.partner;

/** What kind of agreement a partnership is, as its own texts call it (SPEC §11). */
public enum PartnershipKind {
    MULTILATERAL_PARTNERSHIP, MEMORANDUM_OF_UNDERSTANDING, DIALOGUE, STRATEGIC_PARTNERSHIP, INITIATIVE,
    CRITICAL_MINERALS_AGREEMENT
}
