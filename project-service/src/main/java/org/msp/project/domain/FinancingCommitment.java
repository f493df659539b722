package org.msp.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.msp.events.partner.CommitmentRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's financing commitment to a project, as partner-service recorded it: the open data's
 * budget.finance and commitments.csv read it (partner-service owns the commitment; this is its copy).
 */
@Entity
@Table(name = "financing_commitment")
public class FinancingCommitment extends PanacheEntityBase {
    @Id
    @Column(name = "commitment_id")
    public UUID commitmentId;
    @Column(name = "project_id")
    public UUID projectId;
    public String partner;
    public String instrument;
    public BigDecimal amount;
    public String currency;
    @Column(name = "amount_usd")
    public BigDecimal amountUsd;
    @Column(name = "usd_rate_date")
    public LocalDate usdRateDate;
    @Column(name = "agreement_document_id")
    public UUID agreementDocumentId;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** Keeps the commitment of {@code event}; a commitment already kept stays as it was. */
    public static void record(CommitmentRecorded event, OffsetDateTime at) {
        if (findById(event.commitmentId()) != null) {
            return;
        }
        FinancingCommitment c = new FinancingCommitment();
        c.commitmentId = event.commitmentId();
        c.projectId = event.projectId();
        c.partner = event.partner();
        c.instrument = event.instrument().name();
        c.amount = event.amount();
        c.currency = event.currency();
        c.amountUsd = event.amountUsd();
        c.usdRateDate = event.usdRateDate();
        c.agreementDocumentId = event.agreementDocumentId();
        c.recordedAt = at;
        c.persist();
    }
}
