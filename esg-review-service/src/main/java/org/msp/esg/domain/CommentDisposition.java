package org.msp.esg.domain;

/** How the reviewer dealt with a consultation comment; the names are the event contract's (SPEC §9). */
public enum CommentDisposition {
    ACCEPTED, PARTIALLY_ACCEPTED, NOT_ACCEPTED, OUT_OF_SCOPE, DUPLICATE
}
