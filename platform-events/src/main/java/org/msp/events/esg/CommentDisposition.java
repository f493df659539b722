package org.msp.events.esg;

/** How the reviewer dealt with a consultation comment (SPEC §9). */
public enum CommentDisposition {
    ACCEPTED, PARTIALLY_ACCEPTED, NOT_ACCEPTED, OUT_OF_SCOPE, DUPLICATE
}
