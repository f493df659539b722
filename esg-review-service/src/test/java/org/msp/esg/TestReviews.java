package org.msp.esg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.service.ReviewService;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.TestEvents;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared set-up for the service tests: reviews opened and advanced as other actors would. */
final class TestReviews {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROJECTS_SOURCE = "/msp/project-service";
    /** The seeded template: 32 items weighing 100 in all. */
    static final int SEEDED_ITEMS = 32;

    private TestReviews() {
    }

    /** Opens a review as the submitted-event consumer would; returns the review id. */
    static String open(ReviewService reviews, String hostCountry, String submittingPartner) {
        UUID projectId = UUID.randomUUID();
        reviews.openFor(projectId, "Test project " + projectId, hostCountry, submittingPartner, "test");
        return reviewOf(projectId.toString());
    }

    /** The id of the review of {@code projectId}, read through the public list. */
    static String reviewOf(String projectId) {
        return given().queryParam("projectId", projectId).when().get("/api/v1/reviews")
                .then().statusCode(200).extract().path("items[0].id");
    }

    static String projectOf(String reviewId) {
        return given().when().get("/api/v1/reviews/{id}", reviewId).then().statusCode(200).extract().path("projectId");
    }

    /** The item codes of the review's checklist, from its (public) template. */
    static List<String> itemCodes(String reviewId) {
        String templateId = given().when().get("/api/v1/reviews/{id}", reviewId)
                .then().statusCode(200).extract().path("templateId");
        return given().when().get("/api/v1/checklist-templates/{id}", templateId)
                .then().statusCode(200).extract().path("items.code");
    }

    /** Rates every item MEETS except {@code overrides} (each with a comment), as {@code reviewer}, via the service. */
    static void rateAll(ReviewService reviews, String reviewId, String reviewer, Map<String, ItemRating> overrides) {
        for (String code : itemCodes(reviewId)) {
            ItemRating rating = overrides.getOrDefault(code, ItemRating.MEETS);
            reviews.rate(UUID.fromString(reviewId), code, rating, "document review", List.of(),
                    rating == ItemRating.MEETS ? null : "finding on " + code, reviewer);
        }
    }

    static String submittedEvent(String eventId, String projectId, String hostCountry, String submittingPartner) {
        String data = """
                {"projectId":"%s","title":"Lithium brine project %s","status":"SUBMITTED","hostCountry":"%s",\
                "submittingPartner":"%s","minerals":["LITHIUM"],"valueChainStage":"EXTRACTION","summary":"s",\
                "sponsor":"Salar SA","requestedFinancingUsd":1000000,"disclosure":{"feasibilityStudyPublic":true,\
                "agreementPublic":false,"communityConsultationHeld":true},"actor":"ar-officer"}""".formatted(
                projectId, projectId, hostCountry, submittingPartner);
        return TestEvents.cloudEvent(eventId, PROJECTS_SOURCE, "org.msp.project.submitted.v1", projectId, data);
    }

    /** The records on {@code topic} keyed by {@code projectId} with {@code type}, once {@code expected} are there. */
    static List<JsonNode> eventsOf(String topic, String projectId, String type, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(topic,
                read -> read.stream().filter(r -> projectId.equals(r.key()) && r.value().contains(type)).count() >= expected,
                Duration.ofSeconds(30));
        return records.stream().filter(r -> projectId.equals(r.key())).map(r -> parse(r.value()))
                .filter(event -> type.equals(event.path("type").asText())).toList();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertCloudEvent(JsonNode event, String type, String projectId) {
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals(type, event.path("type").asText());
        assertEquals("/msp/esg-review-service", event.path("source").asText());
        assertEquals(projectId, event.path("subject").asText());
        assertEquals(36, event.path("id").asText().length(), "a UUID event id");
        assertEquals(false, event.path("time").asText().isEmpty(), "a time");
    }
}
