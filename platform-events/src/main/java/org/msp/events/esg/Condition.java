package org.msp.events.esg;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.events.NoNul;

/** A checklist item not fully met: a condition the project carries after a cleared-with-conditions review. */
public record Condition(
        @NotBlank @Size(max = 60) @NoNul String code,
        @NotBlank @Size(max = 300) @NoNul String title,
        @NotNull ItemRating rating,
        @Size(max = 4000) @NoNul String comment) {
}
