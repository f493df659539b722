package org.msp.project;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.platform.inbox.Inbox;

import java.sql.SQLException;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.msp.project.FailingInbox.deadLettered;
import static org.msp.project.FailingInbox.inConsumer;

/**
 * A good event still being retried when the service begins to stop (SIGTERM) is left for redelivery,
 * not dead-lettered. Once stopping, every try fails for the service's own reasons ("EntityManagerFactory
 * is closed", then no CDI container); counted as the event's, they used to give it up to the dead-letter
 * topic before the process ended. Its own Quarkus instance (profile), since the shutdown is final for it.
 */
@QuarkusTest
@TestProfile(ConsumerShutdownTest.QuickRetriesThenShutdown.class)
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsumerShutdownTest {
    public static class QuickRetriesThenShutdown extends ConsumerRetriesTest.QuickRetries {
    }

    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Event<ShutdownEvent> shutdown;

    FailingInbox failing;

    @AfterEach
    void inboxAsBefore() throws SQLException {
        failing.remove();
    }

    @Test
    void anEventRetriedWhenTheServiceStopsIsLeftForRedeliveryNotDeadLettered() throws Exception {
        failing = new FailingInbox(dataSource);
        failing.install();
        CloudEvent<?> event = CloudEvent.of(EventSamples.endorsed(ConsumerRetriesTest.facts(), "US"));
        // the database is away for this event: retried for as long as that lasts
        String tries = failing.plan(event, Integer.MAX_VALUE, 0);
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> failing.triesSoFar(tries) > ConsumerRetriesTest.MAX_ATTEMPTS);
        Thread consuming = await().atMost(Duration.ofSeconds(30)).until(FailingInbox::consumingThread,
                thread -> thread != null);

        // what Quarkus fires first on SIGTERM; from then on a try fails as a stopping service's would
        shutdown.fire(new ShutdownEvent());
        failing.failOnItsOwnFromNowOn(event, tries);
        await().atMost(Duration.ofSeconds(30)).until(() -> !inConsumer(consuming));

        // a dead-lettered record is on the topic before the consumer returns (it waits for the send)
        assertFalse(deadLettered(event.subject()), "a shutdown does not dead-letter the event");
        assertNull(inbox.outcomeOf(event.source(), event.id()), "nor was it applied: it is delivered again");
    }
}
