package org.msp.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.msp.notification.domain.Subscription;
import org.msp.notification.domain.TimelineEntry;
import org.msp.platform.tracing.Traces;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Owes a new timeline entry to every active subscription it matches: one delivery row per
 * (subscription, event), never two, even if the same event is scheduled again. A subscription still
 * waiting for its e-mail confirmation is not active, so it is owed nothing but its confirmation mail.
 */
@ApplicationScoped
public class DeliveryScheduler {
    private final EntityManager entityManager;
    private final Event<DeliveriesDue> due;

    public DeliveryScheduler(EntityManager entityManager, Event<DeliveriesDue> due) {
        this.entityManager = entityManager;
        this.due = due;
    }

    /** Fired in the scheduling transaction; wakes the dispatcher after commit. */
    public record DeliveriesDue(int count) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int schedule(TimelineEntry entry) {
        // every active subscription is matched in memory: fine for thousands; an index per filter field
        // would be the next step
        List<Subscription> subscriptions = Subscription.list("status", Subscription.Status.ACTIVE);
        int scheduled = 0;
        for (Subscription subscription : subscriptions) {
            if (subscription.filter().matches(entry)) {
                scheduled += entityManager.createNativeQuery("""
                                INSERT INTO delivery (id, subscription_id, kind, event_id, event_type, status,
                                                      attempts, next_attempt_at, created_at, trace_parent)
                                VALUES (?1, ?2, 'EVENT', ?3, ?4, 'PENDING', 0, now(), now(), NULLIF(?5, ''))
                                ON CONFLICT ON CONSTRAINT delivery_once_per_subscription_and_event DO NOTHING""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, subscription.id)
                        .setParameter(3, entry.eventId)
                        .setParameter(4, entry.eventType)
                        // the consumer's span is current here: the attempts are spans of the event's trace
                        .setParameter(5, Objects.requireNonNullElse(Traces.currentParent(), ""))
                        .executeUpdate();
            }
        }
        if (scheduled > 0) {
            due.fire(new DeliveriesDue(scheduled));
        }
        return scheduled;
    }

    /** Owes a new e-mail subscription its one confirmation mail, through the same queue and log. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleConfirmation(Subscription subscription) {
        int scheduled = entityManager.createNativeQuery("""
                        INSERT INTO delivery (id, subscription_id, kind, status, attempts, next_attempt_at, created_at)
                        VALUES (?1, ?2, 'CONFIRMATION', 'PENDING', 0, now(), now())
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, subscription.id)
                .executeUpdate();
        if (scheduled > 0) {
            due.fire(new DeliveriesDue(scheduled));
        }
    }
}
