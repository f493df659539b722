package org.msp.esg.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;

/**
 * Body of POST /reviews/{id}/assignment. The secretariat names the reviewer (token subject) and the
 * reviewer's country; an esg-reviewer claiming the review for itself sends no body (or {@code {}}).
 */
public record AssignmentRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "\\S+", message = "must not contain whitespace") String reviewer,
        @CountryCode String reviewerCountry) {
}
