package org.msp.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.msp.partner.domain.Milestone;
import org.msp.partner.domain.Partnership;
import org.msp.partner.domain.PartnershipAction;
import org.msp.partner.domain.PartnershipSnapshot;
import org.msp.platform.api.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The secretariat's changes to the partnerships registry. Each change and its history entry commit
 * together; the partnership row is locked, so concurrent changes to one partnership chain one after
 * the other (on any number of instances).
 */
@ApplicationScoped
public class PartnershipService {

    /** Who asked, and the command as the history names it (e.g. {@code POST /partnerships}). */
    public record Actor(String subject, String command) {
    }

    @Transactional
    public Partnership create(Partnership.Terms terms, Actor actor) {
        OffsetDateTime now = Clocks.now();
        Partnership partnership = Partnership.create(terms, actor.subject(), now);
        partnership.persist();
        record(partnership, PartnershipAction.CREATED, actor.subject(), actor.command(), now);
        return partnership;
    }

    /** Replaces what the partnership says about itself, if it is still at the version the editor saw. */
    @Transactional
    public Partnership edit(UUID id, Partnership.Terms terms, int expectedVersion, Actor actor) {
        Partnership partnership = locked(id);
        if (partnership.version() != expectedVersion) {
            throw new ProblemException(412, "Precondition Failed", "partnership " + id + " is at version "
                    + partnership.version() + ", not " + expectedVersion + ": someone changed it since you read it");
        }
        OffsetDateTime now = Clocks.now();
        partnership.take(terms, now);
        record(partnership, PartnershipAction.EDITED, actor.subject(), actor.command(), now);
        return partnership;
    }

    @Transactional
    public Milestone addMilestone(UUID partnershipId, Milestone.Terms terms, Actor actor) {
        Partnership partnership = locked(partnershipId);
        OffsetDateTime now = Clocks.now();
        Milestone milestone = Milestone.add(partnershipId, terms, now);
        milestone.persist();
        partnership.updatedAt = now;
        record(partnership, PartnershipAction.MILESTONE_ADDED, actor.subject(), actor.command(), now);
        return milestone;
    }

    @Transactional
    public Milestone updateMilestone(UUID partnershipId, UUID milestoneId, Milestone.Terms terms, Actor actor) {
        Partnership partnership = locked(partnershipId);
        Milestone milestone = Milestone.findById(milestoneId);
        if (milestone == null || !milestone.partnershipId.equals(partnershipId)) {
            throw ProblemException.notFound("milestone " + milestoneId + " of partnership " + partnershipId);
        }
        OffsetDateTime now = Clocks.now();
        milestone.take(terms, now);
        partnership.updatedAt = now;
        record(partnership, PartnershipAction.MILESTONE_UPDATED, actor.subject(), actor.command(), now);
        return milestone;
    }

    /**
     * Gives each partnership the migration seeded its first history entry, hashed by the same code as
     * every later change. Runs at startup on every instance: the row lock and the re-check make it once.
     */
    @Transactional
    public int recordSeeded(String cause) {
        int recorded = 0;
        for (Partnership partnership : Partnership.unrecorded()) {
            // another instance may have recorded it since the query: lock, read again, check again
            Partnership.getEntityManager().refresh(partnership, LockModeType.PESSIMISTIC_WRITE);
            if (partnership.version() == 0) {
                record(partnership, PartnershipAction.SEEDED, partnership.createdBy, cause, Clocks.now());
                recorded++;
            }
        }
        return recorded;
    }

    /** The partnership, locked for a change; 404 when there is none. */
    static Partnership locked(UUID id) {
        Partnership partnership = Partnership.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (partnership == null) {
            throw ProblemException.notFound("partnership " + id);
        }
        return partnership;
    }

    private static void record(Partnership partnership, PartnershipAction action, String actor, String cause,
            OffsetDateTime at) {
        // the milestones as they will be after this transaction: flushed first, so the query sees them
        Partnership.flush();
        List<Milestone> milestones = Milestone.of(partnership.id);
        String snapshot = PartnershipSnapshot.of(partnership, milestones).json();
        partnership.record(action, snapshot, actor, cause, at).persist();
    }
}
