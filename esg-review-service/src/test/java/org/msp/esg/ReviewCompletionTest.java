package org.msp.esg;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.service.ReviewService;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.infra.testing.PlatformTestResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Japanese reviewer takes a Zambian project, rates the seeded checklist over HTTP and completes it.
 * Expected scores follow from the seeded weights (100 in all).
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "jp-reviewer", roles = "esg-reviewer")
@OidcSecurity(claims = @Claim(key = "country", value = "JP"))
class ReviewCompletionTest {
    @Inject
    ReviewService reviews;

    /** A review of a ZM/GB project claimed by the caller. */
    private String claimedReview() {
        return claimedReview(TestReviews.facts("ZM", "GB"));
    }

    private String claimedReview(Facts project) {
        String reviewId = TestReviews.open(reviews, project);
        given().when().post("/api/v1/reviews/{id}/assignment", reviewId).then().statusCode(200);
        return reviewId;
    }

    private static void rate(String reviewId, String code, String rating, String comment) {
        String body = comment == null ? "{\"rating\": \"%s\", \"evidence\": \"ESIA 2025, section 4\"}".formatted(rating)
                : "{\"rating\": \"%s\", \"evidence\": \"site visit\", \"evidenceUrls\": [\"https://example.org/esia.pdf\"], \"comment\": \"%s\"}"
                        .formatted(rating, comment);
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/reviews/{id}/items/{code}", reviewId, code)
                .then().statusCode(200).body("code", equalTo(code)).body("rating", equalTo(rating));
    }

    /** Rates every item MEETS except the given ones, over HTTP. */
    private static void rateAll(String reviewId, Map<String, String> overrides) {
        for (String code : TestReviews.itemCodes(reviewId)) {
            String rating = overrides.getOrDefault(code, "MEETS");
            rate(reviewId, code, rating, rating.equals("MEETS") ? null : "finding on " + code);
        }
    }

    private static io.restassured.response.ValidatableResponse complete(String reviewId, String category) {
        return given().contentType(ContentType.JSON).body("{\"riskCategory\": \"%s\"}".formatted(category))
                .when().post("/api/v1/reviews/{id}/complete", reviewId).then();
    }

    @Test
    void everyItemMetClearsTheProjectWithAFullScore() {
        String reviewId = claimedReview();
        rateAll(reviewId, Map.of());
        complete(reviewId, "C").statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("CLEARED"))
                .body("score", equalTo(100.0f))
                .body("riskCategory", equalTo("C"))
                .body("conditions", empty());
    }

    @Test
    void aPartialItemAndANotApplicableItemClearWithConditions() {
        String reviewId = claimedReview();
        // OHS (weight 4) PARTIAL earns 2; heritage (2) not applicable leaves 98 possible: 96 / 98
        rateAll(reviewId, Map.of("IFC-PS2-OHS", "PARTIAL", "IFC-PS8-HERITAGE", "NOT_APPLICABLE"));
        complete(reviewId, "B").statusCode(200)
                .body("outcome", equalTo("CLEARED_WITH_CONDITIONS"))
                .body("score", equalTo(97.96f))
                .body("riskCategory", equalTo("B"))
                .body("conditions", hasSize(1))
                .body("conditions[0].code", equalTo("IFC-PS2-OHS"))
                .body("conditions[0].rating", equalTo("PARTIAL"))
                .body("conditions[0].comment", equalTo("finding on IFC-PS2-OHS"));
    }

    @Test
    void aFailedCriticalItemRejectsAnOtherwisePerfectProjectAndOneCompletedEventIsPublished() {
        Facts project = Facts.of(UUID.randomUUID(), "ZM", "GB", Mineral.COBALT, Mineral.COPPER, Mineral.GERMANIUM)
                .titled("Kipushi germanium and copper");
        String reviewId = claimedReview(project);
        rateAll(reviewId, Map.of("IFC-PS2-FORCED-LABOUR", "DOES_NOT_MEET"));
        complete(reviewId, "A").statusCode(200)
                .body("outcome", equalTo("REJECTED"))
                .body("score", equalTo(95.0f));

        String projectId = TestReviews.projectOf(reviewId);
        List<JsonNode> completed = TestReviews.eventsOf("msp.esg-reviews", projectId,
                "org.msp.esg.review-completed.v1", 1);
        assertEquals(1, completed.size(), "exactly one review-completed event");
        JsonNode event = completed.get(0);
        TestReviews.assertCloudEvent(event, "org.msp.esg.review-completed.v1", projectId);
        JsonNode data = event.get("data");
        assertEquals(reviewId, data.get("reviewId").asText());
        assertEquals(projectId, data.get("projectId").asText());
        assertEquals("REJECTED", data.get("outcome").asText());
        assertEquals(95.0, data.get("score").asDouble());
        assertEquals(true, data.get("score").isNumber());
        assertEquals("A", data.get("riskCategory").asText());
        assertEquals(1, data.get("conditions").size());
        JsonNode condition = data.get("conditions").get(0);
        assertEquals("IFC-PS2-FORCED-LABOUR", condition.get("code").asText());
        assertEquals("No forced or compulsory labour", condition.get("title").asText());
        assertEquals("DOES_NOT_MEET", condition.get("rating").asText());
        assertEquals("finding on IFC-PS2-FORCED-LABOUR", condition.get("comment").asText());
        // the project's facts as its submitted event stated them
        TestReviews.assertFacts(data, project);
        assertEquals("Kipushi germanium and copper", data.get("title").asText());
        assertEquals("[\"COBALT\",\"COPPER\",\"GERMANIUM\"]", data.get("minerals").toString());
    }

    @Test
    void completionIsRefusedWhileItemsAreUnratedListingThem() {
        String reviewId = claimedReview();
        rate(reviewId, "IFC-PS1-ESIA", "MEETS", null);
        complete(reviewId, "B").statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors", hasSize(TestReviews.SEEDED_ITEMS - 1))
                .body("errors.field", hasItem("IFC-PS7-FPIC"))
                .body("errors.field", not(hasItem("IFC-PS1-ESIA")));
        given().when().get("/api/v1/reviews/{id}", reviewId).then()
                .body("status", equalTo("ASSIGNED")).body("outcome", equalTo(null));
    }

    @Test
    void badRatingsAndUnknownItemsAreRefusedAndWriteNothing() {
        String reviewId = claimedReview();
        String url = "/api/v1/reviews/{id}/items/{code}";
        given().contentType(ContentType.JSON).body("{\"rating\": \"EXCELLENT\"}")
                .when().put(url, reviewId, "IFC-PS1-ESIA").then().statusCode(400)
                .body("errors[0].field", equalTo("rating"));
        given().contentType(ContentType.JSON).body("{\"evidence\": \"x\"}")
                .when().put(url, reviewId, "IFC-PS1-ESIA").then().statusCode(400)
                .body("errors[0].field", equalTo("rating"));
        given().contentType(ContentType.JSON).body("{\"rating\": \"MEETS\", \"score\": 3}")
                .when().put(url, reviewId, "IFC-PS1-ESIA").then().statusCode(400)
                .body("errors[0].field", equalTo("score"));
        given().contentType(ContentType.JSON).body("{\"rating\": \"PARTIAL\"}")
                .when().put(url, reviewId, "IFC-PS1-ESIA").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        given().contentType(ContentType.JSON).body("{\"rating\": \"NOT_APPLICABLE\"}")
                .when().put(url, reviewId, "IFC-PS7-FPIC").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        given().contentType(ContentType.JSON).body("{\"rating\": \"MEETS\", \"evidenceUrls\": [\"ftp://x\"]}")
                .when().put(url, reviewId, "IFC-PS1-ESIA").then().statusCode(400)
                .body("errors[0].field", startsWith("evidenceUrls"));
        given().contentType(ContentType.JSON).body("{\"rating\": \"MEETS\"}")
                .when().put(url, reviewId, "NO-SUCH-ITEM").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body("{\"rating\": \"MEETS\"}")
                .when().put(url, UUID.randomUUID(), "IFC-PS1-ESIA").then().statusCode(404);
        complete(reviewId, "D").statusCode(400).body("errors[0].field", equalTo("riskCategory"));
        given().contentType(ContentType.JSON).when().post("/api/v1/reviews/{id}/complete", reviewId)
                .then().statusCode(400);

        given().when().get("/api/v1/reviews/{id}", reviewId).then().statusCode(200)
                .body("progress.rated", equalTo(0))
                .body("items.findAll { it.rating != null }", empty());
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then()
                .body("action", equalTo(List.of("OPENED", "ASSIGNED")));
    }

    @Test
    void reRatingIsKeptInTheHistory() {
        String reviewId = claimedReview();
        rate(reviewId, "IFC-PS3-WATER", "PARTIAL", "no water balance for the brine field");
        rate(reviewId, "IFC-PS3-WATER", "MEETS", null);
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then()
                .body("action", equalTo(List.of("OPENED", "ASSIGNED", "RATED", "RATED")))
                .body("[2].rating", equalTo("PARTIAL"))
                .body("[3].rating", equalTo("MEETS"))
                .body("[3].detail", containsString("re-rated from PARTIAL"));
        given().when().get("/api/v1/reviews/{id}", reviewId).then()
                .body("items.find { it.code == 'IFC-PS3-WATER' }.rating", equalTo("MEETS"))
                .body("progress.rated", equalTo(1));
    }

    @Test
    void onlyTheAssignedReviewerRatesOrCompletes() {
        String reviewId = TestReviews.open(reviews, "ZM", "GB");
        reviews.assign(UUID.fromString(reviewId), new Reviewer("kr-reviewer", "KR"), "secretariat-user");
        given().contentType(ContentType.JSON).body("{\"rating\": \"MEETS\"}")
                .when().put("/api/v1/reviews/{id}/items/{code}", reviewId, "IFC-PS1-ESIA")
                .then().statusCode(403).body("detail", containsString("assigned reviewer"));
        complete(reviewId, "B").statusCode(403);
        // nor can anybody rate an unassigned review
        String open = TestReviews.open(reviews, "ZM", "GB");
        given().contentType(ContentType.JSON).body("{\"rating\": \"MEETS\"}")
                .when().put("/api/v1/reviews/{id}/items/{code}", open, "IFC-PS1-ESIA").then().statusCode(403);
    }

    @Test
    void aCompletedReviewIsFrozen() {
        String reviewId = claimedReview();
        TestReviews.rateAll(reviews, reviewId, new Reviewer("jp-reviewer", "JP"), Map.of());
        complete(reviewId, "C").statusCode(200);
        given().contentType(ContentType.JSON).body("{\"rating\": \"DOES_NOT_MEET\", \"comment\": \"late finding\"}")
                .when().put("/api/v1/reviews/{id}/items/{code}", reviewId, "IFC-PS1-ESIA").then().statusCode(409);
        complete(reviewId, "A").statusCode(409);
        given().when().get("/api/v1/reviews/{id}", reviewId).then()
                .body("riskCategory", equalTo("C")).body("outcome", equalTo("CLEARED"));
    }

    @Test
    @TestSecurity(user = "secretariat-user", roles = "secretariat")
    void theSecretariatCannotRateItems() {
        String reviewId = TestReviews.open(reviews, "ZM", "GB");
        given().contentType(ContentType.JSON).body("{\"rating\": \"MEETS\"}")
                .when().put("/api/v1/reviews/{id}/items/{code}", reviewId, "IFC-PS1-ESIA").then().statusCode(403);
    }
}
