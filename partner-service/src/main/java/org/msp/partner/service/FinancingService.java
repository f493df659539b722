package org.msp.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.msp.partner.domain.ActionPlan;
import org.msp.partner.domain.Commitment;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.SupportAction;
import org.msp.partner.domain.SupportRecord;
import org.msp.platform.api.ProblemException;
import org.msp.platform.outbox.Outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Financing follow-through (SPEC §11): a partner's commitments to a project and the disbursements against
 * them. Each one, its support-history line and its event (through the outbox) commit together. The project
 * row is locked, then the commitment's, so that two disbursements against one commitment are judged one
 * after the other and can never add up to more than it.
 */
@ApplicationScoped
public class FinancingService {
    private final Outbox outbox;

    public FinancingService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Commitment commit(UUID projectId, String partner, Commitment.Terms terms, String actor) {
        PartnerSupportService.registered(partner);
        Project project = PartnerSupportService.locked(projectId);
        OffsetDateTime now = Clocks.now();
        Commitment.Recorded recorded = Commitment.record(project, partner, terms, actor, now);
        Commitment commitment = recorded.commitment();
        commitment.eventId = outbox.publish(recorded.event());
        commitment.persist();
        SupportRecord.of(projectId, partner, SupportAction.COMMITMENT_RECORDED, actor, now, commitment.eventId)
                .commitment(commitment).persist();
        return commitment;
    }

    /** Only the committing partner disburses against its commitment (403 for any other). */
    @Transactional
    public Commitment.Disbursed disburse(UUID projectId, UUID commitmentId, String partner, Commitment.Payment payment,
            String actor) {
        PartnerSupportService.registered(partner);
        Project project = PartnerSupportService.locked(projectId);
        Commitment commitment = Commitment.findById(commitmentId, LockModeType.PESSIMISTIC_WRITE);
        if (commitment == null || !commitment.projectId.equals(projectId)) {
            throw ProblemException.notFound("commitment " + commitmentId + " of project " + projectId);
        }
        if (!commitment.partner.equals(partner)) {
            throw ProblemException.forbidden("commitment " + commitmentId + " is " + commitment.partner
                    + "'s: only the committing partner records disbursements against it, not " + partner);
        }
        OffsetDateTime now = Clocks.now();
        Commitment.Disbursed disbursed = commitment.disburse(project, ActionPlan.of(projectId), payment, actor, now);
        disbursed.disbursement().eventId = outbox.publish(disbursed.event());
        disbursed.disbursement().persist();
        SupportAction action = disbursed.disbursement().overrideReason == null ? SupportAction.DISBURSEMENT_RECORDED
                : SupportAction.DISBURSEMENT_OVERRIDE;
        SupportRecord.of(projectId, partner, action, actor, now, disbursed.disbursement().eventId)
                .disbursement(disbursed.disbursement()).persist();
        return disbursed;
    }
}
