package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Money paid out against a {@link Commitment}; made only by {@link Commitment#disburse}, never changed. */
@Entity
@Table(name = "disbursement")
public class Disbursement extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "commitment_id")
    public UUID commitmentId;
    @Column(name = "project_id")
    public UUID projectId;
    public String partner;
    public BigDecimal amount;
    public String currency;
    @Column(name = "amount_usd")
    public BigDecimal amountUsd;
    @Column(name = "disbursed_on")
    public LocalDate disbursedOn;
    /** Why the partner paid although a critical linked condition was unmet; null when nothing was overridden. */
    @Column(name = "override_reason")
    public String overrideReason;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "event_id")
    public String eventId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "disbursement_condition", joinColumns = @JoinColumn(name = "disbursement_id"))
    @OrderColumn(name = "position")
    List<LinkedCondition> conditions = new ArrayList<>();

    /** A condition of the action plan the tranche is tied to; overridden when it was critical and unmet. */
    @Embeddable
    public static class LinkedCondition {
        public String code;
        public boolean overridden;
    }

    static Disbursement of(Commitment commitment, Commitment.Payment payment, List<String> overridden, String actor,
            OffsetDateTime now) {
        Disbursement disbursement = new Disbursement();
        disbursement.id = UUID.randomUUID();
        disbursement.commitmentId = commitment.id;
        disbursement.projectId = commitment.projectId;
        disbursement.partner = commitment.partner;
        disbursement.amount = payment.amount();
        disbursement.currency = payment.currency();
        disbursement.amountUsd = payment.amountUsd();
        disbursement.disbursedOn = payment.disbursedOn();
        disbursement.overrideReason = payment.overrideReason();
        disbursement.recordedAt = now;
        disbursement.recordedBy = actor;
        for (String code : payment.conditions()) {
            LinkedCondition linked = new LinkedCondition();
            linked.code = code;
            linked.overridden = overridden.contains(code);
            disbursement.conditions.add(linked);
        }
        return disbursement;
    }

    public List<String> conditions() {
        return conditions.stream().map(c -> c.code).toList();
    }

    public List<String> overriddenConditions() {
        return conditions.stream().filter(c -> c.overridden).map(c -> c.code).toList();
    }

    public static List<Disbursement> of(UUID commitmentId) {
        return list("commitmentId = ?1 order by recordedAt, id", commitmentId);
    }

    public static List<Disbursement> ofProject(UUID projectId) {
        return list("projectId = ?1 order by recordedAt, id", projectId);
    }
}
