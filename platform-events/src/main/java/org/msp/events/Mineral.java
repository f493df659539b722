package org.msp.events;

/** The minerals a project may name (SPEC §5), as they travel in events. */
public enum Mineral {
    LITHIUM, COBALT, NICKEL, COPPER, GRAPHITE, MANGANESE, RARE_EARTHS, PLATINUM_GROUP, GALLIUM, GERMANIUM
}
