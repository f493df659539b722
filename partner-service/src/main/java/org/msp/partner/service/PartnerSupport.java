package org.msp.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.partner.domain.Endorsement;
import org.msp.partner.domain.Instrument;
import org.msp.partner.domain.Partner;
import org.msp.partner.domain.PartnerInterest;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.SupportAction;
import org.msp.partner.domain.SupportRecord;
import org.msp.partner.events.PartnerSupportEvents;
import org.msp.platform.api.ProblemException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's interest and endorsement of a project. Each change, its history line and its event
 * (through the outbox) commit in one transaction; the project row is locked so that changes to one
 * project are serialised against each other and against incoming status events.
 */
@ApplicationScoped
public class PartnerSupport {
    private final PartnerSupportEvents events;
    private final BigDecimal maxIndicativeAmount;

    public PartnerSupport(PartnerSupportEvents events,
            @ConfigProperty(name = "msp.interest.max-indicative-amount-usd") BigDecimal maxIndicativeAmount) {
        this.events = events;
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
        openForSupport(projectId);
        PartnerInterest interest = PartnerInterest.find(projectId, partner);
        boolean created = interest == null;
        if (!created && !interest.differsFrom(terms.instrument(), terms.indicativeAmountUsd(), terms.note())) {
            return new InterestOutcome(interest, false, false);
        }
        OffsetDateTime now = Clocks.now();
        if (created) {
            interest = PartnerInterest.first(projectId, partner, now);
        }
        interest.state(terms.instrument(), terms.indicativeAmountUsd(), terms.note(), actor, now);
        if (created) {
            interest.persist();
        }
        String eventId = events.interestExpressed(interest);
        SupportRecord.of(projectId, partner, created ? SupportAction.INTEREST_EXPRESSED : SupportAction.INTEREST_UPDATED,
                actor, now, eventId).terms(interest).persist();
        return new InterestOutcome(interest, created, true);
    }

    /** Gives the partner's endorsement; false when it already stands (nothing published again). */
    @Transactional
    public EndorsementOutcome endorse(UUID projectId, String partner, String actor) {
        registered(partner);
        openForSupport(projectId);
        Endorsement standing = Endorsement.standing(projectId, partner);
        if (standing != null) {
            return new EndorsementOutcome(standing, false);
        }
        OffsetDateTime now = Clocks.now();
        Endorsement endorsement = Endorsement.give(projectId, partner, actor, now);
        endorsement.persist();
        String eventId = events.endorsementGiven(projectId, partner);
        SupportRecord.of(projectId, partner, SupportAction.ENDORSEMENT_GIVEN, actor, now, eventId).persist();
        return new EndorsementOutcome(endorsement, true);
    }

    public record EndorsementOutcome(Endorsement endorsement, boolean given) {
    }

    /** Withdraws the partner's standing endorsement; 404 when there is none. */
    @Transactional
    public void withdrawEndorsement(UUID projectId, String partner, String actor) {
        registered(partner);
        openForSupport(projectId);
        Endorsement standing = Endorsement.standing(projectId, partner);
        if (standing == null) {
            throw ProblemException.notFound("a standing endorsement of project " + projectId + " by " + partner);
        }
        standing.delete();
        String eventId = events.endorsementWithdrawn(projectId, partner);
        SupportRecord.of(projectId, partner, SupportAction.ENDORSEMENT_WITHDRAWN, actor, Clocks.now(), eventId).persist();
    }

    /** Only countries in the registry act as partners. */
    private static void registered(String partner) {
        if (Partner.findById(partner) == null) {
            throw ProblemException.forbidden(partner + " is not in the partner registry; ask the secretariat to register it");
        }
    }

    /** The project, locked; 404 if no event ever named it, 409 unless it is open for support. */
    private static Project openForSupport(UUID projectId) {
        Project project = Project.findById(projectId, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw ProblemException.notFound("project " + projectId);
        }
        if (!project.status().acceptsSupport()) {
            throw ProblemException.conflict("project " + projectId + " is " + project.status()
                    + "; interest and endorsements are taken only while it is OPEN_FOR_SUPPORT or ENDORSED");
        }
        return project;
    }
}
