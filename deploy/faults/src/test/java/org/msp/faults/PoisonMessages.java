package org.msp.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.msp.events.CloudEvent;
import org.msp.events.EventCodec;
import org.msp.events.EventData;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.events.Topic;
import org.msp.events.esg.ReviewOutcome;
import org.msp.events.project.ProjectStatus;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.PoisonEvents;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Records no consumer can use, sent onto the platform's topics with the operator's login (the broker
 * refuses anyone else who is not a topic's owner). Each carries a marker, so it can be found again on
 * the dead-letter topic of every service that must refuse it, and nothing else may be found there.
 * <ul>
 * <li>Refused at the edge, by every consumer of the topic at once, the reason naming the field: not
 * JSON, JSON that is not a CloudEvent, a type outside the catalogue, the contract's refusals of a valid
 * event ({@link PoisonEvents}: a forged source, a subject that is not the payload's project, a NUL
 * character, an over-long title, an unknown enum value), and three that passed the edge until this
 * suite met them in the databases: an id longer than the inbox column, a year past what PostgreSQL's
 * timestamptz holds, a review score with more decimals than any column keeps.</li>
 * <li>Refused by a database: a valid event of the contract, made with its producer's records, about a
 * project that one consumer's database will not take (a trigger on its inbox: the project is
 * quarantined there, a rule the contract cannot know). That consumer tries it
 * {@code msp.consumer.max-attempts} times and dead-letters it alone; the others apply it.</li>
 * </ul>
 */
final class PoisonMessages {
    /** Which services consume each topic, and so must each dead-letter its poison. */
    static final Map<Topic, List<String>> CONSUMERS = Map.of(
            Topic.PROJECTS, List.of(ProcessPlatform.REVIEWS, ProcessPlatform.PARTNERS, ProcessPlatform.NOTIFICATIONS),
            Topic.PARTNER_SUPPORT, List.of(ProcessPlatform.PROJECTS, ProcessPlatform.NOTIFICATIONS),
            Topic.ESG_REVIEWS, List.of(ProcessPlatform.PROJECTS, ProcessPlatform.NOTIFICATIONS));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUARANTINED = "is quarantined in this database";

    /**
     * One poison record: the text that finds it wherever it is copied, the topic it was sent to, what is
     * wrong with it, what its dead-letter reason must say, whether the event contract refuses it (or a
     * database does), and the services that must dead-letter it.
     */
    record Poison(String marker, Topic topic, String what, String reason, boolean atTheEdge, Set<String> refusedBy) {
    }

    /** One way to spoil a record: what it is, the field its reason names, and the record made from a marker. */
    private record Spoiler(String what, String field, Function<String, String> record) {
    }

    /** The operator's client settings: the broker takes only logged-in clients. */
    private final Map<String, Object> clientConfig;
    private final Map<String, Poison> sent = new ConcurrentHashMap<>();
    /** How many edge poisons each topic got so far: the spoilers are taken in turn across injections. */
    private final Map<Topic, Integer> spoiledPerTopic = new ConcurrentHashMap<>();

    PoisonMessages(Map<String, Object> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /**
     * Makes {@code database} (a service's own) refuse, with a failure of the event's own, every event about
     * a project listed in its quarantine: the insert into the inbox fails, as any constraint of the
     * service's tables would. Run once per database, before {@link #injectRefusedByDatabase}.
     */
    static void refuseQuarantinedProjects(DataSource database) {
        sql(database, "CREATE TABLE IF NOT EXISTS fault_quarantined_project (project_id VARCHAR(100) PRIMARY KEY)",
                """
                CREATE OR REPLACE FUNCTION fault_refuse_quarantined() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM fault_quarantined_project WHERE project_id = NEW.subject) THEN
                        RAISE EXCEPTION 'project % REASON', NEW.subject USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$""".replace("REASON", QUARANTINED),
                "DROP TRIGGER IF EXISTS fault_refuse_quarantined ON inbox_message",
                "CREATE TRIGGER fault_refuse_quarantined BEFORE INSERT ON inbox_message FOR EACH ROW "
                        + "EXECUTE FUNCTION fault_refuse_quarantined()");
    }

    /** Sends {@code perTopic} records to each platform topic that every consumer refuses at the edge. */
    void injectRefusedAtTheEdge(int perTopic) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (Topic topic : CONSUMERS.keySet()) {
            List<Spoiler> spoilers = spoilers(topic);
            for (int i = 0; i < perTopic; i++) {
                Spoiler spoiler = spoilers.get((spoiledPerTopic.merge(topic, 1, Integer::sum) - 1) % spoilers.size());
                String marker = "poison-" + UUID.randomUUID();
                records.add(new ProducerRecord<>(topic.address(), UUID.randomUUID().toString(),
                        spoiler.record().apply(marker)));
                sent.put(marker, new Poison(marker, topic, spoiler.what(), spoiler.field(), true,
                        Set.copyOf(CONSUMERS.get(topic))));
            }
        }
        send(records);
    }

    /**
     * Sends, for each service consuming each topic, {@code perConsumer} valid events about a project only
     * that service's database refuses ({@code databases}: each service's own).
     */
    void injectRefusedByDatabase(int perConsumer, Map<String, DataSource> databases) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        CONSUMERS.forEach((topic, consumers) -> {
            for (String consumer : consumers) {
                for (int i = 0; i < perConsumer; i++) {
                    UUID project = UUID.randomUUID();
                    sql(databases.get(consumer), "INSERT INTO fault_quarantined_project VALUES ('" + project + "')");
                    CloudEvent<?> event = CloudEvent.of(aboutQuarantined(topic, project));
                    records.add(new ProducerRecord<>(topic.address(), event.subject(), EventSamples.json(event)));
                    sent.put(event.id(), new Poison(event.id(), topic, "a project " + consumer + "'s database refuses",
                            QUARANTINED, false, Set.of(consumer)));
                }
            }
        });
        send(records);
    }

    Collection<Poison> sent() {
        return List.copyOf(sent.values());
    }

    Poison withMarker(String marker) {
        return sent.get(marker);
    }

    long sentRefusedAtTheEdge() {
        return sent.values().stream().filter(Poison::atTheEdge).count();
    }

    /** The poison {@code value} (a record's value, wherever it was copied) carries, if any. */
    Poison in(String value) {
        if (value == null) {
            return null;
        }
        // a marker is "poison-<uuid>" or the id (a UUID) of an event refused by a database
        return sent.values().stream().filter(p -> value.contains(p.marker())).findFirst().orElse(null);
    }

    /** Dead-letter copies expected: one per poison record and service that must refuse it. */
    int expectedDeadLetters() {
        return sent.values().stream().mapToInt(p -> p.refusedBy().size()).sum();
    }

    private void send(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000)), new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sending = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                sending.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> sent : sending) {
                sent.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send poison", e.getCause());
        }
    }

    /** {@code settings} on top of the operator's connection and login. */
    private Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.putAll(settings);
        return config;
    }

    /** Every way to spoil a record of {@code topic}, the event-based ones from a valid event of its producer. */
    private static List<Spoiler> spoilers(Topic topic) {
        List<Spoiler> spoilers = new ArrayList<>(List.of(
                new Spoiler("not JSON", "record", marker -> marker + " <- not JSON at all {\""),
                new Spoiler("JSON that is not a CloudEvent", "specversion",
                        marker -> "{\"poison\":\"" + marker + "\",\"projectId\":42,\"status\":[\"ENDORSED\"]}"),
                new Spoiler("a type outside the contract", "type", marker -> "{\"specversion\":\"1.0\",\"id\":\""
                        + marker + "\",\"source\":\"/msp/fault-suite\",\"type\":\"org.msp.fault.unknown.v1\","
                        + "\"subject\":\"" + UUID.randomUUID() + "\",\"time\":\"" + OffsetDateTime.now(ZoneOffset.UTC)
                        + "\",\"data\":{\"poison\":\"" + marker + "\"}}")));
        List<PoisonEvents.Poison> contractRefusals = PoisonEvents.of(valid(topic));
        for (int i = 0; i < contractRefusals.size(); i++) {
            int variant = i;
            // each record made afresh from a new valid event: another project, the marker as its id
            spoilers.add(new Spoiler(contractRefusals.get(i).what(), contractRefusals.get(i).field(), marker ->
                    changed(PoisonEvents.of(valid(topic)).get(variant).json(), event -> event.put("id", marker))));
        }
        spoilers.add(new Spoiler("an id longer than the inbox column holds", "id", marker -> changed(valid(topic),
                event -> event.put("id", (marker + "-").repeat(4).substring(0, EventCodec.MAX_ID + 1)))));
        spoilers.add(new Spoiler("a year past what PostgreSQL's timestamptz holds", "time", marker -> changed(
                valid(topic), event -> event.put("id", marker).put("time", "+294277-01-01T00:00:00Z"))));
        if (topic == Topic.ESG_REVIEWS) {
            spoilers.add(new Spoiler("a score with more decimals than any column keeps", "data.score", marker ->
                    changed(valid(topic), event -> ((ObjectNode) event.put("id", marker).get("data"))
                            .put("score", new BigDecimal("1E-16384")))));
        }
        return spoilers;
    }

    /** A valid event of {@code topic} as its producer writes it (an ESG review completion for msp.esg-reviews). */
    private static String valid(Topic topic) {
        Facts facts = Facts.of(UUID.randomUUID(), "CD", "GB", Mineral.COBALT);
        return EventSamples.json(switch (topic) {
            case PROJECTS -> EventSamples.statusChanged(facts, ProjectStatus.SUBMITTED, ProjectStatus.ESG_REVIEW, null);
            case PARTNER_SUPPORT -> EventSamples.endorsed(facts, "US");
            case ESG_REVIEWS -> EventSamples.reviewCompleted(facts, UUID.randomUUID(), ReviewOutcome.CLEARED,
                    new BigDecimal("80.00"));
        });
    }

    /** A valid event of {@code topic} about {@code project}, which no subscription of the suite follows. */
    private static EventData aboutQuarantined(Topic topic, UUID project) {
        Facts facts = Facts.of(project, "CD", "GB", Mineral.COBALT).titled("Quarantined project " + project);
        return switch (topic) {
            case PROJECTS -> EventSamples.statusChanged(facts, ProjectStatus.SUBMITTED, ProjectStatus.ESG_REVIEW, null);
            case PARTNER_SUPPORT -> EventSamples.endorsed(facts, "US");
            case ESG_REVIEWS -> EventSamples.reviewAssigned(facts, UUID.randomUUID(), "jp-reviewer", "JP");
        };
    }

    private static String changed(String json, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(json);
            change.accept(event);
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a structured CloudEvent: " + json, e);
        }
    }

    private static void sql(DataSource database, String... statements) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + List.of(statements), e);
        }
    }
}
