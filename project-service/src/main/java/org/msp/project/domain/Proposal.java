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
import org.msp.events.esg.ReviewOutcome;
import org.msp.events.project.HistoryWitness;
import org.msp.events.project.DocumentPublished;
import org.msp.events.project.ProjectPrioritised;
import org.msp.events.project.ProjectStatusChanged;
import org.msp.events.project.ProjectSubmitted;
import org.msp.events.project.ScoreBreakdown;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
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

    /** An edit of a project that is no longer a draft (409). */
    /** The project takes no documents in its current state (409). */
    public static class DocumentsClosedException extends RuntimeException {
        public DocumentsClosedException(String message) {
            super(message);
        }
    }

    public static class NotEditableException extends RuntimeException {
        public NotEditableException(String message) {
            super(message);
        }
    }
}
