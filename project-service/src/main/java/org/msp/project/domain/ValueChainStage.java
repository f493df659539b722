package org.msp.project.domain;

public enum ValueChainStage {
    EXPLORATION, EXTRACTION, PROCESSING, RECYCLING
}
