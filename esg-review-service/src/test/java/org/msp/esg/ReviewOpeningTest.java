package org.msp.esg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.events.project.ProjectStatus;
import org.msp.events.project.ProjectSubmitted;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.infra.testing.PoisonEvents;
import org.msp.infra.testing.TableDigest;
import org.msp.platform.inbox.Inbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reviews open by themselves from msp.projects, exactly once, and close when the project is withdrawn.
 * The events are made with project-service's own records (platform-events EventSamples).
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ReviewOpeningTest {
    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;

    /** Publishes {@code event} on msp.projects as project-service would. */
    private static void send(CloudEvent<?> event) {
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));
    }

    private static void awaitReviews(String projectId, int total) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("projectId", projectId)
                .when().get("/api/v1/reviews").then().statusCode(200).body("total", equalTo(total)));
    }

    @Test
    void aSubmittedEventOpensOneReviewAndTheSameEventAgainOpensNone() {
        Facts facts = Facts.of(UUID.randomUUID(), "AR", "US", Mineral.LITHIUM);
        String projectId = facts.projectId().toString();
        CloudEvent<ProjectSubmitted> submitted = CloudEvent.of(EventSamples.submitted(facts));
        send(submitted);

        awaitReviews(projectId, 1);
        given().queryParam("projectId", projectId).when().get("/api/v1/reviews").then()
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].projectTitle", equalTo(facts.title()))
                .body("items[0].hostCountry", equalTo("AR"))
                .body("items[0].submittingPartner", equalTo("US"))
                .body("items[0].templateVersion", equalTo(1))
                .body("items[0].progress.rated", equalTo(0))
                .body("items[0].progress.total", equalTo(TestReviews.SEEDED_ITEMS));

        // the same event redelivered, then another submitted event for the same project: neither opens a review
        send(submitted);
        CloudEvent<ProjectSubmitted> second = CloudEvent.of(EventSamples.submitted(facts));
        send(second);
        await().atMost(Duration.ofSeconds(30)).until(
                () -> inbox.outcomeOf(second.source(), second.id()) == Inbox.Outcome.SKIPPED);
        assertEquals(Inbox.Outcome.APPLIED, inbox.outcomeOf(submitted.source(), submitted.id()));

        given().queryParam("projectId", projectId).when().get("/api/v1/reviews").then().body("total", equalTo(1));
        List<JsonNode> opened = TestReviews.eventsOf("msp.esg-reviews", projectId, "org.msp.esg.review-opened.v1", 1);
        assertEquals(1, opened.size(), "exactly one review-opened event");
        JsonNode event = opened.get(0);
        TestReviews.assertCloudEvent(event, "org.msp.esg.review-opened.v1", projectId);
        JsonNode data = event.get("data");
        assertEquals(TestReviews.reviewOf(projectId), data.get("reviewId").asText());
        assertEquals(projectId, data.get("projectId").asText());
        assertEquals(1, data.get("templateVersion").asInt());
        assertEquals(36, data.get("templateId").asText().length());
        assertEquals("AR", data.get("hostCountry").asText());
        assertEquals("US", data.get("submittingPartner").asText());
        TestReviews.assertFacts(data, facts);
    }

    @Test
    void aProjectWithdrawnDuringItsReviewCancelsTheReview() {
        withdrawDuringReview("sponsor pulled out", "the project was withdrawn: sponsor pulled out");
    }

    @Test
    void aWithdrawalWithTheLongestReasonProjectServiceAcceptsStillCancelsTheReview() {
        String reason = "r".repeat(2000); // project-service takes reasons of up to 2000 characters
        withdrawDuringReview(reason, ("the project was withdrawn: " + reason).substring(0, 1999) + "\u2026");
    }

    private void withdrawDuringReview(String reason, String expectedClosedReason) {
        Facts facts = Facts.of(UUID.randomUUID(), "CD", "FR", Mineral.COBALT);
        String projectId = facts.projectId().toString();
        send(CloudEvent.of(EventSamples.submitted(facts)));
        send(CloudEvent.of(EventSamples.statusChanged(facts, ProjectStatus.ESG_REVIEW, ProjectStatus.WITHDRAWN,
                reason)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("projectId", projectId)
                .when().get("/api/v1/reviews").then().statusCode(200)
                .body("items[0].status", equalTo("CANCELLED"))
                .body("items[0].closedReason", equalTo(expectedClosedReason)));
        String reviewId = TestReviews.reviewOf(projectId);
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then().statusCode(200)
                .body("action", equalTo(List.of("OPENED", "CANCELLED")));
        given().queryParam("status", "CANCELLED").queryParam("size", 100).when().get("/api/v1/reviews")
                .then().statusCode(200).body("items.findAll { it.projectId == '%s' }".formatted(projectId), hasSize(1));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumingGoesOn() {
        String poisonKey = UUID.randomUUID().toString();
        String poison = "{\"not\": \"a cloud event " + poisonKey + "\"}";
        KafkaTestClient.send("msp.projects", poisonKey, poison);
        String projectId = UUID.randomUUID().toString();
        // a submitted event missing the host country is unusable too
        ObjectNode incomplete = (ObjectNode) TestReviews.parse(EventSamples.json(EventSamples.submitted(
                Facts.of(UUID.fromString(projectId), "AR", "US"))));
        ((ObjectNode) incomplete.get("data")).remove("hostCountry");
        KafkaTestClient.send("msp.projects", projectId, incomplete.toString());
        Facts good = Facts.of(UUID.randomUUID(), "MN", "KR");
        String goodProject = good.projectId().toString();
        send(CloudEvent.of(EventSamples.submitted(good)));

        awaitReviews(goodProject, 1);
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil("msp.dead-letter.esg-review-service",
                read -> read.stream().anyMatch(r -> poisonKey.equals(r.key()))
                        && read.stream().anyMatch(r -> projectId.equals(r.key())),
                Duration.ofSeconds(30));
        assertTrue(dead.stream().anyMatch(r -> poisonKey.equals(r.key()) && poison.equals(r.value())),
                "the poison record is on the dead-letter topic as it was sent");
        assertTrue(dead.stream().anyMatch(r -> projectId.equals(r.key())), "the incomplete event is dead-lettered");
        given().queryParam("projectId", projectId).when().get("/api/v1/reviews").then().body("total", equalTo(0));
    }

    @Test
    void eventsOutsideTheContractAreDeadLetteredAtOnceAndChangeNoRow() {
        Facts facts = Facts.of(UUID.randomUUID(), "ZM", "GB", Mineral.COBALT, Mineral.COPPER);
        send(CloudEvent.of(EventSamples.submitted(facts)));
        awaitReviews(facts.projectId().toString(), 1); // the consumer is live

        Facts refused = Facts.of(UUID.randomUUID(), "ZM", "GB", Mineral.COBALT);
        PoisonEvents.assertRefusedAtTheEdge("msp.projects", "msp.dead-letter.esg-review-service",
                EventSamples.json(EventSamples.submitted(refused)),
                () -> TableDigest.of(dataSource, "review", "review_item", "review_history", "inbox_message"));
        given().queryParam("projectId", refused.projectId().toString()).when().get("/api/v1/reviews").then()
                .body("total", equalTo(0));
    }
}
