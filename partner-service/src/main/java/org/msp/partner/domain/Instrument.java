package org.msp.partner.domain;

/** How a partner indicates it might finance a project. */
public enum Instrument {
    EQUITY, LOAN, GUARANTEE, OFFTAKE, GRANT, TECHNICAL_ASSISTANCE
}
