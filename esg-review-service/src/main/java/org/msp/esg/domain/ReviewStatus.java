package org.msp.esg.domain;

/** OPEN (nobody assigned) → ASSIGNED → COMPLETED; OPEN or ASSIGNED → CANCELLED when the project is withdrawn. */
public enum ReviewStatus {
    OPEN, ASSIGNED, COMPLETED, CANCELLED;

    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
