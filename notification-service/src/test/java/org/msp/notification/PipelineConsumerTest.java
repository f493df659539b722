package org.msp.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.infra.testing.PoisonEvents;
import org.msp.infra.testing.TableDigest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the consumer treats a burst of records that Kafka hands over in one poll. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class PipelineConsumerTest {
    static final Duration PATIENCE = Duration.ofSeconds(45);
    static final String DEAD_LETTERS = "msp.dead-letter.notification-service";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void poisonRecordsInABurstAreDeadLetteredAloneWhileEveryGoodEventReachesTheTimelineOnceInOrder() {
        String project = UUID.randomUUID().toString();
        String unparseable = "{\"not\": \"a cloud event for " + project + "\"}";
        // a complete CloudEvent whose data names a host country that is not one
        String badCountry = PipelineEvents.submitted(project, "Bad host", "ZM", "GB", "COBALT").json()
                .replace("\"hostCountry\":\"ZM\"", "\"hostCountry\":\"Zambia\"");

        List<PipelineEvents.Sent> good = new ArrayList<>();
        good.add(PipelineEvents.submitted(project, "Kabwe zinc-lead recycling", "ZM", "GB", "COPPER", "COBALT"));
        String[] path = {"SUBMITTED", "ESG_REVIEW", "OPEN_FOR_SUPPORT", "ENDORSED", "PRIORITISED"};
        for (int i = 1; i < path.length; i++) {
            good.add(PipelineEvents.statusChanged(project, "Kabwe zinc-lead recycling", "ZM", "GB", path[i - 1],
                    path[i], "COPPER", "COBALT"));
        }
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            burst.add(good.get(i).json());
            if (i == 1) {
                burst.add(unparseable);
            }
            if (i == 3) {
                burst.add(badCountry);
                burst.add(good.get(2).json()); // Kafka redelivering an event already in the burst
            }
        }
        KafkaTestClient.sendAll("msp.projects", project, burst);

        List<String> expected = good.stream().map(PipelineEvents.Sent::id).toList();
        await().atMost(PATIENCE).until(() -> timelineNewestFirst(project).containsAll(expected));
        List<String> oldestFirst = new ArrayList<>(timelineNewestFirst(project));
        Collections.reverse(oldestFirst);
        assertEquals(expected, oldestFirst,
                "every good event once, in the order it was published");

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(DEAD_LETTERS,
                read -> read.stream().filter(r -> project.equals(r.key())).count() >= 2, PATIENCE);
        List<String> deadForProject = dead.stream().filter(r -> project.equals(r.key())).map(ConsumerRecord::value)
                .toList();
        assertEquals(List.of(unparseable, badCountry), deadForProject,
                "exactly the two unusable records are dead-lettered, as they were sent");
        assertTrue(good.stream().noneMatch(g -> deadForProject.contains(g.json())), "no good event is dead-lettered");
    }

    @Test
    void aWithdrawalWithTheLongestReasonProjectServiceAcceptsReachesTheTimelineShortened() {
        String project = UUID.randomUUID().toString();
        // 2000 characters, project-service's limit for a withdrawal reason
        String reason = "Financing fell through. ".repeat(84).substring(0, 2000);
        PipelineEvents.Sent withdrawn = PipelineEvents.withdrawn(project, "Kabwe zinc-lead recycling", "ZM", "GB",
                "OPEN_FOR_SUPPORT", reason, "COPPER").send();

        await().atMost(PATIENCE).until(() -> timelineNewestFirst(project).contains(withdrawn.id()));
        String summary = given().queryParam("projectIds", project).when().get("/api/v1/timeline")
                .then().statusCode(200).extract().jsonPath().getString("[0].summary");
        assertTrue(summary.startsWith("Kabwe zinc-lead recycling: withdrawn by GB (Financing fell through. "),
                summary);
        assertTrue(summary.endsWith("…)"), "the reason is shortened visibly: " + summary);
        assertTrue(summary.length() < reason.length());
    }

    @Test
    void eventsOutsideTheContractAreDeadLetteredAtOnceOnEveryTopicAndChangeNoRow() {
        String project = UUID.randomUUID().toString();
        PipelineEvents.Sent submitted = PipelineEvents.submitted(project, "Refused at the edge", "NA", "DE",
                "RARE_EARTHS").send();
        await().atMost(PATIENCE).until(() -> timelineNewestFirst(project).contains(submitted.id())); // consumers live
        for (PipelineEvents.Sent valid : List.of(submitted, PipelineEvents.reviewCompleted(submitted.facts(), "CLEARED"),
                PipelineEvents.endorsementGiven(submitted.facts(), "FR"))) {
            PoisonEvents.assertRefusedAtTheEdge(valid.topic(), DEAD_LETTERS, valid.json(),
                    () -> TableDigest.of(dataSource, "timeline_entry", "project_facts", "inbox_message"));
        }
        assertEquals(List.of(submitted.id()), timelineNewestFirst(project));
    }

    private static List<String> timelineNewestFirst(String project) {
        return given().queryParam("projectIds", project).when().get("/api/v1/timeline")
                .then().statusCode(200).extract().jsonPath().getList("eventId", String.class);
    }
}
