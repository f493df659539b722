package org.msp.events.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.Mineral;
import org.msp.events.NoNul;

import java.util.List;
import java.util.UUID;

/**
 * {@link org.msp.events.EventType#PROJECT_ACTION_PLAN_UPDATED}: the project's action plan as it stands
 * after a change, whole, so a reader keeps its copy by replacing it. {@code changedItem} is the code of
 * the item that changed, or null when the plan was drawn up from a completed review.
 */
public record ActionPlanUpdated(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull @Size(max = 100) List<@NotNull @Valid ActionItem> items,
        @Size(max = 60) @NoNul String changedItem,
        @NotBlank @Size(max = ACTOR) @NoNul String actor,
        @NotNull @Pattern(regexp = SHA_256) String historyHead) implements HistoryWitness {

    @Override
    public ActionPlanUpdated withHistoryHead(String head) {
        return new ActionPlanUpdated(projectId, title, hostCountry, submittingPartner, minerals, items, changedItem,
                actor, head);
    }
}
