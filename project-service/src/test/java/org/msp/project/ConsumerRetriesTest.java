package org.msp.project;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.events.Mineral;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.platform.inbox.Inbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A good event retried through a database outage is not dead-lettered for it: neither by the first
 * failure of its own after the outage, nor when the consumer is interrupted (shut down) mid-outage.
 * The database's answers are played by a trigger on the inbox that fails chosen events' inserts.
 * Its own Quarkus instance (profile): 3 attempts, short back-off; and the interrupt stops a channel.
 */
@QuarkusTest
@TestProfile(ConsumerRetriesTest.QuickRetries.class)
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsumerRetriesTest {
    static final String DEAD_LETTERS = "msp.dead-letter.project-service";
    static final int MAX_ATTEMPTS = 3;

    public static class QuickRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("msp.consumer.max-attempts", String.valueOf(MAX_ATTEMPTS),
                    "msp.consumer.max-backoff", "PT0.05S");
        }
    }

    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;

    final List<String> sequences = new ArrayList<>();

    @BeforeEach
    void failingInbox() throws SQLException {
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

    @AfterEach
    void inboxAsBefore() throws SQLException {
        // an event left for redelivery is consumed normally by the next instance
        sql("DROP TRIGGER IF EXISTS test_inbox_failure ON inbox_message", "DELETE FROM test_inbox_failure");
        for (String sequence : sequences) {
            sql("DROP SEQUENCE IF EXISTS " + sequence);
        }
    }

    @Test
    void theFirstFailureOfItsOwnAfterALongOutageIsRetriedNotDeadLettered() throws Exception {
        CloudEvent<?> event = CloudEvent.of(EventSamples.reviewOpened(facts(), UUID.randomUUID()));
        // twice as many outage tries as max-attempts, then one failure of its own, then the database takes it
        String tries = plan(event, 2 * MAX_ATTEMPTS, 1);
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.outcomeOf(event.source(), event.id()) != null);
        assertEquals(Inbox.Outcome.SKIPPED, inbox.outcomeOf(event.source(), event.id()), "consumed (unknown project)");
        // (one more if its poll held other records: the batch is tried together first)
        assertTrue(triesSoFar(tries) >= 2 * MAX_ATTEMPTS + 2, "through the outage, the failure, then taken");
        assertFalse(deadLettered(event.subject()), "not dead-lettered");
    }

    @Test
    void anInterruptDuringAnOutageLeavesTheBatchForRedeliveryNotOnTheDeadLetterTopic() throws Exception {
        CloudEvent<?> event = CloudEvent.of(EventSamples.endorsed(facts(), "US"));
        String tries = plan(event, Integer.MAX_VALUE, 0);
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> triesSoFar(tries) > MAX_ATTEMPTS);

        // the shutdown of the worker pool, as far as the consuming thread can tell
        Thread consuming = await().atMost(Duration.ofSeconds(30)).until(ConsumerRetriesTest::consumingThread,
                thread -> thread != null);
        consuming.interrupt();
        await().atMost(Duration.ofSeconds(30)).until(() -> !inConsumer(consuming));

        // a dead-lettered record is on the topic before the consumer returns (it waits for the send)
        assertFalse(deadLettered(event.subject()), "an interrupt does not dead-letter the event");
        assertNull(inbox.outcomeOf(event.source(), event.id()), "nor was it applied");
    }

    static EventSamples.Facts facts() {
        return EventSamples.Facts.of(UUID.randomUUID(), "ZM", "GB", Mineral.COPPER);
    }

    /** Makes the inbox fail {@code event}'s first tries; returns the sequence that counts them. */
    String plan(CloudEvent<?> event, int outageTries, int ownFailures) throws SQLException {
        String sequence = "test_tries_" + event.id().replace('-', '_');
        sequences.add(sequence);
        sql("CREATE SEQUENCE " + sequence, "INSERT INTO test_inbox_failure VALUES ('%s', '%s', %d, %d)"
                .formatted(event.id(), sequence, outageTries, ownFailures));
        return sequence;
    }

    long triesSoFar(String sequence) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + sequence)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void sql(String... statements) throws SQLException {
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
                        .equals("java.lang.Thread") && frame.getMethodName().startsWith("sleep")))
                .map(Map.Entry::getKey).filter(ConsumerRetriesTest::inConsumer).findFirst().orElse(null);
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
