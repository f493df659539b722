package org.msp.faults;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.msp.infra.ProcessPlatform;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;

/**
 * Records no consumer can use, sent onto the platform's topics (with the operator's login: the broker refuses
 * anyone else who is not a topic's owner): not JSON, JSON that is
 * not a CloudEvent, and a well-formed CloudEvent of a type outside the catalogue. Each carries a
 * marker so it can be found again on the dead-letter topic of every service that consumes the topic.
 */
final class PoisonMessages {
    /** Which services consume each topic, and so must each dead-letter its poison. */
    static final Map<String, List<String>> CONSUMERS = Map.of(
            "msp.projects", List.of(ProcessPlatform.REVIEWS, ProcessPlatform.PARTNERS, ProcessPlatform.NOTIFICATIONS),
            "msp.partner-support", List.of(ProcessPlatform.PROJECTS, ProcessPlatform.NOTIFICATIONS),
            "msp.esg-reviews", List.of(ProcessPlatform.PROJECTS, ProcessPlatform.NOTIFICATIONS));

    /** The operator's client settings: the broker takes only logged-in clients, and an outsider's would be refused. */
    private final Map<String, Object> clientConfig;
    /** marker -> topic it was sent to */
    private final Map<String, String> sent = new ConcurrentHashMap<>();

    PoisonMessages(Map<String, Object> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /** Sends {@code perTopic} poison records to each platform topic, the three kinds in turn. */
    void inject(int perTopic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000)), new StringSerializer(), new StringSerializer())) {
            for (String topic : CONSUMERS.keySet()) {
                for (int i = 0; i < perTopic; i++) {
                    String marker = "poison-" + UUID.randomUUID();
                    producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), poison(i % 3, marker))).get();
                    sent.put(marker, topic);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send poison", e.getCause());
        }
    }

    int sent() {
        return sent.size();
    }

    /** Dead-letter copies expected: one per poison record and service consuming its topic. */
    int expectedDeadLetters() {
        return sent.values().stream().mapToInt(topic -> CONSUMERS.get(topic).size()).sum();
    }

    /**
     * Waits until every poison record is on the dead-letter topic of every service consuming its
     * topic; returns how many (marker, service) pairs were found, or fails naming what is missing.
     */
    int awaitDeadLettered(Duration timeout) {
        Set<String> found = ConcurrentHashMap.newKeySet();
        Set<String> expected = new HashSet<>();
        sent.forEach((marker, topic) -> CONSUMERS.get(topic).forEach(service -> expected.add(service + "/" + marker)));
        List<String> deadLetterTopics = ProcessPlatform.SERVICES.stream().map(s -> "msp.dead-letter." + s).toList();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1_000)), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(deadLetterTopics);
            await("every poison record on the dead-letter topic of each consumer").atMost(timeout)
                    .pollInterval(Duration.ofMillis(100)).pollInSameThread().until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                            String service = record.topic().substring("msp.dead-letter.".length());
                            sent.keySet().stream().filter(m -> record.value() != null && record.value().contains(m))
                                    .forEach(m -> found.add(service + "/" + m));
                        });
                        return found.containsAll(expected);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(found);
            throw new AssertionError(missing.size() + " poison records not dead-lettered, e.g. "
                    + missing.subList(0, Math.min(5, missing.size())), e);
        }
        return found.size();
    }

    /** {@code settings} on top of the operator's connection and login. */
    private Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.putAll(settings);
        return config;
    }

    private static String poison(int kind, String marker) {
        return switch (kind) {
            case 0 -> marker + " <- not JSON at all {\"";
            case 1 -> "{\"poison\":\"" + marker + "\",\"projectId\":42,\"status\":[\"ENDORSED\"]}";
            default -> "{\"specversion\":\"1.0\",\"id\":\"" + marker + "\",\"source\":\"/msp/fault-suite\","
                    + "\"type\":\"org.msp.fault.unknown.v1\",\"subject\":\"" + UUID.randomUUID() + "\","
                    + "\"time\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"data\":{\"poison\":\"" + marker + "\"}}";
        };
    }
}
