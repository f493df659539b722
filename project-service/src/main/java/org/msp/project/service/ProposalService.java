package org.msp.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.platform.api.ProblemException;
import org.msp.platform.outbox.Outbox;
import org.msp.events.esg.Condition;
import org.msp.events.project.ActionItemStatus;
import org.msp.events.project.HostConsent;
import org.msp.project.domain.ActionPlanItem;
import org.msp.project.domain.Change;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.ProposalDraft;
import org.msp.project.domain.StandingEndorsement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The proposal use cases: each loads the proposal, lets it decide, and writes what it changed — the
 * new state, its history entry and its event (through the outbox) — in one transaction.
 */
@ApplicationScoped
public class ProposalService {
    private final Outbox outbox;
    private final Clock clock;
    private final int quorum;
    private final Period actionPlanDueAfter;

    public ProposalService(Outbox outbox, @ConfigProperty(name = "msp.endorsement.quorum") int quorum,
            @ConfigProperty(name = "msp.action-plan.due-after") Period actionPlanDueAfter) {
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
        this.quorum = quorum;
        this.actionPlanDueAfter = actionPlanDueAfter;
    }

    /** Who acts and why: a user's command or another service's event. */
    public record Actor(String id, String cause) {
    }

    @Transactional
    public Proposal create(ProposalDraft draft, String submittingPartner, Actor actor) {
        Proposal proposal = Proposal.draft(submittingPartner, draft, now());
        // the chain's first entry before the insert, so a new draft is written once, at version 0
        Proposal.Recorded created = proposal.record(proposal.created(), actor.id(), actor.cause(), now());
        proposal.persist();
        created.entry().persist();
        return proposal;
    }

    @Transactional
    public Proposal update(UUID id, ProposalDraft draft, int expectedVersion, Actor actor) {
        Proposal proposal = lockedOrNotFound(id);
        if (proposal.isEditable() && proposal.version() != expectedVersion) {
            throw new ProblemException(412, "Precondition Failed",
                    "the project changed since version " + expectedVersion + "; fetch it again");
        }
        record(proposal, proposal.edit(draft, now()), actor);
        return proposal;
    }

    @Transactional
    public Proposal submit(UUID id, Actor actor) {
        Proposal proposal = lockedOrNotFound(id);
        record(proposal, proposal.submit(actor.id(), now()), actor);
        return proposal;
    }

    @Transactional
    public Proposal withdraw(UUID id, Actor actor, String reason) {
        Proposal proposal = lockedOrNotFound(id);
        record(proposal, proposal.withdraw(actor.id(), reason, now()), actor);
        return proposal;
    }

    /** After endorsements changed: the proposal applies its quorum rule to the standing endorsements. */
    public void reconsiderQuorum(Proposal proposal, Actor actor) {
        long endorsers = StandingEndorsement.countExcluding(proposal.id(), proposal.submittingPartner());
        proposal.reconsiderQuorum(endorsers, quorum, actor.id(), now()).ifPresent(change -> record(proposal, change, actor));
    }

    /** The host government's officer states its consent or objection (the caller checked who it is). */
    @Transactional
    public Proposal recordHostConsent(UUID id, HostConsent consent, String reason, Actor actor) {
        Proposal proposal = lockedOrNotFound(id);
        proposal.recordHostConsent(consent, reason, actor.id(), now()).ifPresent(change -> record(proposal, change, actor));
        return proposal;
    }

    /**
     * A completed review left conditions: they become the project's action plan, each due a configured
     * period after the review (the submitting partner plans it from there). Runs in the consumer's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void drawActionPlan(Proposal proposal, List<Condition> conditions, Actor actor) {
        if (conditions.isEmpty() || !ActionPlanItem.planOf(proposal.id()).isEmpty()) {
            return;
        }
        List<ActionPlanItem> plan = proposal.drawActionPlan(conditions, now().toLocalDate().plus(actionPlanDueAfter));
        if (plan.isEmpty()) {
            return;
        }
        plan.forEach(item -> item.persist());
        record(proposal, proposal.actionPlanDrawn(plan, actor.id()), actor);
    }

    /** What the submitting partner says about one item of the plan. */
    public record ItemPlan(String responsibleParty, LocalDate dueDate, UUID evidenceDocumentId) {
    }

    @Transactional
    public ActionPlanItem planActionItem(UUID id, String code, ItemPlan plan, Actor actor) {
        Proposal proposal = lockedOrNotFound(id);
        List<ActionPlanItem> items = ActionPlanItem.planOf(id);
        ActionPlanItem item = itemOf(items, id, code);
        record(proposal, proposal.planActionItem(items, item, plan.responsibleParty(), plan.dueDate(),
                plan.evidenceDocumentId(), actor.id(), now()), actor);
        return item;
    }

    @Transactional
    public ActionPlanItem verifyActionItem(UUID id, String code, ActionItemStatus verdict, String reviewerCountry,
            String note, Actor actor) {
        Proposal proposal = lockedOrNotFound(id);
        List<ActionPlanItem> items = ActionPlanItem.planOf(id);
        ActionPlanItem item = itemOf(items, id, code);
        record(proposal, proposal.verifyActionItem(items, item, verdict, reviewerCountry, note, actor.id(), now()), actor);
        return item;
    }

    private static ActionPlanItem itemOf(List<ActionPlanItem> items, UUID id, String code) {
        return items.stream().filter(item -> item.code.equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("condition " + code + " in the action plan of project " + id));
    }

    public int quorum() {
        return quorum;
    }

    /**
     * Writes what a decision of {@code proposal} changed: the next link of its history chain and, if
     * the change is news, its event through the outbox. Must run in the transaction that changed it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Proposal proposal, Change change, Actor actor) {
        Proposal.Recorded recorded = proposal.record(change, actor.id(), actor.cause(), now());
        recorded.entry().persist();
        if (recorded.event() != null) {
            outbox.publish(recorded.event());
        }
    }

    /** The current status of a project, read in a transaction of its own (for callers outside one). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String statusOf(UUID id) {
        return lockedOrNotFound(id).status().name();
    }

    public Optional<Proposal> lockedForUpdate(UUID id) {
        return Optional.ofNullable(Proposal.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    private Proposal lockedOrNotFound(UUID id) {
        return lockedForUpdate(id).orElseThrow(() -> ProblemException.notFound("project " + id));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
