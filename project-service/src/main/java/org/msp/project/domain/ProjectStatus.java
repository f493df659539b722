package org.msp.project.domain;

/** Where a project stands in the MSP pipeline (SPEC §3). */
public enum ProjectStatus {
    DRAFT, SUBMITTED, ESG_REVIEW, ESG_REJECTED, OPEN_FOR_SUPPORT, ENDORSED, PRIORITISED, FINANCED, WITHDRAWN;

    public boolean isTerminal() {
        return this == ESG_REJECTED || this == FINANCED || this == WITHDRAWN;
    }

    /**
     * Whether the submitting partner may still withdraw it: not once a round prioritised it, since partners
     * then act on the ranking (it ends by being financed).
     */
    public boolean isWithdrawable() {
        return !isTerminal() && this != PRIORITISED;
    }
}
