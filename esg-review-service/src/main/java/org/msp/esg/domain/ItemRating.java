package org.msp.esg.domain;

/** How a checklist item is met. NOT_APPLICABLE items are left out of the score's denominator. */
public enum ItemRating {
    MEETS, PARTIAL, DOES_NOT_MEET, NOT_APPLICABLE;

    /** Whether completing with this rating makes the item a condition the project must address. */
    public boolean isShortfall() {
        return this == PARTIAL || this == DOES_NOT_MEET;
    }
}
