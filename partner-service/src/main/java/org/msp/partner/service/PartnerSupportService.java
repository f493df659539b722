package org.msp.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.events.partner.InterestExpressed;
import org.msp.partner.domain.Endorsement;
import org.msp.partner.domain.Instrument;
import org.msp.partner.domain.Partner;
import org.msp.partner.domain.Partnership;
import org.msp.partner.domain.PartnerInterest;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.SupportAction;
import org.msp.partner.domain.SupportRecord;
import org.msp.platform.api.Problem;
import org.msp.platform.api.ProblemException;
import org.msp.platform.outbox.Outbox;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A partner's interest and endorsement of a project. Each change, its history line and the event the
 * domain made of it (written through the outbox, with the project facts of the read model) commit in
 * one transaction; the project row is locked so that changes to one project are serialised against
 * each other and against incoming project events.
 */
@ApplicationScoped
public class PartnerSupportService {
    private final Outbox outbox;
    private final BigDecimal maxIndicativeAmount;

    public PartnerSupportService(Outbox outbox,
            @ConfigProperty(name = "msp.interest.max-indicative-amount-usd") BigDecimal maxIndicativeAmount) {
        this.outbox = outbox;
        this.maxIndicativeAmount = maxIndicativeAmount;
    }

    /** The terms of an interest as the partner states them. */
    public record Terms(Instrument instrument, BigDecimal indicativeAmountUsd, String note) {
    }

    /** The interest after the call, and whether it was new or changed (an unchanged repeat publishes nothing). */
    public record InterestOutcome(PartnerInterest interest, boolean created, boolean changed) {
    }

    @Transactional
    public InterestOutcome expressInterest(UUID projectId, String partner, Terms terms, String actor) {
        if (terms.indicativeAmountUsd().compareTo(maxIndicativeAmount) > 0) {
            throw ProblemException.badRequest("indicativeAmountUsd", "must not exceed " + maxIndicativeAmount.toPlainString());
        }
        registered(partner);
        Project project = openForSupport(projectId);
        PartnerInterest interest = PartnerInterest.find(projectId, partner);
        boolean created = interest == null;
        if (!created && !interest.differsFrom(terms.instrument(), terms.indicativeAmountUsd(), terms.note())) {
            return new InterestOutcome(interest, false, false);
        }
        OffsetDateTime now = Clocks.now();
        if (created) {
            interest = PartnerInterest.first(projectId, partner, now);
        }
        InterestExpressed event = interest.state(project, terms.instrument(), terms.indicativeAmountUsd(),
                terms.note(), actor, now);
        if (created) {
            interest.persist();
        }
        String eventId = outbox.publish(event);
        SupportRecord.of(projectId, partner, created ? SupportAction.INTEREST_EXPRESSED : SupportAction.INTEREST_UPDATED,
                actor, now, eventId).terms(interest).persist();
        return new InterestOutcome(interest, created, true);
    }

    /** Gives the partner's endorsement; false when it already stands (nothing published again). */
    @Transactional
    public EndorsementOutcome endorse(UUID projectId, String partner, String actor) {
        Partner registered = registered(partner);
        Project project = openForSupport(projectId);
        Endorsement standing = Endorsement.standing(projectId, partner);
        if (standing != null) {
            return new EndorsementOutcome(standing, false);
        }
        OffsetDateTime now = Clocks.now();
        Endorsement.Given given = Endorsement.give(project, registered, actor, now);
        given.endorsement().persist();
        String eventId = outbox.publish(given.event());
        SupportRecord.of(projectId, partner, SupportAction.ENDORSEMENT_GIVEN, actor, now, eventId).persist();
        return new EndorsementOutcome(given.endorsement(), true);
    }

    public record EndorsementOutcome(Endorsement endorsement, boolean given) {
    }

    /** Withdraws the partner's standing endorsement; 404 when there is none. */
    @Transactional
    public void withdrawEndorsement(UUID projectId, String partner, String actor) {
        registered(partner);
        Project project = openForSupport(projectId);
        Endorsement standing = Endorsement.standing(projectId, partner);
        if (standing == null) {
            throw ProblemException.notFound("a standing endorsement of project " + projectId + " by " + partner);
        }
        String eventId = outbox.publish(standing.withdraw(project));
        SupportRecord.of(projectId, partner, SupportAction.ENDORSEMENT_WITHDRAWN, actor, Clocks.now(), eventId).persist();
    }

    /** The project's partnership after the call, and whether it changed (a repeat publishes nothing). */
    public record NamingOutcome(Project project, Partnership partnership, boolean changed) {
    }

    /**
     * Names the partnership {@code projectId} is proposed under, or none ({@code partnershipId} null). Only
     * the submitting partner's officer ({@code actingCountry}) or the secretariat ({@code actingCountry}
     * null) may; 404 naming {@code partnershipId} for one the registry does not hold; 409 once the project
     * has left the pipeline. The change, its support-history line and the event commit together.
     */
    @Transactional
    public NamingOutcome namePartnership(UUID projectId, UUID partnershipId, String actingCountry, String actor) {
        Project project = Project.findById(projectId, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw ProblemException.notFound("project " + projectId);
        }
        if (actingCountry != null && !actingCountry.equals(project.submittingPartner)) {
            throw ProblemException.forbidden("only the submitting partner (" + project.submittingPartner
                    + ") or the secretariat names the partnership a project is proposed under; the token is for "
                    + actingCountry);
        }
        Partnership partnership = null;
        if (partnershipId != null) {
            partnership = Partnership.findById(partnershipId);
            if (partnership == null) {
                throw new ProblemException(404, "Not Found", "partnership " + partnershipId + " does not exist",
                        List.of(new Problem.FieldError("partnershipId", "no partnership " + partnershipId
                                + " in the registry (GET /partnerships)")));
            }
        }
        if (project.leftThePipeline()) {
            throw ProblemException.conflict("project " + projectId + " is " + project.status()
                    + "; the partnership it was proposed under can no longer change");
        }
        if (Objects.equals(project.partnershipId, partnershipId)) {
            return new NamingOutcome(project, partnership, false);
        }
        String eventId = outbox.publish(project.namePartnership(partnership, actor));
        SupportRecord line = SupportRecord.of(projectId, project.submittingPartner, SupportAction.PARTNERSHIP_NAMED,
                actor, Clocks.now(), eventId);
        line.partnershipId = partnershipId;
        line.persist();
        return new NamingOutcome(project, partnership, true);
    }

    /** Only countries in the registry act as partners. */
    static Partner registered(String partner) {
        Partner registered = Partner.findById(partner);
        if (registered == null) {
            throw ProblemException.forbidden(partner + " is not in the partner registry; ask the secretariat to register it");
        }
        return registered;
    }

    /** The project, locked against other changes of its support and against project events; 404 if no event named it. */
    static Project locked(UUID projectId) {
        Project project = Project.findById(projectId, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw ProblemException.notFound("project " + projectId);
        }
        return project;
    }

    /** The project, locked; 404 if no event ever named it, 409 unless it is open for support. */
    private static Project openForSupport(UUID projectId) {
        Project project = locked(projectId);
        if (!project.status().acceptsSupport()) {
            throw ProblemException.conflict("project " + projectId + " is " + project.status()
                    + "; interest and endorsements are taken only while it is OPEN_FOR_SUPPORT or ENDORSED");
        }
        return project;
    }
}
