package org.msp.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.msp.platform.events.CloudEvent;
import org.msp.platform.events.CloudEventCodec;

/**
 * The only way an event leaves a service: written to the outbox table in the caller's transaction,
 * so it exists if and only if the state change it describes was committed.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager entityManager;
    private final CloudEventCodec codec;
    private final Event<OutboxWritten> written;

    public Outbox(EntityManager entityManager, CloudEventCodec codec, Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.written = written;
    }

    /** Records {@code event} for {@code topic}, keyed by the event's subject (the project id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, CloudEvent event) {
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, event.subject())
                .setParameter(4, event.type())
                .setParameter(5, codec.write(event))
                .executeUpdate();
        // the relay is woken after commit (see OutboxRelay#afterCommit), not before
        written.fire(new OutboxWritten(event.id()));
    }

    /** Fired inside the writing transaction; observed after a successful commit. */
    public record OutboxWritten(String eventId) {
    }
}
