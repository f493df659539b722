package org.msp.events.esg;

/** How a checklist item was rated. */
public enum ItemRating {
    MEETS, PARTIAL, DOES_NOT_MEET, NOT_APPLICABLE
}
