package org.msp.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.msp.infra.testing.KafkaTestClient;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reads what partner-service published on {@code msp.partner-support}, as another service would. */
final class SupportEventsOnTopic {
    static final String TOPIC = "msp.partner-support";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SupportEventsOnTopic() {
    }

    /** The project's events, read until one of {@code type} is there (or 60 s pass). */
    static List<JsonNode> until(UUID project, String type) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(TOPIC,
                read -> read.stream().anyMatch(r -> project.toString().equals(r.key()) && type.equals(parse(r.value()).path("type").asText())),
                Duration.ofSeconds(60));
        return records.stream().filter(r -> project.toString().equals(r.key())).map(r -> parse(r.value())).toList();
    }

    static long count(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).count();
    }

    static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
