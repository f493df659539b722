package org.msp.esg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.service.ReviewService;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.infra.testing.KafkaTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared set-up for the service tests: reviews opened and advanced as other actors would. */
final class TestReviews {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The seeded template: 32 items weighing 100 in all. */
    static final int SEEDED_ITEMS = 32;

    private TestReviews() {
    }

    /** The facts of a new cobalt and copper project hosted by {@code hostCountry}. */
    static Facts facts(String hostCountry, String submittingPartner) {
        return Facts.of(UUID.randomUUID(), hostCountry, submittingPartner, Mineral.COBALT, Mineral.COPPER);
    }

    /** Opens a review as the submitted-event consumer would; returns the review id. */
    static String open(ReviewService reviews, String hostCountry, String submittingPartner) {
        return open(reviews, facts(hostCountry, submittingPartner));
    }

    static String open(ReviewService reviews, Facts facts) {
        reviews.openFor(EventSamples.submitted(facts), "test");
        return reviewOf(facts.projectId().toString());
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
    static void rateAll(ReviewService reviews, String reviewId, Reviewer reviewer, Map<String, ItemRating> overrides) {
        for (String code : itemCodes(reviewId)) {
            ItemRating rating = overrides.getOrDefault(code, ItemRating.MEETS);
            reviews.rate(UUID.fromString(reviewId), code, rating, "document review", List.of(),
                    rating == ItemRating.MEETS ? null : "finding on " + code, reviewer);
        }
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

    /** The project facts every event of msp.esg-reviews carries, as the submitted event stated them. */
    static void assertFacts(JsonNode data, Facts facts) {
        assertEquals(facts.projectId().toString(), data.path("projectId").asText());
        assertEquals(facts.title(), data.path("title").asText());
        assertEquals(facts.hostCountry(), data.path("hostCountry").asText());
        assertEquals(facts.submittingPartner(), data.path("submittingPartner").asText());
        List<String> minerals = new java.util.ArrayList<>();
        data.path("minerals").forEach(mineral -> minerals.add(mineral.asText()));
        assertEquals(facts.minerals().stream().map(Enum::name).toList(), minerals);
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
