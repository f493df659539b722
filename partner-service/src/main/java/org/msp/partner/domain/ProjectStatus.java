package org.msp.partner.domain;

/**
 * Where a project stands in the MSP pipeline (SPEC §3), as project-service reports it. Declared in
 * pipeline order, so a later constant is further along.
 */
public enum ProjectStatus {
    DRAFT, SUBMITTED, ESG_REVIEW, ESG_REJECTED, OPEN_FOR_SUPPORT, ENDORSED, PRIORITISED, FINANCED, WITHDRAWN;

    public boolean isTerminal() {
        return this == ESG_REJECTED || this == FINANCED || this == WITHDRAWN;
    }

    /** Partners may express interest and endorse only in these states. */
    public boolean acceptsSupport() {
        return this == OPEN_FOR_SUPPORT || this == ENDORSED;
    }

    /** Financing is committed and disbursed once the project is prioritised (the first commitment finances it). */
    public boolean acceptsCommitments() {
        return this == PRIORITISED || this == FINANCED;
    }
}
