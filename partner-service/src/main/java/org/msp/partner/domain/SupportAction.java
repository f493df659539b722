package org.msp.partner.domain;

/** The kinds of change recorded in a project's support history. */
public enum SupportAction {
    INTEREST_EXPRESSED, INTEREST_UPDATED, ENDORSEMENT_GIVEN, ENDORSEMENT_WITHDRAWN, PARTNERSHIP_NAMED
}
