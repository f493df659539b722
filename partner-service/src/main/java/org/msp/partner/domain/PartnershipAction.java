package org.msp.partner.domain;

/** The kinds of change a partnership's history records. */
public enum PartnershipAction {
    SEEDED, CREATED, EDITED, MILESTONE_ADDED, MILESTONE_UPDATED
}
