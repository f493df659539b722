package org.msp.events.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.util.List;
import java.util.UUID;

/** {@link org.msp.events.EventType#PROJECT_STATUS_CHANGED}: a lifecycle step, who took it and why. */
public record ProjectStatusChanged(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull ProjectStatus status,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull ValueChainStage valueChainStage,
        @NotNull ProjectStatus from,
        @NotNull ProjectStatus to,
        @NotBlank @Size(max = ACTOR) @NoNul String actor,
        /* a withdrawal reason (at most 2000 characters) or the cause the service states */
        @Size(max = TEXT) @NoNul String reason,
        /* the hash of the project's newest history entry after this change */
        @NotNull @Pattern(regexp = SHA_256) String historyHead) implements HistoryWitness {

    @Override
    public ProjectStatusChanged withHistoryHead(String head) {
        return new ProjectStatusChanged(projectId, title, status, hostCountry, submittingPartner, minerals,
                valueChainStage, from, to, actor, reason, head);
    }
}
