package org.msp.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.msp.events.EventData;
import org.msp.events.esg.Condition;
import org.msp.events.esg.ReviewOutcome;
import org.msp.events.partner.CommitmentRecorded;
import org.msp.events.partner.DisbursementRecorded;
import org.msp.events.project.ActionItemStatus;
import org.msp.events.project.ActionPlanUpdated;
import org.msp.events.project.HostConsent;
import org.msp.events.project.HostConsentRecorded;
import org.msp.events.project.HistoryWitness;
import org.msp.events.project.DocumentPublished;
import org.msp.events.project.ProjectPrioritised;
import org.msp.events.project.ProjectStatusChanged;
import org.msp.events.project.ProjectSubmitted;
import org.msp.events.project.ScoreBreakdown;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A project proposal and its lifecycle. It owns its decisions: each command or event it accepts
 * returns the {@link Change} it made (history entry and event); what the {@link Lifecycle} does not
 * allow is refused (a command) or reported as not applicable (an event). It keeps the head of its
 * hash-chained history ({@link #record}). Nothing outside sets its state.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {
    @Id
    private UUID id;

    private String title;
    private String summary;

    @Column(name = "host_country")
    private String hostCountry;

    /** Stored as ",LITHIUM,COBALT," so a mineral filter is a LIKE on ",NAME,". */
    @Column(name = "minerals")
    private String mineralsColumn;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_chain_stage")
    private ValueChainStage valueChainStage;

    private String sponsor;

    @Column(name = "requested_financing_usd")
    private BigDecimal requestedFinancingUsd;

    @Embedded
    private Disclosure disclosure;

    @Column(name = "submitting_partner")
    private String submittingPartner;

    @Enumerated(EnumType.STRING)
    private ProjectStatus status;

    @Version
    private int version;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "esg_review_id")
    private String esgReviewId;
    @Column(name = "esg_outcome")
    private String esgOutcome;
    @Column(name = "esg_score")
    private BigDecimal esgScore;
    /** The review's conditions as JSON, as the review service stated them. */
    @Column(name = "esg_conditions")
    private String esgConditions;

    @Column(name = "priority_rank")
    private Integer priorityRank;
    @Column(name = "priority_score")
    private BigDecimal priorityScore;
    @Column(name = "priority_breakdown")
    private String priorityBreakdown;
    @Column(name = "prioritisation_round_id")
    private UUID prioritisationRoundId;

    /** The hash of the newest entry of the project's history chain, and how many entries it has. */
    @Column(name = "history_head")
    private String historyHead;
    /** When esg-review-service closed the project's public consultation, if it did. */
    @Column(name = "consultation_closed_at")
    private OffsetDateTime consultationClosedAt;

    @Column(name = "history_length")
    private int historyLength;

    /** The partnership of partner-service's registry the project is proposed under, as named there. */
    @Column(name = "partnership_id")
    private UUID partnershipId;
    @Column(name = "partnership_name")
    private String partnershipName;
    @Column(name = "partnership_kind")
    private String partnershipKind;

    /** The host government's consent or objection, with its public reason. */
    @Enumerated(EnumType.STRING)
    @Column(name = "host_consent")
    private HostConsent hostConsent;
    @Column(name = "host_consent_reason")
    private String hostConsentReason;
    @Column(name = "host_consent_at")
    private OffsetDateTime hostConsentAt;

    /** A new draft for {@code submittingPartner}, which always comes from the caller's token. */
    public static Proposal draft(String submittingPartner, ProposalDraft content, OffsetDateTime now) {
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.submittingPartner = submittingPartner;
        proposal.status = ProjectStatus.DRAFT;
        proposal.createdAt = now;
        proposal.take(content, now);
        return proposal;
    }

    /** The history's first entry. */
    public Change created() {
        return new Change(null, ProjectStatus.DRAFT, "draft created", null);
    }

    /** Replaces a draft's content; anything later than a draft is part of the public record. */
    public Change edit(ProposalDraft content, OffsetDateTime now) {
        if (!isEditable()) {
            throw new NotEditableException("only a DRAFT can be edited; this project is " + status);
        }
        take(content, now);
        // not a transition, but a write: the history names who edited the draft (SPEC §4)
        return new Change(ProjectStatus.DRAFT, ProjectStatus.DRAFT, "draft edited", null);
    }

    public Change submit(String actor, OffsetDateTime now) {
        ProjectStatus from = move(Transition.SUBMIT, now);
        submittedAt = now;
        return new Change(from, status, "submitted for ESG due diligence", new ProjectSubmitted(id, title,
                wire(status), hostCountry, submittingPartner, wireMinerals(), wire(valueChainStage), summary, sponsor,
                requestedFinancingUsd, disclosure.toEvent(), actor, null));
    }

    public Change withdraw(String actor, String reason, OffsetDateTime now) {
        return step(Transition.WITHDRAW, actor, reason == null ? "withdrawn by the submitting partner" : reason, now);
    }

    /** esg-review-service opened the review; empty when the project is no longer waiting for one. */
    public Optional<Change> reviewOpened(String reviewId, String actor, OffsetDateTime now) {
        // a refused step must leave the project as it was: take the review id only once moved
        if (!allows(Transition.OPEN_REVIEW)) {
            return Optional.empty();
        }
        Change change = step(Transition.OPEN_REVIEW, actor, "ESG due-diligence review opened", now);
        esgReviewId = reviewId;
        return Optional.of(change);
    }

    /**
     * The review completed: CLEARED or CLEARED_WITH_CONDITIONS opens the project for support,
     * REJECTED ends it. The conditions are kept as stated. Empty when no review is under way.
     */
    public Optional<Change> reviewCompleted(String reviewId, ReviewOutcome outcome, BigDecimal score,
            String conditionsJson, String actor, OffsetDateTime now) {
        Transition transition = outcome == ReviewOutcome.REJECTED ? Transition.REJECT_REVIEW : Transition.CLEAR_REVIEW;
        if (!allows(transition)) {
            return Optional.empty();
        }
        String reason = "ESG review completed: " + outcome.name().toLowerCase().replace('_', ' ')
                + " (score " + score.stripTrailingZeros().toPlainString() + ")";
        Change change = step(transition, actor, reason, now);
        esgReviewId = reviewId;
        esgOutcome = outcome.name();
        esgScore = score;
        esgConditions = conditionsJson;
        return Optional.of(change);
    }

    /**
     * The quorum rule (SPEC §3): ENDORSED once {@code endorsers} partners other than the submitting
     * one endorse it, back to OPEN_FOR_SUPPORT below that. Empty when nothing changes.
     */
    public Optional<Change> reconsiderQuorum(long endorsers, int quorum, String actor, OffsetDateTime now) {
        if (status == ProjectStatus.OPEN_FOR_SUPPORT && endorsers >= quorum) {
            return Optional.of(step(Transition.REACH_QUORUM, actor,
                    endorsers + " MSP partners other than the submitting partner endorse it (quorum " + quorum + ")", now));
        }
        if (status == ProjectStatus.ENDORSED && endorsers < quorum) {
            return Optional.of(step(Transition.LOSE_QUORUM, actor,
                    "an endorsement was withdrawn: " + endorsers + " of " + quorum + " needed", now));
        }
        return Optional.empty();
    }

    /** A round froze this project's rank and score; {@code breakdownJson} is how the score is shown later. */
    public Change prioritise(UUID roundId, int rank, int of, BigDecimal score, ScoreBreakdown breakdown,
            String breakdownJson, OffsetDateTime now) {
        ProjectStatus from = move(Transition.PRIORITISE, now);
        priorityRank = rank;
        priorityScore = score;
        priorityBreakdown = breakdownJson;
        prioritisationRoundId = roundId;
        return new Change(from, status, "prioritised in round " + roundId + ": rank " + rank + " of " + of
                + ", score " + score.toPlainString(), new ProjectPrioritised(id, title, wire(status), hostCountry,
                submittingPartner, wireMinerals(), wire(valueChainStage), wire(from), wire(status), roundId, rank, score,
                breakdown, null));
    }

    /**
     * The submitting partner publishes a document. A draft is private, so its documents wait until it is
     * submitted; a withdrawn or rejected project is closed. The history entry names the document's
     * SHA-256, so the chain vouches for the bytes as much as for the steps.
     */
    public Change publishDocument(DocumentFacts document, String actor, OffsetDateTime now) {
        if (status == ProjectStatus.DRAFT) {
            throw new DocumentsClosedException("a draft is private: publish its documents once it is submitted");
        }
        if (status == ProjectStatus.WITHDRAWN || status == ProjectStatus.ESG_REJECTED) {
            throw new DocumentsClosedException("the project is " + status + ": it takes no more documents");
        }
        updatedAt = now;
        String reason = (document.supersedes() == null ? "document published: " : "new version of document "
                + document.supersedes() + " published: ") + document.type() + " \"" + document.title() + "\" ("
                + document.id() + ", " + document.mediaType() + ", " + document.sizeBytes() + " bytes, sha256 "
                + document.sha256() + ")";
        return new Change(status, status, reason, new DocumentPublished(id, title, hostCountry, submittingPartner,
                wireMinerals(), document.id(), document.type(), document.title(), document.language(),
                document.mediaType(), document.sizeBytes(), document.sha256(), document.supersedes(), actor, null));
    }

    /**
     * esg-review-service closed the project's public consultation: from now on it counts as a consultation
     * held (the transparency component of the score). Empty when it was already recorded.
     */
    public Optional<Change> consultationClosed(OffsetDateTime closedAt, int comments) {
        if (consultationClosedAt != null) {
            return Optional.empty();
        }
        consultationClosedAt = closedAt;
        return Optional.of(new Change(status, status, "public consultation closed with " + comments
                + (comments == 1 ? " comment" : " comments"), null));
    }

    /**
     * partner-service named the partnership the project is proposed under (a null id: none any more). Its
     * registry decided the name is valid; the project records it. Empty when nothing changed.
     */
    public Optional<Change> proposedUnder(UUID partnership, String name, String kind) {
        if (Objects.equals(partnershipId, partnership)) {
            return Optional.empty();
        }
        partnershipId = partnership;
        partnershipName = partnership == null ? null : name;
        partnershipKind = partnership == null ? null : kind;
        return Optional.of(new Change(status, status, partnership == null ? "no longer proposed under a partnership"
                : "proposed under the partnership " + name + " (" + partnership + ")", null));
    }

    /**
     * The host government's officer consents to the project or objects to it, publicly and with a reason
     * for an objection (the caller checks the text). It may change its mind while the project is alive;
     * the same statement again changes nothing (empty).
     */
    public Optional<Change> recordHostConsent(HostConsent consent, String reason, String actor, OffsetDateTime now) {
        if (status == ProjectStatus.DRAFT) {
            throw new RefusedException("consent", "a draft is private: the host government states its consent once"
                    + " the project is submitted");
        }
        if (status == ProjectStatus.WITHDRAWN || status == ProjectStatus.ESG_REJECTED) {
            throw new RefusedException("consent", "the project is " + status + ": there is nothing left to consent to");
        }
        if (consent == hostConsent && Objects.equals(reason, hostConsentReason)) {
            return Optional.empty();
        }
        hostConsent = consent;
        hostConsentReason = reason;
        hostConsentAt = now;
        updatedAt = now;
        String what = "the host government (" + hostCountry + ") " + (consent == HostConsent.CONSENTED ? "consented"
                : "objected") + (reason == null ? "" : ": " + reason);
        return Optional.of(new Change(status, status, what, new HostConsentRecorded(id, title, hostCountry,
                submittingPartner, wireMinerals(), consent, reason, actor, null)));
    }

    /**
     * A completed review's conditions become the project's public action plan, in the review's order:
     * each answered for by the sponsor until the submitting partner says otherwise, due on {@code due}.
     * A rejected project gets none: nothing follows a rejection, and its failed items are the review's record.
     */
    public List<ActionPlanItem> drawActionPlan(List<Condition> conditions, LocalDate due) {
        List<ActionPlanItem> plan = new ArrayList<>();
        if (status == ProjectStatus.ESG_REJECTED) {
            return plan;
        }
        for (Condition condition : conditions) {
            ActionPlanItem item = new ActionPlanItem();
            item.projectId = id;
            item.code = condition.code();
            item.position = plan.size();
            item.title = condition.title();
            item.critical = condition.isCritical();
            item.responsibleParty = sponsor;
            item.dueDate = due;
            item.status = ActionItemStatus.SCHEDULED;
            plan.add(item);
        }
        return plan;
    }

    /** The history entry and event of a freshly drawn plan. */
    public Change actionPlanDrawn(List<ActionPlanItem> plan, String actor) {
        return new Change(status, status, "action plan drawn up from the ESG review's conditions: " + plan.stream()
                .map(item -> item.code + (item.critical ? " (critical)" : "") + " due " + item.dueDate)
                .collect(Collectors.joining(", ")), actionPlanEvent(plan, null, actor));
    }

    /**
     * The submitting partner plans an item: who answers for it, by when, which of the project's documents
     * shows it done. A condition verified as met is settled and is not planned again.
     */
    public Change planActionItem(List<ActionPlanItem> plan, ActionPlanItem item, String responsibleParty,
            LocalDate dueDate, UUID evidenceDocumentId, String actor, OffsetDateTime now) {
        if (item.status == ActionItemStatus.MET) {
            throw new RefusedException("code", "condition " + item.code + " was verified as met on "
                    + item.verifiedAt.toLocalDate() + "; there is nothing left to plan");
        }
        item.responsibleParty = responsibleParty;
        item.dueDate = dueDate;
        item.evidenceDocumentId = evidenceDocumentId;
        updatedAt = now;
        return new Change(status, status, "action plan: " + item.code + " answered for by " + responsibleParty
                + ", due " + dueDate + (evidenceDocumentId == null ? "" : ", evidence document " + evidenceDocumentId),
                actionPlanEvent(plan, item.code, actor));
    }

    /**
     * A reviewer verifies how an item stands. Only a reviewer of a third country may: neither the host's
     * nor the submitting partner's reviewers judge their own government's conditions. "Met" needs the
     * document that shows it.
     */
    public Change verifyActionItem(List<ActionPlanItem> plan, ActionPlanItem item, ActionItemStatus verdict,
            String reviewerCountry, String note, String actor, OffsetDateTime now) {
        if (reviewerCountry.equals(hostCountry) || reviewerCountry.equals(submittingPartner)) {
            throw new RefusedException("verifiedBy", "a reviewer from " + reviewerCountry + " cannot verify the action"
                    + " plan of a project hosted by " + hostCountry + " and submitted by " + submittingPartner
                    + ": a reviewer of a third country verifies it");
        }
        if (verdict == ActionItemStatus.MET && item.evidenceDocumentId == null) {
            throw new RefusedException("evidenceDocumentId", "condition " + item.code + " has no evidence document"
                    + " yet: the submitting partner attaches the document that shows it met first");
        }
        item.status = verdict;
        item.verifiedBy = reviewerCountry;
        item.verifiedByActor = actor;
        item.verifiedAt = now;
        item.verificationNote = note;
        updatedAt = now;
        return new Change(status, status, "action plan: " + item.code + " verified " + verdict + " by a reviewer from "
                + reviewerCountry + (note == null ? "" : ": " + note), actionPlanEvent(plan, item.code, actor));
    }

    /**
     * partner-service recorded a financing commitment: the history says so, and the first one makes a
     * prioritised project FINANCED (SPEC §11).
     */
    public List<Change> commitmentRecorded(CommitmentRecorded commitment, String actor, OffsetDateTime now) {
        List<Change> changes = new ArrayList<>();
        changes.add(new Change(status, status, commitment.partner() + " committed " + money(commitment.currency(),
                commitment.amount()) + " (USD " + commitment.amountUsd().toPlainString() + " at the rate of "
                + commitment.usdRateDate() + "), " + commitment.instrument() + ", commitment " + commitment.commitmentId()
                + (commitment.agreementDocumentId() == null ? "" : ", agreement document "
                + commitment.agreementDocumentId()), null));
        if (allows(Transition.FINANCE)) {
            changes.add(step(Transition.FINANCE, actor, "first financing commitment: " + commitment.partner() + ", "
                    + money(commitment.currency(), commitment.amount()), now));
        }
        return changes;
    }

    /** partner-service recorded a disbursement; an override of an unmet critical condition is part of the record. */
    public Change disbursementRecorded(DisbursementRecorded disbursement) {
        String tied = disbursement.conditions().isEmpty() ? "" : ", tied to " + String.join(", ", disbursement.conditions());
        String override = disbursement.overrideReason() == null ? "" : "; OVERRIDE of unmet critical condition "
                + String.join(", ", disbursement.overriddenConditions()) + ": " + disbursement.overrideReason();
        return new Change(status, status, disbursement.partner() + " disbursed " + money(disbursement.currency(),
                disbursement.amount()) + " (USD " + disbursement.amountUsd().toPlainString() + ") on "
                + disbursement.disbursedOn() + " against commitment " + disbursement.commitmentId() + tied + override, null);
    }

    private ActionPlanUpdated actionPlanEvent(List<ActionPlanItem> plan, String changed, String actor) {
        return new ActionPlanUpdated(id, title, hostCountry, submittingPartner, wireMinerals(),
                plan.stream().map(ActionPlanItem::toEvent).toList(), changed, actor, null);
    }

    private static String money(String currency, BigDecimal amount) {
        return currency + " " + amount.toPlainString();
    }

    /** What recording a {@link Change} wrote: the history entry, and the event witnessing the new head. */
    public record Recorded(HistoryEntry entry, EventData event) {
    }

    /**
     * Appends {@code change} to the project's hash-chained history and moves the chain head; the
     * change's event (if any) carries the new head, so every copy of the event stream witnesses it.
     */
    public Recorded record(Change change, String actor, String cause, OffsetDateTime at) {
        HistoryEntry entry = HistoryChain.append(historyHead, historyLength + 1, id, at, actor, cause,
                change.from(), change.to(), change.reason());
        historyHead = entry.hash;
        historyLength = entry.seq;
        EventData event = change.event() instanceof HistoryWitness witness
                ? witness.withHistoryHead(historyHead) : change.event();
        return new Recorded(entry, event);
    }

    /** Drafts are private to the partner writing them; everything after is public. */
    public boolean isVisibleTo(Optional<String> partnerCountry) {
        return status != ProjectStatus.DRAFT || partnerCountry.map(submittingPartner::equals).orElse(false);
    }

    /** Partners act only for their own country (SPEC §4). */
    public boolean isOwnedBy(String partnerCountry) {
        return submittingPartner.equals(partnerCountry);
    }

    public boolean isEditable() {
        return status == ProjectStatus.DRAFT;
    }

    private Change step(Transition transition, String actor, String reason, OffsetDateTime now) {
        ProjectStatus from = move(transition, now);
        return new Change(from, status, reason, new ProjectStatusChanged(id, title, wire(status), hostCountry,
                submittingPartner, wireMinerals(), wire(valueChainStage), wire(from), wire(status), actor, reason, null));
    }

    private ProjectStatus move(Transition transition, OffsetDateTime now) {
        ProjectStatus from = status;
        status = Lifecycle.require(from, transition);
        updatedAt = now;
        return from;
    }

    private boolean allows(Transition transition) {
        return Lifecycle.next(status, transition).isPresent();
    }

    private void take(ProposalDraft content, OffsetDateTime now) {
        title = content.title();
        summary = content.summary();
        hostCountry = content.hostCountry();
        mineralsColumn = content.minerals().stream().distinct().map(Enum::name)
                .collect(Collectors.joining(",", ",", ","));
        valueChainStage = content.valueChainStage();
        sponsor = content.sponsor();
        requestedFinancingUsd = content.requestedFinancingUsd();
        disclosure = content.disclosure();
        updatedAt = now;
    }

    private List<org.msp.events.Mineral> wireMinerals() {
        return minerals().stream().map(m -> org.msp.events.Mineral.valueOf(m.name())).toList();
    }

    private static org.msp.events.project.ProjectStatus wire(ProjectStatus status) {
        return org.msp.events.project.ProjectStatus.valueOf(status.name());
    }

    private static org.msp.events.project.ValueChainStage wire(ValueChainStage stage) {
        return org.msp.events.project.ValueChainStage.valueOf(stage.name());
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public String hostCountry() {
        return hostCountry;
    }

    public List<Mineral> minerals() {
        if (mineralsColumn == null || mineralsColumn.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(mineralsColumn.split(",")).filter(s -> !s.isEmpty()).map(Mineral::valueOf).toList();
    }

    public ValueChainStage valueChainStage() {
        return valueChainStage;
    }

    public String sponsor() {
        return sponsor;
    }

    public BigDecimal requestedFinancingUsd() {
        return requestedFinancingUsd;
    }

    public Disclosure disclosure() {
        return disclosure;
    }

    public String submittingPartner() {
        return submittingPartner;
    }

    public ProjectStatus status() {
        return status;
    }

    public int version() {
        return version;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public String esgReviewId() {
        return esgReviewId;
    }

    public String esgOutcome() {
        return esgOutcome;
    }

    public BigDecimal esgScore() {
        return esgScore;
    }

    public String esgConditions() {
        return esgConditions;
    }

    public Integer priorityRank() {
        return priorityRank;
    }

    public BigDecimal priorityScore() {
        return priorityScore;
    }

    public String priorityBreakdown() {
        return priorityBreakdown;
    }

    public UUID prioritisationRoundId() {
        return prioritisationRoundId;
    }

    public OffsetDateTime consultationClosedAt() {
        return consultationClosedAt;
    }

    public String historyHead() {
        return historyHead;
    }

    public int historyLength() {
        return historyLength;
    }

    public UUID partnershipId() {
        return partnershipId;
    }

    public String partnershipName() {
        return partnershipName;
    }

    public String partnershipKind() {
        return partnershipKind;
    }

    public HostConsent hostConsent() {
        return hostConsent;
    }

    public String hostConsentReason() {
        return hostConsentReason;
    }

    public OffsetDateTime hostConsentAt() {
        return hostConsentAt;
    }

    /** The project takes no documents in its current state (409). */
    public static class DocumentsClosedException extends RuntimeException {
        public DocumentsClosedException(String message) {
            super(message);
        }
    }

    /** A step of the follow-through the project's state or the caller's place does not allow (409, naming a field). */
    public static class RefusedException extends RuntimeException {
        private final String field;

        public RefusedException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** An edit of a project that is no longer a draft (409). */
    public static class NotEditableException extends RuntimeException {
        public NotEditableException(String message) {
            super(message);
        }
    }
}
