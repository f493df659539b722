package org.msp.events.project;

import jakarta.validation.constraints.NotNull;

/** What the submitting partner declares public about the project. */
public record Disclosure(@NotNull Boolean feasibilityStudyPublic, @NotNull Boolean agreementPublic,
        @NotNull Boolean communityConsultationHeld) {
}
