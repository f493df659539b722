package org.msp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Gives committed timeline entries their public position (1, 2, 3, ...), the cursor every feed pages by.
 * The sequence number cannot be that cursor: it is taken at insert and becomes visible at commit, so a
 * reader may see 7 before 6. Here only committed rows are numbered, in one transaction at a time across
 * all instances (an advisory lock), so positions are gapless and a reader that sees one sees every lower
 * one: a client resuming after position p never misses an entry and never gets one twice.
 */
@ApplicationScoped
public class TimelinePositions {
    /** The advisory lock that makes numbering one transaction at a time, whichever instance runs it. */
    static final long NUMBERING_LOCK = 0x6d7370_7469_6dL;

    private final EntityManager em;

    public TimelinePositions(EntityManager em) {
        this.em = em;
    }

    /** Numbers up to {@code batch} committed entries that have no position yet; how many it numbered. */
    @Transactional
    public int numberCommitted(int batch) {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, NUMBERING_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0; // another instance is numbering: its positions come next
        }
        return em.createNativeQuery("""
                update timeline_entry t set position = n.base + n.rn
                  from (select seq, row_number() over (order by seq) as rn,
                               (select coalesce(max(position), 0) from timeline_entry) as base
                          from timeline_entry where position is null order by seq limit ?1) n
                 where t.seq = n.seq""").setParameter(1, batch).executeUpdate();
    }
}
