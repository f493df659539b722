package org.msp.project.api;

import jakarta.enterprise.context.RequestScoped;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;
import org.msp.project.domain.Proposal;

import java.util.Optional;
import java.util.UUID;

/** Who may see or act on a project, for every resource: the proposal decides, this only asks it. */
@RequestScoped
public class ProjectAccess {
    private final Caller caller;

    public ProjectAccess(Caller caller) {
        this.caller = caller;
    }

    /** A project the caller may see (drafts only by their own partner); 404 otherwise. */
    public Proposal visible(UUID id) {
        Proposal proposal = Proposal.findById(id);
        if (proposal == null || !proposal.isVisibleTo(partnerCountry())) {
            throw ProblemException.notFound("project " + id);
        }
        return proposal;
    }

    /** Partners act only for their own country: 404 for an unknown project, 403 for another partner's. */
    public void ownedByCaller(UUID id) {
        Proposal proposal = Proposal.findById(id);
        if (proposal == null) {
            throw ProblemException.notFound("project " + id);
        }
        if (!partnerCountry().map(proposal::isOwnedBy).orElse(false)) {
            throw ProblemException.forbidden("project " + id + " was submitted by " + proposal.submittingPartner()
                    + "; a partner acts only for its own country");
        }
    }

    /** The caller's country when it acts as a partner government. */
    public Optional<String> partnerCountry() {
        return caller.hasRole(Caller.PARTNER_GOVERNMENT) ? caller.country() : Optional.empty();
    }
}
