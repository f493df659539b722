package org.msp.events.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.NoNul;

import java.time.LocalDate;
import java.util.UUID;

/** One condition of a project's action plan: who answers for it, by when, and how it stands. */
public record ActionItem(
        @NotBlank @Size(max = 60) @NoNul String code,
        @NotBlank @Size(max = 300) @NoNul String title,
        @NotNull Boolean critical,
        @Size(max = 200) @NoNul String responsibleParty,
        @NotNull LocalDate dueDate,
        @NotNull ActionItemStatus status,
        /* a document of the project that shows the condition met, or null */
        UUID evidenceDocumentId,
        /* the country of the reviewer who last verified the status, or null while SCHEDULED */
        @CountryCode String verifiedBy) {
}
