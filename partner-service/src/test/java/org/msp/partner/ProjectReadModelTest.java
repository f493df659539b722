package org.msp.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.msp.events.EventSamples;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.infra.testing.PoisonEvents;
import org.msp.infra.testing.TableDigest;
import org.msp.platform.inbox.Inbox;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.events.project.ProjectStatus.ENDORSED;
import static org.msp.events.project.ProjectStatus.ESG_REVIEW;
import static org.msp.events.project.ProjectStatus.OPEN_FOR_SUPPORT;
import static org.msp.events.project.ProjectStatus.SUBMITTED;
import static org.msp.events.project.ProjectStatus.WITHDRAWN;
import static org.msp.partner.ProjectFeed.T0;

/** The read model of project status, fed from the real broker. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectReadModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventForAProjectNeverSeenCreatesIt() {
        UUID project = UUID.randomUUID();
        given().when().get("/api/v1/projects/{id}/interests", project).then().statusCode(404);

        ProjectFeed.statusChanged(project, ESG_REVIEW, OPEN_FOR_SUPPORT, T0);

        ProjectFeed.awaitStatus(project, "OPEN_FOR_SUPPORT");
        given().when().get("/api/v1/projects/{id}/interests", project)
                .then().statusCode(200)
                .body("title", equalTo("Kabwe zinc-lead recycling"))
                .body("totalIndicativeAmountUsd", equalTo(0));
    }

    @Test
    void theFactsOfEveryAppliedEventAreKeptButNotThoseOfASkippedOne() {
        UUID project = UUID.randomUUID();
        ProjectFeed.submitted(project, T0);
        ProjectFeed.awaitStatus(project, "SUBMITTED");
        ProjectFeed.send(ProjectFeed.event(UUID.randomUUID().toString(), EventSamples.statusChanged(
                ProjectFeed.facts(project).titled("Kabwe zinc recycling, phase 2"), SUBMITTED, ESG_REVIEW, null),
                T0.plusHours(1)));
        ProjectFeed.awaitStatus(project, "ESG_REVIEW");
        given().when().get("/api/v1/projects/{id}/interests", project).then().body("title",
                equalTo("Kabwe zinc recycling, phase 2"));

        // a late event is skipped whole: its (older) facts do not overwrite the newer ones
        String late = ProjectFeed.send(ProjectFeed.event(UUID.randomUUID().toString(), EventSamples.submitted(
                ProjectFeed.facts(project).titled("An older title")), T0.minusHours(1)));
        awaitSkipped(late);
        given().when().get("/api/v1/projects/{id}/interests", project).then().body("title",
                equalTo("Kabwe zinc recycling, phase 2"));
    }

    @Test
    void lateEventsNeverMoveAProjectBackwardsButALostEndorsementDoes() {
        UUID project = UUID.randomUUID();
        // ENDORSED arrives before the OPEN_FOR_SUPPORT that preceded it
        ProjectFeed.statusChanged(project, OPEN_FOR_SUPPORT, ENDORSED, T0.plusHours(3));
        ProjectFeed.awaitStatus(project, "ENDORSED");
        String late = ProjectFeed.statusChanged(project, ESG_REVIEW, OPEN_FOR_SUPPORT, T0.plusHours(2));
        awaitSkipped(late);
        ProjectFeed.awaitStatus(project, "ENDORSED");

        // an endorsement withdrawn later legitimately steps back to OPEN_FOR_SUPPORT
        ProjectFeed.statusChanged(project, ENDORSED, OPEN_FOR_SUPPORT, T0.plusHours(4));
        ProjectFeed.awaitStatus(project, "OPEN_FOR_SUPPORT");

        // a redelivered older ENDORSED (new event id) must not undo that step
        String stale = ProjectFeed.statusChanged(project, OPEN_FOR_SUPPORT, ENDORSED, T0.plusHours(3));
        awaitSkipped(stale);
        ProjectFeed.awaitStatus(project, "OPEN_FOR_SUPPORT");

        // and nothing comes back from WITHDRAWN
        ProjectFeed.statusChanged(project, OPEN_FOR_SUPPORT, WITHDRAWN, T0.plusHours(5));
        ProjectFeed.awaitStatus(project, "WITHDRAWN");
        String afterEnd = ProjectFeed.statusChanged(project, OPEN_FOR_SUPPORT, ENDORSED, T0.plusHours(6));
        awaitSkipped(afterEnd);
        ProjectFeed.awaitStatus(project, "WITHDRAWN");
    }

    @Test
    void anEventIdSeenBeforeChangesNothing() {
        UUID project = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        ProjectFeed.statusChanged(id, project, ESG_REVIEW, OPEN_FOR_SUPPORT, T0);
        ProjectFeed.awaitStatus(project, "OPEN_FOR_SUPPORT");

        // the same id again, even claiming something else, is a duplicate
        ProjectFeed.statusChanged(id, project, OPEN_FOR_SUPPORT, WITHDRAWN, T0.plusHours(1));
        // a later event on the same partition: once it is applied, the duplicate was handled before it
        ProjectFeed.statusChanged(project, OPEN_FOR_SUPPORT, ENDORSED, T0.plusHours(2));
        ProjectFeed.awaitStatus(project, "ENDORSED");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        UUID project = UUID.randomUUID();
        String poison = "{\"this is\": \"not a cloud event\", \"marker\": \"" + project + "\"}";
        ProjectFeed.sendRaw(project.toString(), poison);
        // a producer's event, with a status no record allows put in afterwards
        String badStatus = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) JSON.readTree(EventSamples.json(ProjectFeed.event(badStatus,
                EventSamples.statusChanged(ProjectFeed.facts(project), ESG_REVIEW, OPEN_FOR_SUPPORT, null), T0)));
        ((ObjectNode) event.get("data")).put("to", "HALF_OPEN");
        ProjectFeed.sendRaw(project.toString(), JSON.writeValueAsString(event));
        ProjectFeed.statusChanged(project, ESG_REVIEW, OPEN_FOR_SUPPORT, T0.plusHours(1));

        ProjectFeed.awaitStatus(project, "OPEN_FOR_SUPPORT");
        var dead = KafkaTestClient.readUntil("msp.dead-letter.partner-service",
                read -> read.stream().filter(r -> project.toString().equals(r.key())).count() >= 2,
                Duration.ofSeconds(60));
        assertTrue(dead.stream().anyMatch(r -> poison.equals(r.value())), "the unparseable record is dead-lettered");
        assertTrue(dead.stream().anyMatch(r -> r.value().contains(badStatus)), "the event with an unknown status is dead-lettered");
    }

    @Test
    void eventsOutsideTheContractAreDeadLetteredAtOnceAndChangeNoRow() {
        UUID project = ProjectFeed.openProject(); // the consumer is live
        PoisonEvents.assertRefusedAtTheEdge(ProjectFeed.TOPIC, "msp.dead-letter.partner-service",
                EventSamples.json(EventSamples.statusChanged(ProjectFeed.facts(project), OPEN_FOR_SUPPORT, WITHDRAWN,
                        "withdrawn by the submitting partner")),
                () -> TableDigest.of(dataSource, "project", "partner_interest", "endorsement", "support_history",
                        "inbox_message"));
        ProjectFeed.awaitStatus(project, "OPEN_FOR_SUPPORT");
    }

    private void awaitSkipped(String eventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> inbox.outcomeOf(ProjectFeed.SOURCE, eventId) == Inbox.Outcome.SKIPPED);
    }
}
