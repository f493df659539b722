package org.msp.infra.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Invalid variants of a valid event, as every consumer must refuse them at the edge (the event
 * contract): each goes to the service's dead-letter topic at once, with a reason naming the field.
 */
public final class PoisonEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SmallRye's dead-letter strategy puts the failure's message in this header. */
    public static final String REASON_HEADER = "dead-letter-reason";

    private PoisonEvents() {
    }

    /** One invalid event: what is wrong with it, the field its reason must name, and the record. */
    public record Poison(String what, String field, String eventId, String key, String json) {
    }

    /** The five variants of {@code validEvent} (a structured CloudEvent) the contract refuses, each with a fresh id. */
    public static List<Poison> of(String validEvent) {
        return List.of(
                variant(validEvent, "an event from a source that does not own the topic", "source",
                        event -> event.put("source", "/msp/forged-service")),
                variant(validEvent, "a subject that is not the payload's project id", "subject",
                        event -> event.put("subject", UUID.randomUUID().toString())),
                variant(validEvent, "a NUL character in a text field", "data.title",
                        event -> data(event).put("title", "Cobalt\u0000recovery")),
                variant(validEvent, "a 10,000-character title", "data.title",
                        event -> data(event).put("title", "t".repeat(10_000))),
                variant(validEvent, "an unknown enum value", "data.minerals[0]",
                        event -> data(event).putArray("minerals").add("UNOBTAINIUM")));
    }

    /**
     * Sends every variant of {@code validEvent} to {@code topic} and checks what the contract promises:
     * each lands on {@code deadLetterTopic} with a reason naming the field, and {@code state} (a digest of
     * the service's tables) is the same afterwards. The window is short against retries: an event that
     * was retried instead (msp.consumer.max-attempts with back-off) would take over 30 s to get there.
     */
    public static void assertRefusedAtTheEdge(String topic, String deadLetterTopic, String validEvent,
            java.util.function.Supplier<String> state) {
        String before = state.get();
        for (Poison poison : of(validEvent)) {
            KafkaTestClient.send(topic, poison.key(), poison.json());
            ConsumerRecord<String, String> dead = deadLettered(deadLetterTopic, poison, Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError(poison.what() + " did not reach " + deadLetterTopic
                            + " within 15 s"));
            String reason = reason(dead);
            if (reason == null || !reason.contains(poison.field())) {
                throw new AssertionError(poison.what() + ": the reason header should name " + poison.field()
                        + ", was: " + reason);
            }
        }
        String after = state.get();
        if (!before.equals(after)) {
            throw new AssertionError("refused events changed the database: " + before + " -> " + after);
        }
    }

    /** The dead-letter record of {@code poison}, read from {@code topic} within {@code timeout}, if it came. */
    public static Optional<ConsumerRecord<String, String>> deadLettered(String topic, Poison poison, Duration timeout) {
        return KafkaTestClient.readUntil(topic, read -> read.stream().anyMatch(r -> isOf(r, poison)), timeout)
                .stream().filter(r -> isOf(r, poison)).findFirst();
    }

    public static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(REASON_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean isOf(ConsumerRecord<String, String> record, Poison poison) {
        return record.value() != null && record.value().contains(poison.eventId());
    }

    private static Poison variant(String validEvent, String what, String field, Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(validEvent);
            String id = UUID.randomUUID().toString();
            event.put("id", id);
            String key = event.get("subject").asText();
            change.accept(event);
            return new Poison(what, field, id, key, JSON.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a structured CloudEvent: " + validEvent, e);
        }
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }
}
