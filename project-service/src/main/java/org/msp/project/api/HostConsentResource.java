package org.msp.project.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.msp.events.project.HostConsent;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;
import org.msp.project.domain.Proposal;
import org.msp.project.service.ProposalService;

import java.util.UUID;

/** The host government's consent or objection (SPEC §11): only its own officer speaks for it, in public. */
@Path("/projects/{id}/host-consent")
@Produces(MediaType.APPLICATION_JSON)
public class HostConsentResource {
    /** A reason is quoted in the history and the feed as given; 2000 characters say enough. */
    static final int MAX_REASON = 2000;

    private final ProposalService proposals;
    private final ProjectAccess access;
    private final Caller caller;

    public HostConsentResource(ProposalService proposals, ProjectAccess access, Caller caller) {
        this.proposals = proposals;
        this.access = access;
        this.caller = caller;
    }

    /** {@code consent}: CONSENTED or OBJECTED; {@code reason} required for an objection. */
    public record HostConsentRequest(@NotNull HostConsent consent, @Size(max = MAX_REASON) String reason) {
        String statedReason() {
            return reason == null || reason.isBlank() ? null : reason.strip();
        }
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public ProposalView record(@PathParam("id") UUID id, @NotNull @Valid HostConsentRequest request) {
        HostConsent consent = request.consent();
        String reason = request.statedReason();
        if (consent == HostConsent.OBJECTED && reason == null) {
            throw ProblemException.badRequest("reason", "an objection is public and says why");
        }
        hostOfficerOnly(id);
        return ProposalView.of(proposals.recordHostConsent(id, consent, reason,
                new ProposalService.Actor(caller.subject(), "PUT /projects/" + id + "/host-consent")));
    }

    /** 404 for a project the caller cannot see, 403 unless the caller is the host country's officer. */
    @Transactional
    void hostOfficerOnly(UUID id) {
        Proposal proposal = access.visible(id);
        String country = caller.requireCountry();
        if (!country.equals(proposal.hostCountry())) {
            throw ProblemException.forbidden("only the host government (" + proposal.hostCountry()
                    + ") states its consent to project " + id + "; the token is for " + country);
        }
    }
}
