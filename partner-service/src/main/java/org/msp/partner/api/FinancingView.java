package org.msp.partner.api;

import org.msp.events.project.ActionItemStatus;
import org.msp.partner.domain.ActionPlan;
import org.msp.partner.domain.Commitment;
import org.msp.partner.domain.Disbursement;
import org.msp.partner.domain.Instrument;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.ProjectStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The public picture of a project's financing: per partner what it committed and disbursed in US dollars,
 * every commitment with its disbursements (overrides and their reasons included), and the action plan the
 * disbursements are judged against, as partner-service last heard it from project-service.
 */
public record FinancingView(UUID projectId, String title, ProjectStatus status, BigDecimal totalCommittedUsd,
        BigDecimal totalDisbursedUsd, List<PartnerFinancing> partners, List<CommitmentView> commitments,
        List<ConditionView> conditions) {

    /** One partner's totals, in US dollars at each commitment's and disbursement's own rate. */
    public record PartnerFinancing(String partner, BigDecimal committedUsd, BigDecimal disbursedUsd) {
    }

    public record CommitmentView(UUID id, String partner, Instrument instrument, BigDecimal amount, String currency,
            BigDecimal amountUsd, LocalDate usdRateDate, UUID agreementDocumentId, OffsetDateTime recordedAt,
            String recordedBy, BigDecimal disbursedAmount, BigDecimal remainingAmount, BigDecimal disbursedUsd,
            List<DisbursementView> disbursements) {

        static CommitmentView of(Commitment c, List<Disbursement> disbursements) {
            BigDecimal disbursed = sum(disbursements.stream().map(d -> d.amount).toList());
            return new CommitmentView(c.id, c.partner, c.instrument, c.amount, c.currency, c.amountUsd, c.usdRateDate,
                    c.agreementDocumentId, c.recordedAt, c.recordedBy, disbursed, c.amount.subtract(disbursed),
                    sum(disbursements.stream().map(d -> d.amountUsd).toList()),
                    disbursements.stream().map(DisbursementView::of).toList());
        }
    }

    /** A disbursement; {@code overriddenConditions} and {@code overrideReason} are set when it overrode a hold. */
    public record DisbursementView(UUID id, UUID commitmentId, String partner, BigDecimal amount, String currency,
            BigDecimal amountUsd, LocalDate disbursedOn, List<String> conditions, List<String> overriddenConditions,
            String overrideReason, OffsetDateTime recordedAt, String recordedBy) {

        static DisbursementView of(Disbursement d) {
            return new DisbursementView(d.id, d.commitmentId, d.partner, d.amount, d.currency, d.amountUsd,
                    d.disbursedOn, d.conditions(), d.overriddenConditions(), d.overrideReason, d.recordedAt,
                    d.recordedBy);
        }
    }

    /** A condition of the action plan; {@code holdsDisbursements} when it is critical and not met. */
    public record ConditionView(String code, String title, boolean critical, ActionItemStatus status,
            LocalDate dueDate, String responsibleParty, boolean holdsDisbursements) {
        static ConditionView of(ActionPlan.Item item) {
            return new ConditionView(item.code, item.title, item.critical, item.status, item.dueDate,
                    item.responsibleParty, item.blocksDisbursement());
        }
    }

    public static FinancingView of(Project project, List<Commitment> commitments, List<Disbursement> disbursements,
            List<ActionPlan.Item> plan) {
        List<CommitmentView> views = commitments.stream().map(c -> CommitmentView.of(c,
                disbursements.stream().filter(d -> d.commitmentId.equals(c.id)).toList())).toList();
        Map<String, BigDecimal[]> byPartner = new TreeMap<>();
        for (CommitmentView c : views) {
            BigDecimal[] totals = byPartner.computeIfAbsent(c.partner(),
                    p -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            totals[0] = totals[0].add(c.amountUsd());
            totals[1] = totals[1].add(c.disbursedUsd());
        }
        List<PartnerFinancing> partners = byPartner.entrySet().stream()
                .map(e -> new PartnerFinancing(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new FinancingView(project.id, project.title, project.status(),
                sum(partners.stream().map(PartnerFinancing::committedUsd).toList()),
                sum(partners.stream().map(PartnerFinancing::disbursedUsd).toList()), partners, views,
                plan.stream().map(ConditionView::of).toList());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
