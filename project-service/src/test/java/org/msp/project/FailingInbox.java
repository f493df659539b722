package org.msp.project;

import io.agroal.api.AgroalDataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.msp.events.CloudEvent;
import org.msp.infra.testing.PlatformTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The database's answers to chosen events, played by a trigger on the inbox: each planned event's
 * first tries fail as if the database were restarting (SQLSTATE 57P01), the next ones with a failure
 * of the event's own, then its insert goes through. A sequence per event counts its tries (it is not
 * rolled back with them). Also what the consumer tests look at: its dead-letter topic and the thread
 * that is trying an event.
 */
final class FailingInbox {
    static final String DEAD_LETTERS = "msp.dead-letter.project-service";

    private final AgroalDataSource dataSource;
    private final List<String> sequences = new ArrayList<>();

    FailingInbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void install() throws SQLException {
        sql("""
                CREATE TABLE IF NOT EXISTS test_inbox_failure (
                    event_id VARCHAR(100) PRIMARY KEY, tries VARCHAR(100) NOT NULL,
                    outage_tries INT NOT NULL, own_failures INT NOT NULL)""",
                """
                CREATE OR REPLACE FUNCTION test_inbox_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    plan test_inbox_failure%ROWTYPE;
                    try BIGINT;
                BEGIN
                    SELECT * INTO plan FROM test_inbox_failure WHERE event_id = NEW.event_id;
                    IF NOT FOUND THEN
                        RETURN NEW;
                    END IF;
                    -- a sequence counts the tries: it is not rolled back with them
                    try := nextval(plan.tries::regclass);
                    IF try <= plan.outage_tries THEN
                        RAISE EXCEPTION 'test: the database is restarting' USING ERRCODE = '57P01';
                    ELSIF try <= plan.outage_tries + plan.own_failures THEN
                        RAISE EXCEPTION 'test: a failure of the event''s own';
                    END IF;
                    RETURN NEW;
                END $$""",
                "DROP TRIGGER IF EXISTS test_inbox_failure ON inbox_message",
                """
                CREATE TRIGGER test_inbox_failure BEFORE INSERT ON inbox_message
                FOR EACH ROW EXECUTE FUNCTION test_inbox_failure()""");
    }

    /** Lets every event through again (one left for redelivery is consumed normally by the next instance). */
    void remove() throws SQLException {
        sql("DROP TRIGGER IF EXISTS test_inbox_failure ON inbox_message", "DELETE FROM test_inbox_failure");
        for (String sequence : sequences) {
            sql("DROP SEQUENCE IF EXISTS " + sequence);
        }
    }

    /** Makes the inbox fail {@code event}'s first tries; returns the sequence that counts them. */
    String plan(CloudEvent<?> event, int outageTries, int ownFailures) throws SQLException {
        String sequence = "test_tries_" + event.id().replace('-', '_');
        sequences.add(sequence);
        sql("CREATE SEQUENCE " + sequence, "INSERT INTO test_inbox_failure VALUES ('%s', '%s', %d, %d)"
                .formatted(event.id(), sequence, outageTries, ownFailures));
        return sequence;
    }

    /** From the next try on, {@code event} fails for reasons of its own, for ever. */
    void failOnItsOwnFromNowOn(CloudEvent<?> event, String sequence) throws SQLException {
        sql("UPDATE test_inbox_failure SET outage_tries = %d, own_failures = %d WHERE event_id = '%s'"
                .formatted(triesSoFar(sequence), Integer.MAX_VALUE / 2, event.id()));
    }

    long triesSoFar(String sequence) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + sequence)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The thread backing off between two tries of an event in the consumer, if one is. */
    static Thread consumingThread() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName()
                        .equals("org.msp.platform.inbox.IdempotentConsumer") && frame.getMethodName().equals("sleep")))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    static boolean inConsumer(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals("org.msp.platform.inbox.IdempotentConsumer"));
    }

    /** Whether a record keyed {@code key} is on the dead-letter topic, reading it to its current end. */
    static boolean deadLettered(String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (key.equals(record.key())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
