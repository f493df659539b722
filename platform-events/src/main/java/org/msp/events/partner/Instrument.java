package org.msp.events.partner;

/** How a partner would finance a project (SPEC §5). */
public enum Instrument {
    EQUITY, LOAN, GUARANTEE, OFFTAKE, GRANT, TECHNICAL_ASSISTANCE
}
