package org.msp.partner;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.events.EventType;
import org.msp.events.Topic;
import org.msp.infra.testing.KafkaTestClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Reads what partner-service published on {@code msp.partner-support} as another service would: with
 * the contract's codec, so an event that breaks the contract fails the test.
 */
final class SupportEventsOnTopic {
    static final String TOPIC = Topic.PARTNER_SUPPORT.address();

    private SupportEventsOnTopic() {
    }

    /** The project's events, read until one of {@code type} is there (or 60 s pass). */
    static List<CloudEvent<?>> until(UUID project, EventType type) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(TOPIC,
                read -> read.stream().anyMatch(r -> project.toString().equals(r.key())
                        && EventSamples.read(r.value()).type() == type),
                Duration.ofSeconds(60));
        return records.stream().filter(r -> project.toString().equals(r.key()))
                .<CloudEvent<?>>map(r -> EventSamples.read(r.value())).toList();
    }

    /** The project's events, read until {@code count} of {@code type} are there (or 60 s pass). */
    static List<CloudEvent<?>> untilCount(UUID project, EventType type, int count) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(TOPIC,
                read -> read.stream().filter(r -> project.toString().equals(r.key())
                        && EventSamples.read(r.value()).type() == type).count() >= count,
                Duration.ofSeconds(60));
        return records.stream().filter(r -> project.toString().equals(r.key()))
                .<CloudEvent<?>>map(r -> EventSamples.read(r.value())).toList();
    }

    /** The data of the project's first event of {@code type} (read until it is there). */
    static <T> T first(UUID project, Class<T> type) {
        EventType eventType = EventType.of(type.asSubclass(org.msp.events.EventData.class));
        return type.cast(until(project, eventType).stream().filter(e -> e.type() == eventType).findFirst()
                .orElseThrow().data());
    }

    static long count(List<CloudEvent<?>> events, EventType type) {
        return events.stream().filter(e -> e.type() == type).count();
    }
}
