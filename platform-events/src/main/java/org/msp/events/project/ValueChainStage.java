package org.msp.events.project;

/** Where in the value chain a project sits (SPEC §5). */
public enum ValueChainStage {
    EXPLORATION, EXTRACTION, PROCESSING, RECYCLING
}
