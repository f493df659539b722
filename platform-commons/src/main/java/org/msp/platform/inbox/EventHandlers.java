package org.msp.platform.inbox;

import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.EventType;
import org.msp.platform.inbox.IdempotentConsumer.Result;

import java.util.EnumMap;
import java.util.Map;

/**
 * A consumer's handlers, one per event type it uses, each receiving its record typed:
 * {@code EventHandlers.builder().on(ReviewCompleted.class, this::completed).build()}. Any other type
 * of the contract is recorded as skipped (it is valid, just not this service's business).
 */
public final class EventHandlers {
    /** Applies one event inside the inbox transaction. */
    @FunctionalInterface
    public interface Handler<T extends EventData> {
        Result handle(CloudEvent<T> event);
    }

    /** Applies any event, given also the record's value exactly as consumed (to keep or pass on verbatim). */
    @FunctionalInterface
    public interface RecordHandler {
        Result handle(CloudEvent<EventData> event, String json);
    }

    private final Map<EventType, Handler<?>> handlers;
    private final RecordHandler otherwise;

    private EventHandlers(Map<EventType, Handler<?>> handlers, RecordHandler otherwise) {
        this.handlers = handlers;
        this.otherwise = otherwise;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every event to the one handler (a service that records all of them alike). */
    public static EventHandlers forAll(RecordHandler handler) {
        return new EventHandlers(Map.of(), handler);
    }

    @SuppressWarnings("unchecked")
    Result handle(CloudEvent<?> event, String json) {
        Handler<EventData> handler = (Handler<EventData>) handlers.get(event.type());
        if (handler != null) {
            return handler.handle((CloudEvent<EventData>) event);
        }
        return otherwise == null
                ? Result.skipped("event type not used here: " + event.type().type())
                : otherwise.handle((CloudEvent<EventData>) event, json);
    }

    public static final class Builder {
        private final Map<EventType, Handler<?>> handlers = new EnumMap<>(EventType.class);

        public <T extends EventData> Builder on(Class<T> dataClass, Handler<T> handler) {
            handlers.put(EventType.of(dataClass), handler);
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(Map.copyOf(handlers), null);
        }
    }
}
