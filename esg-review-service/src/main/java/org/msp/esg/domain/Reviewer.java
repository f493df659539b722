package org.msp.esg.domain;

import java.util.Objects;

/**
 * A reviewer acting on a review: its token subject and the country its token says it comes from.
 * {@code country} is null when the token carries none; the review then refuses to let it rate or
 * complete, since the conflict-of-interest rule cannot be checked without it.
 */
public record Reviewer(String subject, String country) {
    public Reviewer {
        Objects.requireNonNull(subject, "subject");
    }
}
