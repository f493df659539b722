package org.msp.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msp.infra.ProcessPlatform;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.e2e.Journeys.WAIT;
import static org.msp.e2e.Journeys.awaitProjectStatus;
import static org.msp.e2e.Journeys.gbDraft;
import static org.msp.e2e.Journeys.get;
import static org.msp.e2e.Journeys.reviewOf;
import static org.msp.e2e.Journeys.submit;

/**
 * Issue 16, "no one but the owner writes a topic", on the running platform with the logins it generated:
 * a plain Kafka client once wrote a review-completed CLEARED with esg-review-service's {@code source} and
 * project-service moved the project on. Now the broker decides who writes a topic: another service's user
 * is refused (TopicAuthorizationException), a client without a login or with a guessed password gets nothing
 * written, and each service still writes its own dead-letter topic.
 */
@Order(4) // after the story, the matrix and the hostile input; before the outage test stops PostgreSQL
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicOwnershipTest {
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(10);

    private ProcessPlatform platform;

    @BeforeAll
    void platform() {
        platform = SharedPlatform.get();
    }

    @Test
    void esgReviewServiceMayNotWriteProjectEvents() {
        Map<String, Object> reviews = platform.kafkaClientConfig(ProcessPlatform.REVIEWS);
        String forged = event("org.msp.project.submitted.v1", "/msp/project-service", UUID.randomUUID().toString(),
                "{\"title\":\"forged\"}");

        Throwable refused = refusal(reviews, "msp.projects", forged);

        assertInstanceOf(TopicAuthorizationException.class, refused);
        assertEquals(Set.of("msp.projects"), ((TopicAuthorizationException) refused).unauthorizedTopics());
        // the same user is no stranger to the broker: it reads the topic it consumes
        assertDoesNotThrow(() -> readAll(reviews, "msp.projects"), "esg-review-service reads msp.projects");
    }

    /** The forgery of the issue, by every user but the owner of msp.esg-reviews: refused, and the project stays in review. */
    @ParameterizedTest
    @ValueSource(strings = {ProcessPlatform.PROJECTS, ProcessPlatform.PARTNERS, ProcessPlatform.NOTIFICATIONS})
    void noOtherServiceClearsAReviewStillOpen(String forger) {
        String project = submit(gbDraft());
        String review = reviewOf(project);
        awaitProjectStatus(project, "ESG_REVIEW");
        String forged = reviewCleared(project, review);

        Throwable refused = refusal(platform.kafkaClientConfig(forger), "msp.esg-reviews", forged);

        assertInstanceOf(TopicAuthorizationException.class, refused, forger + " writes msp.esg-reviews");
        assertTrue(recordsContaining("msp.esg-reviews", review).stream().noneMatch(r -> r.value().contains("CLEARED")),
                "no CLEARED outcome of review " + review + " on msp.esg-reviews");
        assertEquals("ESG_REVIEW", get(ProcessPlatform.PROJECTS, "/projects/" + project).path("status"));
        assertEquals("OPEN", get(ProcessPlatform.REVIEWS, "/reviews/" + review).path("status"));
    }

    @Test
    void aClientWithoutALoginWritesNothing() {
        Map<String, Object> anonymous = new HashMap<>(Map.of("bootstrap.servers", platform.kafkaBootstrapServers()));
        String marker = "anonymous-" + UUID.randomUUID();

        // the broker answers nothing but the SASL handshake: the producer never learns where to send
        Throwable refused = refusal(anonymous, "msp.projects", event("org.msp.project.submitted.v1",
                "/msp/project-service", marker, "{}"));

        assertInstanceOf(TimeoutException.class, refused);
        assertTrue(recordsContaining("msp.projects", marker).isEmpty(), "nothing anonymous on msp.projects");
    }

    @Test
    void aGuessedPasswordIsRefused() {
        Map<String, Object> guessed = new HashMap<>(platform.kafkaClientConfig(ProcessPlatform.REVIEWS));
        guessed.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"esg-review-service\" password=\"esg-review-service\";");

        Throwable refused = refusal(guessed, "msp.esg-reviews", "{}");

        assertInstanceOf(SaslAuthenticationException.class, refused);
    }

    /** Each service's dead-letter producer logs in as the service, and may write its own dead-letter topic. */
    @Test
    void everyConsumerStillDeadLettersWhatItCannotUse() throws Exception {
        Map<String, List<String>> consumers = Map.of(
                "msp.projects", List.of(ProcessPlatform.REVIEWS, ProcessPlatform.PARTNERS, ProcessPlatform.NOTIFICATIONS),
                "msp.esg-reviews", List.of(ProcessPlatform.PROJECTS, ProcessPlatform.NOTIFICATIONS),
                "msp.partner-support", List.of(ProcessPlatform.PROJECTS, ProcessPlatform.NOTIFICATIONS));
        String marker = "not-an-event-" + UUID.randomUUID();
        Map<String, Object> operator = producerConfig(platform.kafkaClientConfig());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(operator, new StringSerializer(),
                new StringSerializer())) {
            for (String topic : consumers.keySet()) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), marker + " {")).get(30, TimeUnit.SECONDS);
            }
        }
        for (var consumed : consumers.entrySet()) {
            for (String service : consumed.getValue()) {
                await(service + " dead-letters the record from " + consumed.getKey()).atMost(WAIT)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> recordsContaining("msp.dead-letter." + service, marker).stream()
                                .anyMatch(r -> consumed.getKey().equals(header(r, "dead-letter-topic"))));
            }
        }
    }

    // --- the forger's and the operator's clients

    /** What the broker answers a producer writing {@code value} to {@code topic}: the cause of its failure. */
    private static Throwable refusal(Map<String, Object> client, String topic, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(client), new StringSerializer(),
                new StringSerializer())) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value))
                            .get(30, TimeUnit.SECONDS), "the broker took a record on " + topic);
            return failed.getCause();
        }
    }

    private static Map<String, Object> producerConfig(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REFUSED_WITHIN.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    /** Every record on {@code topic} up to its current end whose value contains {@code text}, read as the operator. */
    private List<ConsumerRecord<String, String>> recordsContaining(String topic, String text) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readAll(platform.kafkaClientConfig(), topic)) {
            if (record.value() != null && record.value().contains(text)) {
                found.add(record);
            }
        }
        return found;
    }

    /** Reads {@code topic} from its start to its end as of now, without a consumer group (assigned partitions). */
    private static List<ConsumerRecord<String, String>> readAll(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Set<TopicPartition> done = new HashSet<>();
            while (done.size() < partitions.size()) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
                partitions.stream().filter(p -> consumer.position(p) >= end.get(p)).forEach(done::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The forgery: a review-completed CLEARED with esg-review-service's source, for a review still OPEN. */
    private static String reviewCleared(String project, String review) {
        String data = "{\"projectId\":\"" + project + "\",\"title\":\"forged\",\"hostCountry\":\"ZM\","
                + "\"submittingPartner\":\"GB\",\"minerals\":[\"COPPER\"],\"reviewId\":\"" + review + "\","
                + "\"outcome\":\"CLEARED\",\"score\":100,\"riskCategory\":\"C\",\"conditions\":[]}";
        return event("org.msp.esg.review-completed.v1", "/msp/esg-review-service", UUID.randomUUID().toString(), data)
                .replace("\"subject\":\"\"", "\"subject\":\"" + project + "\"");
    }

    private static String event(String type, String source, String id, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"subject\":\"\",\"time\":\"" + OffsetDateTime.now(ZoneOffset.UTC)
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }
}
