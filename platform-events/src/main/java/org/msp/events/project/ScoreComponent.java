package org.msp.events.project;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.events.NoNul;

import java.math.BigDecimal;

/** One component of a priority score: its value in 0-1, its weight, the points it adds, and why. */
public record ScoreComponent(
        @NotBlank @Size(max = 40) @NoNul String name,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal value,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal weight,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal points,
        @NotBlank @Size(max = 1000) @NoNul String explanation) {
}
