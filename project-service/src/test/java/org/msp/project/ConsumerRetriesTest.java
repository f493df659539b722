package org.msp.project;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.events.Mineral;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.platform.inbox.Inbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.project.FailingInbox.deadLettered;
import static org.msp.project.FailingInbox.inConsumer;

/**
 * A good event retried through a database outage is not dead-lettered for it: neither by the first
 * failure of its own after the outage, nor when the consumer is interrupted (shut down) mid-outage.
 * The database's answers are played by a trigger on the inbox that fails chosen events' inserts
 * ({@link FailingInbox}). Its own Quarkus instance (profile): 3 attempts, short back-off; and the
 * interrupt stops a channel.
 */
@QuarkusTest
@TestProfile(ConsumerRetriesTest.QuickRetries.class)
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsumerRetriesTest {
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

    FailingInbox failing;

    @BeforeEach
    void failingInbox() throws SQLException {
        failing = new FailingInbox(dataSource);
        failing.install();
    }

    @AfterEach
    void inboxAsBefore() throws SQLException {
        failing.remove();
    }

    @Test
    void theFirstFailureOfItsOwnAfterALongOutageIsRetriedNotDeadLettered() throws Exception {
        CloudEvent<?> event = CloudEvent.of(EventSamples.reviewOpened(facts(), UUID.randomUUID()));
        // twice as many outage tries as max-attempts, then one failure of its own, then the database takes it
        String tries = failing.plan(event, 2 * MAX_ATTEMPTS, 1);
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.outcomeOf(event.source(), event.id()) != null);
        assertEquals(Inbox.Outcome.SKIPPED, inbox.outcomeOf(event.source(), event.id()), "consumed (unknown project)");
        // (one more if its poll held other records: the batch is tried together first)
        assertTrue(failing.triesSoFar(tries) >= 2 * MAX_ATTEMPTS + 2, "through the outage, the failure, then taken");
        assertFalse(deadLettered(event.subject()), "not dead-lettered");
    }

    @Test
    void anInterruptDuringAnOutageLeavesTheBatchForRedeliveryNotOnTheDeadLetterTopic() throws Exception {
        CloudEvent<?> event = CloudEvent.of(EventSamples.endorsed(facts(), "US"));
        String tries = failing.plan(event, Integer.MAX_VALUE, 0);
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> failing.triesSoFar(tries) > MAX_ATTEMPTS);

        // the shutdown of the worker pool, as far as the consuming thread can tell
        Thread consuming = await().atMost(Duration.ofSeconds(30)).until(FailingInbox::consumingThread,
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
}
