package org.msp.events.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The components a priority score adds up from. */
public record ScoreBreakdown(@NotNull @Size(max = 20) List<@NotNull @Valid ScoreComponent> components) {
}
