package org.msp.events.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@link org.msp.events.EventType#PROJECT_SUBMITTED}: the proposal as submitted, with everything a reviewer starts from. */
public record ProjectSubmitted(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull ProjectStatus status,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull ValueChainStage valueChainStage,
        @NotBlank @Size(max = 5000) @NoNul String summary,
        @NotBlank @Size(max = 200) @NoNul String sponsor,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal requestedFinancingUsd,
        @NotNull @Valid Disclosure disclosure,
        @NotBlank @Size(max = ACTOR) @NoNul String actor,
        /* the hash of the project's newest history entry after this change */
        @NotNull @Pattern(regexp = SHA_256) String historyHead) implements HistoryWitness {

    @Override
    public ProjectSubmitted withHistoryHead(String head) {
        return new ProjectSubmitted(projectId, title, status, hostCountry, submittingPartner, minerals,
                valueChainStage, summary, sponsor, requestedFinancingUsd, disclosure, actor, head);
    }
}
