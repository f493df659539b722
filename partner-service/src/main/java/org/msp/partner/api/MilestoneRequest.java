package org.msp.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.partner.domain.Milestone;
import org.msp.partner.domain.MilestoneStatus;
import org.msp.platform.api.ProblemException;

import java.time.LocalDate;

/** The body of POST /partnerships/{id}/milestones and PUT .../milestones/{mid}: the milestone in full. */
public record MilestoneRequest(
        @NotBlank @Size(max = 300) String title,
        LocalDate dueOn,
        @NotNull MilestoneStatus status,
        @PastOrPresent LocalDate metOn,
        @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL") String evidenceUrl) {

    Milestone.Terms terms() {
        if (metOn != null && status != MilestoneStatus.MET) {
            throw ProblemException.badRequest("metOn", "only a MET milestone has a met date");
        }
        PartnershipRequest.plausible("dueOn", dueOn);
        PartnershipRequest.plausible("metOn", metOn);
        return new Milestone.Terms(title.strip(), dueOn, status, metOn, PartnershipRequest.stripped(evidenceUrl));
    }
}
