package org.msp.events.esg;

/** The project's environmental and social risk category (IFC: A high, B medium, C low). */
public enum RiskCategory {
    A, B, C
}
