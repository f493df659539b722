package org.msp.esg;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.infra.testing.TestEvents;
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

/** Reviews open by themselves from msp.projects, exactly once, and close when the project is withdrawn. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ReviewOpeningTest {
    @Inject
    Inbox inbox;

    @Test
    void aSubmittedEventOpensOneReviewAndTheSameEventAgainOpensNone() {
        String projectId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        KafkaTestClient.send("msp.projects", projectId, TestReviews.submittedEvent(eventId, projectId, "AR", "US"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("projectId", projectId)
                .when().get("/api/v1/reviews").then().statusCode(200).body("total", equalTo(1)));
        given().queryParam("projectId", projectId).when().get("/api/v1/reviews").then()
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].hostCountry", equalTo("AR"))
                .body("items[0].submittingPartner", equalTo("US"))
                .body("items[0].templateVersion", equalTo(1))
                .body("items[0].progress.rated", equalTo(0))
                .body("items[0].progress.total", equalTo(TestReviews.SEEDED_ITEMS));

        // the same event redelivered, then another submitted event for the same project: neither opens a review
        KafkaTestClient.send("msp.projects", projectId, TestReviews.submittedEvent(eventId, projectId, "AR", "US"));
        String secondId = UUID.randomUUID().toString();
        KafkaTestClient.send("msp.projects", projectId, TestReviews.submittedEvent(secondId, projectId, "AR", "US"));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> inbox.outcomeOf(TestReviews.PROJECTS_SOURCE, secondId) == Inbox.Outcome.SKIPPED);

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
        String projectId = UUID.randomUUID().toString();
        KafkaTestClient.send("msp.projects", projectId,
                TestReviews.submittedEvent(UUID.randomUUID().toString(), projectId, "CD", "FR"));
        String withdrawn = TestEvents.cloudEvent(TestReviews.PROJECTS_SOURCE, "org.msp.project.status-changed.v1",
                projectId, """
                        {"projectId":"%s","title":"t","status":"WITHDRAWN","hostCountry":"CD","submittingPartner":"FR",\
                        "minerals":["COBALT"],"valueChainStage":"EXTRACTION","from":"ESG_REVIEW","to":"WITHDRAWN",\
                        "actor":"fr-officer","reason":"%s"}""".formatted(projectId, reason));
        KafkaTestClient.send("msp.projects", projectId, withdrawn);

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
        String incomplete = TestEvents.cloudEvent(TestReviews.PROJECTS_SOURCE, "org.msp.project.submitted.v1",
                projectId, "{\"projectId\":\"%s\",\"title\":\"t\",\"submittingPartner\":\"US\"}".formatted(projectId));
        KafkaTestClient.send("msp.projects", projectId, incomplete);
        String goodProject = UUID.randomUUID().toString();
        KafkaTestClient.send("msp.projects", goodProject,
                TestReviews.submittedEvent(UUID.randomUUID().toString(), goodProject, "MN", "KR"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("projectId", goodProject)
                .when().get("/api/v1/reviews").then().statusCode(200).body("total", equalTo(1)));
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil("msp.dead-letter.esg-review-service",
                read -> read.stream().anyMatch(r -> poisonKey.equals(r.key()))
                        && read.stream().anyMatch(r -> projectId.equals(r.key())),
                Duration.ofSeconds(30));
        assertTrue(dead.stream().anyMatch(r -> poisonKey.equals(r.key()) && poison.equals(r.value())),
                "the poison record is on the dead-letter topic as it was sent");
        assertTrue(dead.stream().anyMatch(r -> projectId.equals(r.key())), "the incomplete event is dead-lettered");
        given().queryParam("projectId", projectId).when().get("/api/v1/reviews").then().body("total", equalTo(0));
    }
}
