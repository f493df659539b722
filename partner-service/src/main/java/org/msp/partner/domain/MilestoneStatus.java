package org.msp.partner.domain;

/** Where a partnership's milestone stands. */
public enum MilestoneStatus {
    PLANNED, IN_PROGRESS, MET, NOT_MET
}
