package org.msp.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-publishes records a service parked on its dead-letter topic to the topic they came from, so an
 * operator can replay them once the cause is fixed (deploy/ops/replay-dlq.sh). Every consumer keeps an
 * inbox by event id, so a replayed event that was applied before changes nothing, and replaying twice
 * is harmless; a record that is still not an event of the contract goes back to the dead-letter topic.
 * A plain Kafka client: SmallRye's dead-letter strategy records the origin in the {@code dead-letter-topic}
 * header, and nothing in Kafka itself moves records between topics.
 */
public final class DeadLetterReplay {
    static final String ORIGIN_HEADER = "dead-letter-topic";
    static final String REPLAYED_HEADER = "msp-replayed-from";
    private static final Pattern EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]{1,200})\"");

    /** Which parked records to replay: all, those parked at or after {@code since}, or those with these event ids. */
    public record Selection(Instant since, Set<String> eventIds) {
        public static final Selection ALL = new Selection(null, Set.of());

        boolean includes(ConsumerRecord<String, String> record) {
            if (since != null && record.timestamp() < since.toEpochMilli()) {
                return false;
            }
            return eventIds.isEmpty() || eventIds.contains(eventIdOf(record.value()));
        }
    }

    /** What a replay did: records replayed per origin topic, and those left alone (with why). */
    public record Outcome(Map<String, Integer> replayed, int notSelected, List<String> skipped) {
        public int total() {
            return replayed.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private DeadLetterReplay() {
    }

    /** Replays what {@code selection} picks from {@code msp.dead-letter.<service>}, on a broker without logins. */
    public static Outcome replay(String bootstrapServers, String service, Selection selection, boolean dryRun) {
        return replay(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), service, selection, dryRun);
    }

    /**
     * As above, with {@code client}'s settings (bootstrap servers and, on a secured broker, the operator's
     * login: replaying writes to other services' topics, which only the operator may do).
     */
    public static Outcome replay(Map<String, Object> client, String service, Selection selection, boolean dryRun) {
        String deadLetters = "msp.dead-letter." + service;
        Map<String, Integer> replayed = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        int notSelected = 0;
        Map<String, Object> consumerConfig = new HashMap<>(client);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "msp-dead-letter-replay-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Object> producerConfig = new HashMap<>(client);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                     new StringSerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // parked while replaying (e.g. a replayed poison): next time
                    }
                    if (!selection.includes(record)) {
                        notSelected++;
                        continue;
                    }
                    String origin = header(record, ORIGIN_HEADER);
                    if (origin == null || origin.startsWith("msp.dead-letter.")) {
                        skipped.add(record.partition() + "@" + record.offset() + ": no origin topic recorded");
                        continue;
                    }
                    if (!dryRun) {
                        ProducerRecord<String, String> again = new ProducerRecord<>(origin, record.key(), record.value());
                        again.headers().add(REPLAYED_HEADER, (deadLetters + "/" + record.partition() + "@"
                                + record.offset()).getBytes(StandardCharsets.UTF_8));
                        producer.send(again).get();
                    }
                    replayed.merge(origin, 1, Integer::sum);
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a replayed record", e.getCause());
        }
        return new Outcome(replayed, notSelected, skipped);
    }

    /**
     * The broker and login from the same variables the services read: KAFKA_BOOTSTRAP_SERVERS (default
     * 127.0.0.1:9092), KAFKA_SECURITY_PROTOCOL (default PLAINTEXT), KAFKA_SASL_MECHANISM (default
     * SCRAM-SHA-512) and KAFKA_SASL_JAAS_CONFIG (replay-dlq.sh fills these in from the local run's operator).
     */
    static Map<String, Object> clientFromEnvironment(Map<String, String> env) {
        Map<String, Object> client = new HashMap<>();
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        String protocol = env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        client.put("security.protocol", protocol);
        if (!protocol.equals("PLAINTEXT")) {
            client.put("sasl.mechanism", env.getOrDefault("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"));
            String jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
            if (jaas == null || jaas.isBlank()) {
                throw new IllegalArgumentException("KAFKA_SECURITY_PROTOCOL=" + protocol
                        + " needs the operator's login in KAFKA_SASL_JAAS_CONFIG");
            }
            client.put("sasl.jaas.config", jaas);
        }
        return client;
    }

    /** The CloudEvents id of a parked record, or null when it is not one. */
    static String eventIdOf(String value) {
        if (value == null) {
            return null;
        }
        Matcher id = EVENT_ID.matcher(value);
        return id.find() ? id.group(1) : null;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** {@code <service> [--since <ISO instant>|<duration like PT1H>] [--id <event id>]... [--dry-run]}. */
    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: replay-dlq.sh <service> [--since 2026-12-01T10:00:00Z|PT1H] [--id <event id>]... [--dry-run]");
            System.exit(2);
        }
        String service = args[0];
        Instant since = null;
        Set<String> ids = new java.util.LinkedHashSet<>();
        boolean dryRun = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--since" -> {
                    String value = args[++i];
                    since = value.startsWith("P") ? Instant.now().minus(Duration.parse(value)) : Instant.parse(value);
                }
                case "--id" -> ids.add(args[++i]);
                case "--dry-run" -> dryRun = true;
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Outcome outcome = replay(clientFromEnvironment(System.getenv()), service, new Selection(since, Set.copyOf(ids)),
                dryRun);
        System.out.println((dryRun ? "would replay " : "replayed ") + outcome.total() + " record(s) from msp.dead-letter."
                + service + " " + outcome.replayed() + "; not selected: " + outcome.notSelected());
        outcome.skipped().forEach(s -> System.out.println("left alone: " + s));
    }
}
