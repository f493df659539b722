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
import org.msp.esg.domain.Reviewer;
import org.msp.esg.service.ReviewService;
import org.msp.events.EventSamples.Facts;
import org.msp.infra.testing.PlatformTestResource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may take a review: the conflict-of-interest table, claims, secretariat assignments. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ReviewAssignmentTest {
    @Inject
    ReviewService reviews;

    @Test
    @TestSecurity(user = "zm-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aZambianReviewerCannotTakeAZambianHostedProject() {
        String reviewId = TestReviews.open(reviews, "ZM", "GB");
        given().when().post("/api/v1/reviews/{id}/assignment", reviewId)
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("host country"));
        given().when().get("/api/v1/reviews/{id}", reviewId)
                .then().body("status", equalTo("OPEN")).body("reviewer", nullValue());
    }

    @Test
    @TestSecurity(user = "zm-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aZambianReviewerCannotTakeAProjectZambiaSubmitted() {
        String reviewId = TestReviews.open(reviews, "NA", "ZM");
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/reviews/{id}/assignment", reviewId)
                .then().statusCode(409).body("detail", containsString("submitting partner"));
    }

    @Test
    @TestSecurity(user = "jp-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "JP"))
    void aJapaneseReviewerClaimsAZambianProjectAndReviewAssignedIsPublished() {
        Facts project = TestReviews.facts("ZM", "ZM");
        String reviewId = TestReviews.open(reviews, project);
        given().when().post("/api/v1/reviews/{id}/assignment", reviewId)
                .then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("reviewer", equalTo("jp-reviewer"))
                .body("reviewerCountry", equalTo("JP"))
                .body("items.size()", equalTo(TestReviews.SEEDED_ITEMS));
        // claiming again is harmless and publishes nothing new
        given().when().post("/api/v1/reviews/{id}/assignment", reviewId).then().statusCode(200);

        String projectId = TestReviews.projectOf(reviewId);
        List<JsonNode> assigned = TestReviews.eventsOf("msp.esg-reviews", projectId,
                "org.msp.esg.review-assigned.v1", 1);
        assertEquals(1, assigned.size());
        TestReviews.assertCloudEvent(assigned.get(0), "org.msp.esg.review-assigned.v1", projectId);
        JsonNode data = assigned.get(0).get("data");
        assertEquals(reviewId, data.get("reviewId").asText());
        assertEquals("jp-reviewer", data.get("reviewer").asText());
        assertEquals("JP", data.get("reviewerCountry").asText());
        TestReviews.assertFacts(data, project);
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then()
                .body("action", equalTo(List.of("OPENED", "ASSIGNED")));
    }

    @Test
    @TestSecurity(user = "no-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "NO"))
    void aReviewAlreadyAssignedCannotBeTakenBySomeoneElse() {
        String reviewId = TestReviews.open(reviews, "BR", "CA");
        reviews.assign(UUID.fromString(reviewId), new Reviewer("se-reviewer", "SE"), "secretariat-user");
        given().when().post("/api/v1/reviews/{id}/assignment", reviewId)
                .then().statusCode(409).body("detail", containsString("already assigned"));
        given().when().get("/api/v1/reviews/{id}", reviewId).then().body("reviewer", equalTo("se-reviewer"));
    }

    @Test
    @TestSecurity(user = "no-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "NO"))
    void aReviewerCannotAssignSomeoneElse() {
        String reviewId = TestReviews.open(reviews, "BR", "CA");
        given().contentType(ContentType.JSON).body("{\"reviewer\": \"friend\", \"reviewerCountry\": \"NO\"}")
                .when().post("/api/v1/reviews/{id}/assignment", reviewId)
                .then().statusCode(403);
        given().when().get("/api/v1/reviews/{id}", reviewId).then().body("status", equalTo("OPEN"));
    }

    @Test
    @TestSecurity(user = "secretariat-user", roles = "secretariat")
    void theSecretariatAssignsANamedReviewerButNotOneWithAConflict() {
        String reviewId = TestReviews.open(reviews, "TZ", "AU");
        given().contentType(ContentType.JSON).body("{\"reviewer\": \"au-reviewer\", \"reviewerCountry\": \"AU\"}")
                .when().post("/api/v1/reviews/{id}/assignment", reviewId)
                .then().statusCode(409).body("detail", containsString("submitting partner"));
        given().contentType(ContentType.JSON).body("{\"reviewer\": \"fr-reviewer\"}")
                .when().post("/api/v1/reviews/{id}/assignment", reviewId)
                .then().statusCode(400).body("errors[0].field", equalTo("reviewerCountry"));
        given().contentType(ContentType.JSON).body("{\"reviewer\": \"fr-reviewer\", \"reviewerCountry\": \"XX\"}")
                .when().post("/api/v1/reviews/{id}/assignment", reviewId)
                .then().statusCode(400).body("errors[0].field", equalTo("reviewerCountry"));
        given().contentType(ContentType.JSON).body("{\"reviewer\": \"fr-reviewer\", \"reviewerCountry\": \"FR\"}")
                .when().post("/api/v1/reviews/{id}/assignment", reviewId)
                .then().statusCode(200)
                .body("reviewer", equalTo("fr-reviewer"))
                .body("reviewerCountry", equalTo("FR"))
                .body("status", equalTo("ASSIGNED"));
        // the secretariat sees the draft ratings of an open review
        given().when().get("/api/v1/reviews/{id}", reviewId).then().body("items.size()", equalTo(TestReviews.SEEDED_ITEMS));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/reviews/{id}/assignment", UUID.randomUUID())
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"reviewer\": \"fr-reviewer\", \"reviewerCountry\": \"FR\"}")
                .when().post("/api/v1/reviews/{id}/assignment", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "zm-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aReviewerAssignedUnderTheWrongCountryCannotRateOrComplete() {
        String reviewId = TestReviews.open(reviews, "ZM", "GB");
        // the secretariat named the Zambian reviewer as Japanese: the conflict check passed on that word
        reviews.assign(UUID.fromString(reviewId), new Reviewer("zm-reviewer", "JP"), "secretariat-user");
        given().contentType(ContentType.JSON).body("{\"rating\": \"MEETS\"}")
                .when().put("/api/v1/reviews/{id}/items/{code}", reviewId, "IFC-PS3-WATER")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("your token says ZM"));
        given().contentType(ContentType.JSON).body("{\"riskCategory\": \"B\"}")
                .when().post("/api/v1/reviews/{id}/complete", reviewId)
                .then().statusCode(409);
        given().when().get("/api/v1/reviews/{id}", reviewId).then().body("progress.rated", equalTo(0));
    }

    @Test
    @TestSecurity(user = "citizen", roles = "civil-society")
    void civilSocietyCannotTakeAReview() {
        String reviewId = TestReviews.open(reviews, "MZ", "US");
        given().when().post("/api/v1/reviews/{id}/assignment", reviewId).then().statusCode(403);
    }

    @Test
    void anonymousCannotTakeAReview() {
        String reviewId = TestReviews.open(reviews, "MZ", "US");
        given().when().post("/api/v1/reviews/{id}/assignment", reviewId).then().statusCode(401);
    }
}
