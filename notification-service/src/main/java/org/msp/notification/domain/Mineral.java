package org.msp.notification.domain;

/** Critical minerals the MSP pipeline covers (as project-service names them in its events). */
public enum Mineral {
    LITHIUM, COBALT, NICKEL, COPPER, GRAPHITE, MANGANESE, RARE_EARTHS, PLATINUM_GROUP, GALLIUM, GERMANIUM
}
