package org.msp.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event of the contract, as published (structured JSON mode, see {@link EventCodec})
 * and as a consumer receives it once validated. {@code subject} is the project id, also the Kafka key.
 */
public record CloudEvent<T extends EventData>(String id, String source, EventType type, String subject,
        OffsetDateTime time, T data) {

    public static final String SPEC_VERSION = "1.0";

    public CloudEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /**
     * A new event about {@code data}: a fresh id, the current time (UTC, milliseconds), and the type,
     * source and subject the contract gives that record.
     */
    public static <T extends EventData> CloudEvent<T> of(T data) {
        EventType type = EventType.of(data.getClass());
        return new CloudEvent<>(UUID.randomUUID().toString(), type.source(), type, data.projectId().toString(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), data);
    }

    public Topic topic() {
        return type.topic();
    }
}
