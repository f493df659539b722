package org.msp.project;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.infra.DeadLetterReplay;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.platform.inbox.Inbox;
import org.msp.project.service.ProposalService;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** deploy/ops/replay-dlq.sh: a parked event, replayed, is applied once; replaying it again changes nothing. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterReplayTest {
    static final String DEAD_LETTERS = "msp.dead-letter.project-service";

    @Inject
    ProposalService proposals;
    @Inject
    Inbox inbox;

    @Test
    void aParkedEventIsAppliedOnceWhenReplayedAndASecondReplayChangesNothing() throws Exception {
        ProposalService.Actor actor = new ProposalService.Actor("gb-officer", "test");
        String id = proposals.create(Fixtures.draft("Parked review"), "GB", actor).id().toString();
        proposals.submit(UUID.fromString(id), actor);
        CloudEvent<?> opened = CloudEvent.of(EventSamples.reviewOpened(LifecycleEventsTest.facts(id), UUID.randomUUID()));
        park(opened, "msp.esg-reviews");

        DeadLetterReplay.Selection selection = new DeadLetterReplay.Selection(null, Set.of(opened.id()));
        DeadLetterReplay.Outcome first = DeadLetterReplay.replay(PlatformTestResource.bootstrapServers(),
                "project-service", selection, false);
        assertEquals(Map.of("msp.esg-reviews", 1), first.replayed());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("ESG_REVIEW")));

        DeadLetterReplay.Outcome second = DeadLetterReplay.replay(PlatformTestResource.bootstrapServers(),
                "project-service", selection, false);
        assertEquals(1, second.total(), "the parked record is replayed again");
        // an event behind it on the same partition: once it is in, the replayed copy has been consumed
        CloudEvent<?> behind = CloudEvent.of(EventSamples.reviewAssigned(LifecycleEventsTest.facts(id),
                UUID.randomUUID(), "jp-reviewer", "JP"));
        KafkaTestClient.send("msp.esg-reviews", id, EventSamples.json(behind));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.outcomeOf(behind.source(), behind.id()) != null);
        given().when().get("/api/v1/projects/{id}/history", id).then().body("to", equalTo(
                java.util.List.of("DRAFT", "SUBMITTED", "ESG_REVIEW")));
    }

    /** As SmallRye's dead-letter strategy parks a record: its origin in the dead-letter-topic header. */
    private static void park(CloudEvent<?> event, String origin) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(DEAD_LETTERS, event.subject(),
                    EventSamples.json(event));
            record.headers().add("dead-letter-topic", origin.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-reason", "a bug since fixed".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
