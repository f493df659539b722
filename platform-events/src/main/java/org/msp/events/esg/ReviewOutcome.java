package org.msp.events.esg;

/** How an ESG review ended (SPEC §5). */
public enum ReviewOutcome {
    CLEARED, CLEARED_WITH_CONDITIONS, REJECTED
}
