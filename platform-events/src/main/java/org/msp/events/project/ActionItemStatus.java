package org.msp.events.project;

/** Where a condition of the action plan stands, as a third-country reviewer last verified it. */
public enum ActionItemStatus {
    SCHEDULED, MET, PARTIALLY_MET, NOT_MET;

    /** Whether the condition still stands in the way (of a disbursement linked to it, when it is critical). */
    public boolean unmet() {
        return this != MET;
    }
}
