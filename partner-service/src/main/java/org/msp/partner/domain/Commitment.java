package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.msp.events.partner.CommitmentRecorded;
import org.msp.events.partner.DisbursementRecorded;
import org.msp.platform.api.Problem;
import org.msp.platform.api.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A partner's financing commitment to a project (SPEC §11). Never changed once recorded; money paid
 * against it is a {@link Disbursement}, which {@link #disburse} allows or refuses.
 */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    public String partner;
    @Enumerated(EnumType.STRING)
    public Instrument instrument;
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
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "event_id")
    public String eventId;

    /** What the partner commits: in the agreement's currency and in US dollars at {@code usdRateDate}. */
    public record Terms(Instrument instrument, BigDecimal amount, String currency, BigDecimal amountUsd,
            LocalDate usdRateDate, UUID agreementDocumentId) {
    }

    /** What is paid out: {@code conditions} are the action-plan items the tranche is tied to. */
    public record Payment(BigDecimal amount, String currency, BigDecimal amountUsd, LocalDate disbursedOn,
            List<String> conditions, String overrideReason) {
    }

    /** A new commitment (not yet persisted) and its event. */
    public record Recorded(Commitment commitment, CommitmentRecorded event) {
    }

    /** A new disbursement (not yet persisted) and its event. */
    public record Disbursed(Disbursement disbursement, DisbursementRecorded event) {
    }

    public static Recorded record(Project project, String partner, Terms terms, String actor, OffsetDateTime now) {
        requireFinanceable(project, "financing is committed");
        Commitment commitment = new Commitment();
        commitment.id = UUID.randomUUID();
        commitment.projectId = project.id;
        commitment.partner = partner;
        commitment.instrument = terms.instrument();
        commitment.amount = terms.amount();
        commitment.currency = terms.currency();
        commitment.amountUsd = terms.amountUsd();
        commitment.usdRateDate = terms.usdRateDate();
        commitment.agreementDocumentId = terms.agreementDocumentId();
        commitment.recordedAt = now;
        commitment.recordedBy = actor;
        return new Recorded(commitment, new CommitmentRecorded(project.id, project.title, project.hostCountry,
                project.submittingPartner, project.minerals(), commitment.id, partner,
                org.msp.events.partner.Instrument.valueOf(terms.instrument().name()), terms.amount(), terms.currency(),
                terms.amountUsd(), terms.usdRateDate(), terms.agreementDocumentId(), actor));
    }

    /**
     * Pays {@code payment} out of this commitment, judged against the project's action plan: every linked
     * condition must be an item of the plan (400 naming {@code conditions}); a linked condition that is
     * critical and unmet holds the payment back (409 naming them) unless an override reason is given, which
     * is then kept and published with the conditions it overrode; and the disbursements may not add up to
     * more than the commitment (409, saying by how much).
     */
    public Disbursed disburse(Project project, List<ActionPlan.Item> plan, Payment payment, String actor,
            OffsetDateTime now) {
        requireFinanceable(project, "disbursements are recorded");
        if (!currency.equals(payment.currency())) {
            throw ProblemException.badRequest("currency", "must be the commitment's currency, " + currency
                    + ", so that what is paid can be held against what was committed");
        }
        List<String> unknown = payment.conditions().stream()
                .filter(code -> plan.stream().noneMatch(item -> item.code.equals(code))).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("conditions", "not in the project's action plan: "
                    + String.join(", ", unknown) + (plan.isEmpty() ? " (the project has no action plan)"
                    : "; the plan's conditions are " + String.join(", ", plan.stream().map(i -> i.code).toList())));
        }
        List<ActionPlan.Item> blocking = plan.stream()
                .filter(item -> payment.conditions().contains(item.code) && item.blocksDisbursement()).toList();
        boolean overridden = payment.overrideReason() != null;
        if (!blocking.isEmpty() && !overridden) {
            String named = String.join(", ", blocking.stream().map(i -> i.code + " (" + i.status + ")").toList());
            throw new ProblemException(409, "Conflict", "the disbursement is tied to critical conditions that are "
                    + "not met: " + named + "; record it anyway only with a public override reason",
                    List.of(new Problem.FieldError("conditions", "critical and unmet: " + named),
                            new Problem.FieldError("overrideReason", "required to disburse against a critical "
                                    + "condition that is not met; the reason is published")));
        }
        if (blocking.isEmpty() && overridden) {
            throw ProblemException.badRequest("overrideReason", "none of the linked conditions is critical and unmet, "
                    + "so there is nothing to override; send the disbursement without a reason");
        }
        BigDecimal disbursed = Disbursement.of(id).stream().map(d -> d.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = disbursed.add(payment.amount());
        if (total.compareTo(amount) > 0) {
            throw ProblemException.conflict("the disbursements would total " + total.toPlainString() + " " + currency
                    + ", " + total.subtract(amount).toPlainString() + " " + currency + " more than the commitment of "
                    + amount.toPlainString() + " " + currency + " (" + disbursed.toPlainString() + " already disbursed)");
        }
        List<String> overriddenCodes = blocking.stream().map(i -> i.code).toList();
        Disbursement disbursement = Disbursement.of(this, payment, overriddenCodes, actor, now);
        return new Disbursed(disbursement, new DisbursementRecorded(project.id, project.title,
                project.hostCountry, project.submittingPartner, project.minerals(), disbursement.id, id, partner,
                payment.amount(), payment.currency(), payment.amountUsd(), payment.disbursedOn(),
                List.copyOf(payment.conditions()), overriddenCodes, payment.overrideReason(), actor));
    }

    /** 409 unless the project is PRIORITISED or FINANCED, saying what waits for that. */
    private static void requireFinanceable(Project project, String what) {
        if (!project.status().acceptsCommitments()) {
            throw ProblemException.conflict("project " + project.id + " is " + project.status() + "; " + what
                    + " only once it is PRIORITISED (or FINANCED)");
        }
    }

    public static List<Commitment> of(UUID projectId) {
        return list("projectId = ?1 order by recordedAt, id", projectId);
    }
}
