package org.msp.project.domain;

/** Where a project stands in the MSP pipeline (SPEC §3). */
public enum ProjectStatus {
    DRAFT, SUBMITTED, ESG_REVIEW, ESG_REJECTED, OPEN_FOR_SUPPORT, ENDORSED, PRIORITISED, WITHDRAWN;

    public boolean isTerminal() {
        return this == ESG_REJECTED || this == PRIORITISED || this == WITHDRAWN;
    }
}
