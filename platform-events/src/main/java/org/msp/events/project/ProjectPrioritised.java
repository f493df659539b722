package org.msp.events.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
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

/** {@link org.msp.events.EventType#PROJECT_PRIORITISED}: ENDORSED → PRIORITISED in a round, with rank and score breakdown. */
public record ProjectPrioritised(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull ProjectStatus status,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull ValueChainStage valueChainStage,
        @NotNull ProjectStatus from,
        @NotNull ProjectStatus to,
        @NotNull UUID roundId,
        @NotNull @Min(1) Integer rank,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal score,
        @NotNull @Valid ScoreBreakdown breakdown,
        /* the hash of the project's newest history entry after this change */
        @NotNull @Pattern(regexp = SHA_256) String historyHead) implements HistoryWitness {

    @Override
    public ProjectPrioritised withHistoryHead(String head) {
        return new ProjectPrioritised(projectId, title, status, hostCountry, submittingPartner, minerals,
                valueChainStage, from, to, roundId, rank, score, breakdown, head);
    }
}
