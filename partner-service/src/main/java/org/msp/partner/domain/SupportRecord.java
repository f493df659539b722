package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One line of a project's append-only support history: who changed what, when, and the event it caused. */
@Entity
@Table(name = "support_history")
public class SupportRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "project_id")
    public UUID projectId;
    public String partner;
    @Enumerated(EnumType.STRING)
    public SupportAction action;
    @Enumerated(EnumType.STRING)
    public Instrument instrument;
    @Column(name = "indicative_amount_usd")
    public BigDecimal indicativeAmountUsd;
    public String note;
    public String actor;
    public OffsetDateTime at;
    @Column(name = "event_id")
    public String eventId;
    /** The partnership a {@link SupportAction#PARTNERSHIP_NAMED} line named; null when it cleared it. */
    @Column(name = "partnership_id")
    public UUID partnershipId;
    @Column(name = "commitment_id")
    public UUID commitmentId;
    public BigDecimal amount;
    public String currency;
    @Column(name = "amount_usd")
    public BigDecimal amountUsd;
    /** The critical conditions a disbursement overrode, comma-separated, as the history shows them. */
    @Column(name = "overridden_conditions")
    public String overriddenConditions;
    @Column(name = "override_reason")
    public String overrideReason;

    public static SupportRecord of(UUID projectId, String partner, SupportAction action, String actor,
            OffsetDateTime at, String eventId) {
        SupportRecord record = new SupportRecord();
        record.projectId = projectId;
        record.partner = partner;
        record.action = action;
        record.actor = actor;
        record.at = at;
        record.eventId = eventId;
        return record;
    }

    public SupportRecord terms(PartnerInterest interest) {
        instrument = interest.instrument;
        indicativeAmountUsd = interest.indicativeAmountUsd;
        note = interest.note;
        return this;
    }

    public SupportRecord commitment(Commitment commitment) {
        instrument = commitment.instrument;
        return money(commitment.id, commitment.amount, commitment.currency, commitment.amountUsd);
    }

    public SupportRecord disbursement(Disbursement disbursement) {
        money(disbursement.commitmentId, disbursement.amount, disbursement.currency, disbursement.amountUsd);
        List<String> overridden = disbursement.overriddenConditions();
        overriddenConditions = overridden.isEmpty() ? null : String.join(",", overridden);
        overrideReason = disbursement.overrideReason;
        return this;
    }

    private SupportRecord money(UUID commitment, BigDecimal amount, String currency, BigDecimal amountUsd) {
        this.commitmentId = commitment;
        this.amount = amount;
        this.currency = currency;
        this.amountUsd = amountUsd;
        return this;
    }

    public static List<SupportRecord> of(UUID projectId) {
        return list("projectId = ?1 order by id", projectId);
    }
}
