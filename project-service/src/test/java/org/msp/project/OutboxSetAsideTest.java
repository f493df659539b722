package org.msp.project;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.events.Mineral;
import org.msp.events.project.ProjectSubmitted;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.platform.outbox.OutboxRelay;
import org.msp.project.service.ProposalService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An outbox row Kafka will never take (larger than the producer's max.request.size, 1 MB) is set
 * aside, visibly, instead of holding up every event written after it; once fixed it is published.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboxSetAsideTest {
    static final String SET_ASIDE_ROWS = "msp.outbox.rows.set.aside";

    @Inject
    ProposalService proposals;
    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    @Test
    void aRowKafkaRefusesForGoodIsSetAsideTheEventsBehindItArePublishedAndItGoesOnceFixed() throws Exception {
        long setAsideBefore = setAsideRowsInDatabase();
        double countedBefore = setAsideCount();

        // a submitted event of the contract, written as the Outbox would, but padded past 1 MB
        UUID project = UUID.randomUUID();
        CloudEvent<ProjectSubmitted> event = CloudEvent.of(EventSamples.submitted(
                EventSamples.Facts.of(project, "ZM", "GB", Mineral.COPPER)));
        String valid = EventSamples.json(event);
        String huge = "{\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\"," + valid.substring(1);
        writeOutboxRow(event, huge);

        // an ordinary event written after it
        ProposalService.Actor actor = new ProposalService.Actor("gb-officer", "test");
        String behind = proposals.create(Fixtures.draft("Behind a huge row"), "GB", actor).id().toString();
        proposals.submit(UUID.fromString(behind), actor);

        // published and marked sent, so not sent again and again behind the refused row
        await().atMost(Duration.ofSeconds(30)).until(() -> unsentRowsFor(behind) == 0);
        List<ConsumerRecord<String, String>> published = KafkaTestClient.readUntil("msp.projects",
                read -> read.stream().anyMatch(r -> behind.equals(r.key())), Duration.ofSeconds(30));
        assertEquals(List.of("org.msp.project.submitted.v1"), published.stream().filter(r -> behind.equals(r.key()))
                .map(r -> LifecycleEventsTest.type(r.value())).toList(), "the event behind the refused row, once");

        // the relay marks and counts after its batch commits, which may be just after the publication
        await().atMost(Duration.ofSeconds(30)).until(() -> setAsideMark(event.id())[0] != null);
        String reason = setAsideMark(event.id())[1];
        assertTrue(reason.startsWith("RecordTooLargeException: "), "with Kafka's reason: " + reason);
        await().atMost(Duration.ofSeconds(30)).until(() -> setAsideCount() == countedBefore + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> setAsideRowsGauge() == setAsideBefore + 1);
        assertFalse(published.stream().anyMatch(r -> project.toString().equals(r.key())), "nothing of it was sent");

        // the fix: the payload made the size it should have been, then the row put back in the queue
        try (Connection c = dataSource.getConnection();
             PreparedStatement fix = c.prepareStatement("UPDATE outbox_message SET payload = ? WHERE event_id = ?")) {
            fix.setString(1, valid);
            fix.setString(2, event.id());
            assertEquals(1, fix.executeUpdate());
        }
        assertTrue(relay.replaySetAside(event.id()));
        assertFalse(relay.replaySetAside(event.id()), "it is no longer set aside");

        List<ConsumerRecord<String, String>> replayed = KafkaTestClient.readUntil("msp.projects",
                read -> read.stream().anyMatch(r -> project.toString().equals(r.key())), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = replayed.stream()
                .filter(r -> project.toString().equals(r.key())).toList();
        assertEquals(1, mine.size(), "published once, after the fix");
        assertEquals(valid, mine.get(0).value());
        await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(event.id()) != null);
        assertNull(setAsideMark(event.id())[0]);
        await().atMost(Duration.ofSeconds(30)).until(() -> setAsideRowsGauge() == setAsideBefore);
    }

    void writeOutboxRow(CloudEvent<?> event, String payload) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload)
                     VALUES (?, ?, ?, ?, ?)""")) {
            insert.setString(1, event.id());
            insert.setString(2, event.topic().address());
            insert.setString(3, event.subject());
            insert.setString(4, event.type().type());
            insert.setString(5, payload);
            insert.executeUpdate();
        }
    }

    /** set_aside_at (as text) and set_aside_reason of the event's row. */
    String[] setAsideMark(String eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT set_aside_at::text, set_aside_reason FROM outbox_message WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return new String[] {rows.getString(1), rows.getString(2)};
            }
        }
    }

    Object sentAt(String eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT sent_at FROM outbox_message WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getObject(1);
            }
        }
    }

    long unsentRowsFor(String projectId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT count(*) FROM outbox_message WHERE message_key = ? AND sent_at IS NULL")) {
            select.setString(1, projectId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    long setAsideRowsInDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT count(*) FROM outbox_message WHERE set_aside_at IS NOT NULL AND sent_at IS NULL");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    double setAsideRowsGauge() {
        Gauge gauge = registry.find(SET_ASIDE_ROWS).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    double setAsideCount() {
        Counter counter = registry.find("msp.outbox.set.aside").tag("reason", "RecordTooLargeException").counter();
        return counter == null ? 0 : counter.count();
    }
}
