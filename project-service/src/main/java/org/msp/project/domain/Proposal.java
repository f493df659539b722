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

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A project proposal and its lifecycle state. The status changes only through {@link #apply}, which
 * consults the {@link Lifecycle} table.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {
    @Id
    public UUID id;

    public String title;
    public String summary;

    @Column(name = "host_country")
    public String hostCountry;

    /** Stored as ",LITHIUM,COBALT," so a mineral filter is a LIKE on ",NAME,". */
    @Column(name = "minerals")
    String mineralsColumn;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_chain_stage")
    public ValueChainStage valueChainStage;

    public String sponsor;

    @Column(name = "requested_financing_usd")
    public BigDecimal requestedFinancingUsd;

    @Embedded
    public Disclosure disclosure;

    @Column(name = "submitting_partner")
    public String submittingPartner;

    @Enumerated(EnumType.STRING)
    ProjectStatus status;

    @Version
    public int version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "esg_review_id")
    public String esgReviewId;
    @Column(name = "esg_outcome")
    public String esgOutcome;
    @Column(name = "esg_score")
    public BigDecimal esgScore;
    /** The review's conditions as JSON, kept as the review service sent them. */
    @Column(name = "esg_conditions")
    public String esgConditions;

    @Column(name = "priority_rank")
    public Integer priorityRank;
    @Column(name = "priority_score")
    public BigDecimal priorityScore;
    @Column(name = "priority_breakdown")
    public String priorityBreakdown;
    @Column(name = "prioritisation_round_id")
    public UUID prioritisationRoundId;

    /** A new draft for {@code submittingPartner}, which always comes from the caller's token. */
    public static Proposal draft(String submittingPartner, OffsetDateTime now) {
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.submittingPartner = submittingPartner;
        proposal.status = ProjectStatus.DRAFT;
        proposal.createdAt = now;
        proposal.updatedAt = now;
        return proposal;
    }

    public ProjectStatus status() {
        return status;
    }

    public List<Mineral> minerals() {
        if (mineralsColumn == null || mineralsColumn.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(mineralsColumn.split(",")).filter(s -> !s.isEmpty()).map(Mineral::valueOf).toList();
    }

    public void setMinerals(List<Mineral> minerals) {
        mineralsColumn = minerals.stream().distinct().map(Enum::name).collect(Collectors.joining(",", ",", ","));
    }

    /** Moves the project by {@code transition}; refuses what the lifecycle does not allow. */
    public StatusChange apply(Transition transition, OffsetDateTime now) {
        ProjectStatus from = status;
        status = Lifecycle.require(from, transition);
        updatedAt = now;
        if (transition == Transition.SUBMIT) {
            submittedAt = now;
        }
        return new StatusChange(from, status, transition);
    }

    /** A draft can be edited; anything later is part of the public record. */
    public boolean isEditable() {
        return status == ProjectStatus.DRAFT;
    }

    public record StatusChange(ProjectStatus from, ProjectStatus to, Transition transition) {
    }
}
