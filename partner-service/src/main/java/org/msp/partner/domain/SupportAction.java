package org.msp.partner.domain;

/** The kinds of change recorded in a project's support history. */
public enum SupportAction {
    INTEREST_EXPRESSED, INTEREST_UPDATED, ENDORSEMENT_GIVEN, ENDORSEMENT_WITHDRAWN, PARTNERSHIP_NAMED,
    COMMITMENT_RECORDED, DISBURSEMENT_RECORDED,
    /** A disbursement recorded although a critical condition it is tied to was unmet, with the public reason. */
    DISBURSEMENT_OVERRIDE
}
