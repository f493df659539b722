package org.msp.events.project;

/** A project's lifecycle status as events carry it (SPEC §3). */
public enum ProjectStatus {
    DRAFT, SUBMITTED, ESG_REVIEW, ESG_REJECTED, OPEN_FOR_SUPPORT, ENDORSED, PRIORITISED, FINANCED, WITHDRAWN
}
