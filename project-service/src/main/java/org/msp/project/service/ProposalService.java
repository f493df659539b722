package org.msp.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.platform.api.ProblemException;
import org.msp.project.domain.HistoryChain;
import org.msp.project.domain.HistoryEntry;
import org.msp.project.domain.ProjectStatus;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.StandingEndorsement;
import org.msp.project.domain.Transition;
import org.msp.project.events.ProjectEvents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Every change to a proposal: the new state, its history entry and its outgoing event are written
 * in one transaction (the event through the outbox).
 */
@ApplicationScoped
public class ProposalService {
    private final ProjectEvents events;
    private final Clock clock;
    private final int quorum;

    public ProposalService(ProjectEvents events, @ConfigProperty(name = "msp.endorsement.quorum") int quorum) {
        this.events = events;
        this.clock = Clock.systemUTC();
        this.quorum = quorum;
    }

    /** Who acts and why: a user's command or another service's event. */
    public record Actor(String id, String cause) {
    }

    @Transactional
    public Proposal create(ProposalDraft draft, String submittingPartner, Actor actor) {
        Proposal proposal = Proposal.draft(submittingPartner, now());
        draft.applyTo(proposal);
        proposal.persist();
        record(proposal, actor, null, ProjectStatus.DRAFT, "draft created");
        return proposal;
    }

    @Transactional
    public Proposal update(UUID id, ProposalDraft draft, int expectedVersion, Actor actor) {
        Proposal proposal = lockedOrNotFound(id);
        if (!proposal.isEditable()) {
            throw ProblemException.conflict("only a DRAFT can be edited; this project is " + proposal.status());
        }
        if (proposal.version != expectedVersion) {
            throw new ProblemException(412, "Precondition Failed",
                    "the project changed since version " + expectedVersion + "; fetch it again");
        }
        draft.applyTo(proposal);
        proposal.updatedAt = now();
        // not a transition, but a write: the history names who edited the draft (SPEC §4)
        record(proposal, actor, ProjectStatus.DRAFT, ProjectStatus.DRAFT, "draft edited");
        return proposal;
    }

    @Transactional
    public Proposal submit(UUID id, Actor actor) {
        Proposal proposal = lockedOrNotFound(id);
        Proposal.StatusChange change = proposal.apply(Transition.SUBMIT, now());
        record(proposal, actor, change.from(), change.to(), "submitted for ESG due diligence");
        events.submitted(proposal, actor.id());
        return proposal;
    }

    @Transactional
    public Proposal withdraw(UUID id, Actor actor, String reason) {
        Proposal proposal = lockedOrNotFound(id);
        transition(proposal, Transition.WITHDRAW, actor, reason == null ? "withdrawn by the submitting partner" : reason);
        return proposal;
    }

    /**
     * Applies a transition that an event asked for. Returns false when the lifecycle does not allow
     * it from the current status (the caller records the event as skipped).
     */
    public boolean transitionIfAllowed(Proposal proposal, Transition transition, Actor actor, String reason) {
        if (org.msp.project.domain.Lifecycle.next(proposal.status(), transition).isEmpty()) {
            return false;
        }
        transition(proposal, transition, actor, reason);
        return true;
    }

    /** After endorsements changed: ENDORSED at quorum, back to OPEN_FOR_SUPPORT below it. */
    public void reconsiderQuorum(Proposal proposal, Actor actor) {
        long endorsers = StandingEndorsement.countExcluding(proposal.id, proposal.submittingPartner);
        if (proposal.status() == ProjectStatus.OPEN_FOR_SUPPORT && endorsers >= quorum) {
            transition(proposal, Transition.REACH_QUORUM, actor,
                    endorsers + " partners other than the submitting partner endorse it (quorum " + quorum + ")");
        } else if (proposal.status() == ProjectStatus.ENDORSED && endorsers < quorum) {
            transition(proposal, Transition.LOSE_QUORUM, actor,
                    "an endorsement was withdrawn: " + endorsers + " of " + quorum + " needed");
        }
    }

    public int quorum() {
        return quorum;
    }

    private void transition(Proposal proposal, Transition transition, Actor actor, String reason) {
        Proposal.StatusChange change = proposal.apply(transition, now());
        record(proposal, actor, change.from(), change.to(), reason);
        events.statusChanged(proposal, change, actor.id(), reason);
    }

    /** Appends the next link of the project's history chain. */
    public void record(Proposal proposal, Actor actor, ProjectStatus from, ProjectStatus to, String reason) {
        HistoryEntry previous = HistoryEntry.last(proposal.id);
        HistoryChain.append(previous, proposal.id, now(), actor.id(), actor.cause(), from, to, reason).persist();
    }

    public Optional<Proposal> lockedForUpdate(UUID id) {
        return Optional.ofNullable(Proposal.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The current status of a project, read in a transaction of its own (for callers outside one). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String statusOf(UUID id) {
        return lockedOrNotFound(id).status().name();
    }

    private Proposal lockedOrNotFound(UUID id) {
        return lockedForUpdate(id).orElseThrow(() -> ProblemException.notFound("project " + id));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
