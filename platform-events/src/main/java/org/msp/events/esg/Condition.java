package org.msp.events.esg;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.events.NoNul;

/**
 * A checklist item not fully met: a condition the project carries after a cleared-with-conditions review.
 * {@code critical} says whether the item is one of the checklist's deal-breakers; it is absent in events
 * published before it was added, which read as not critical.
 */
public record Condition(
        @NotBlank @Size(max = 60) @NoNul String code,
        @NotBlank @Size(max = 300) @NoNul String title,
        @NotNull ItemRating rating,
        @Size(max = 4000) @NoNul String comment,
        Boolean critical) {

    public boolean isCritical() {
        return Boolean.TRUE.equals(critical);
    }
}
