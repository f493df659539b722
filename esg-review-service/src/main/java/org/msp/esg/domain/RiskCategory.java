package org.msp.esg.domain;

/**
 * Equator Principles-style categorisation of a project's environmental and social risk, set by the
 * reviewer at completion. It informs financiers; it does not change the outcome.
 */
public enum RiskCategory {
    /** Significant adverse impacts that are diverse, irreversible or unprecedented. */
    A,
    /** Limited adverse impacts, few, site-specific, largely reversible and readily addressed by mitigation. */
    B,
    /** Minimal or no adverse impacts. */
    C
}
