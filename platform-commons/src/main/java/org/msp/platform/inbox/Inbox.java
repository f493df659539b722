package org.msp.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.msp.events.CloudEvent;

/**
 * Remembers every consumed event (by CloudEvents source + id) in the consumer's own transaction,
 * so that a redelivered event is recognised and changes nothing.
 */
@ApplicationScoped
public class Inbox {
    /** What became of a consumed event. */
    public enum Outcome { APPLIED, SKIPPED }

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records {@code event} as applied; false when it was seen before, in which case the caller
     * must do nothing. Must run in the transaction that applies the event's effect.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(CloudEvent<?> event) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO inbox_message (source, event_id, event_type, subject, outcome)
                        VALUES (?1, ?2, ?3, ?4, 'APPLIED') ON CONFLICT DO NOTHING""")
                .setParameter(1, event.source())
                .setParameter(2, event.id())
                .setParameter(3, event.type().type())
                .setParameter(4, event.subject())
                .executeUpdate();
        return inserted == 1;
    }

    /** Marks an event recorded by {@link #firstDelivery} as skipped, with the reason, for operators. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void skipped(CloudEvent<?> event, String reason) {
        entityManager.createNativeQuery("""
                        UPDATE inbox_message SET outcome = 'SKIPPED', reason = ?3
                        WHERE source = ?1 AND event_id = ?2""")
                .setParameter(1, event.source())
                .setParameter(2, event.id())
                .setParameter(3, reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .executeUpdate();
    }

    /** How the event was handled, or null if it was never consumed. */
    @Transactional
    public Outcome outcomeOf(String source, String eventId) {
        var rows = entityManager.createNativeQuery(
                        "SELECT outcome FROM inbox_message WHERE source = ?1 AND event_id = ?2")
                .setParameter(1, source).setParameter(2, eventId).getResultList();
        return rows.isEmpty() ? null : Outcome.valueOf((String) rows.get(0));
    }
}
