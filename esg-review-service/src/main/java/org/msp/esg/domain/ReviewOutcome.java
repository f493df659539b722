package org.msp.esg.domain;

/** What a completed review decides (SPEC §5). */
public enum ReviewOutcome {
    CLEARED, CLEARED_WITH_CONDITIONS, REJECTED
}
