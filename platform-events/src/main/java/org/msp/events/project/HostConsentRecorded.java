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

/**
 * {@link org.msp.events.EventType#PROJECT_HOST_CONSENT_RECORDED}: the host government consented to the
 * project or objected to it, with its public reason (required for an objection).
 */
public record HostConsentRecorded(
        @NotNull UUID projectId,
        @NotBlank @Size(max = TITLE) @NoNul String title,
        @NotNull @CountryCode String hostCountry,
        @NotNull @CountryCode String submittingPartner,
        @NotNull @Size(max = MINERALS) List<@NotNull Mineral> minerals,
        @NotNull HostConsent consent,
        @Size(max = TEXT) @NoNul String reason,
        @NotBlank @Size(max = ACTOR) @NoNul String actor,
        @NotNull @Pattern(regexp = SHA_256) String historyHead) implements HistoryWitness {

    @Override
    public HostConsentRecorded withHistoryHead(String head) {
        return new HostConsentRecorded(projectId, title, hostCountry, submittingPartner, minerals, consent, reason,
                actor, head);
    }
}
