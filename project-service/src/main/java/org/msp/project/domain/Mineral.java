package org.msp.project.domain;

/** Critical minerals the MSP pipeline covers. */
public enum Mineral {
    LITHIUM, COBALT, NICKEL, COPPER, GRAPHITE, MANGANESE, RARE_EARTHS, PLATINUM_GROUP, GALLIUM, GERMANIUM
}
