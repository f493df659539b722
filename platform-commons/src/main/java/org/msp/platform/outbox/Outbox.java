package org.msp.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.msp.events.CloudEvent;
import org.msp.events.EventCodec;
import org.msp.events.EventData;
import org.msp.platform.tracing.Traces;

import java.util.Objects;

/**
 * The only way an event leaves a service: written to the outbox table in the caller's transaction,
 * so it exists if and only if the state change it describes was committed. The record's type gives
 * the event's type, topic and source (the contract, platform-events); its project id the key.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager entityManager;
    private final EventCodec codec;
    private final Event<OutboxWritten> written;

    public Outbox(EntityManager entityManager, EventCodec codec, Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.written = written;
    }

    /** Records a new event about {@code data}; returns its id (e.g. for a history that cites it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(EventData data) {
        CloudEvent<EventData> event = CloudEvent.of(data);
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, trace_parent)
                        VALUES (?1, ?2, ?3, ?4, ?5, NULLIF(?6, ''))""")
                .setParameter(1, event.id())
                .setParameter(2, event.topic().address())
                .setParameter(3, event.subject())
                .setParameter(4, event.type().type())
                .setParameter(5, codec.write(event))
                // the relay publishes it in this trace (e.g. the HTTP request's), whichever instance relays it
                .setParameter(6, Objects.requireNonNullElse(Traces.currentParent(), ""))
                .executeUpdate();
        // the relay is woken after commit (see OutboxRelay#afterCommit), not before
        written.fire(new OutboxWritten(event.id()));
        return event.id();
    }

    /** Fired inside the writing transaction; observed after a successful commit. */
    public record OutboxWritten(String eventId) {
    }
}
