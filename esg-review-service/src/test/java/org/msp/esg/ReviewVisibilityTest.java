package org.msp.esg;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.domain.RiskCategory;
import org.msp.esg.service.ReviewService;
import org.msp.infra.testing.PlatformTestResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Draft ratings of an open review stay with the secretariat and its reviewer; completed reviews are public. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ReviewVisibilityTest {
    @Inject
    ReviewService reviews;

    private static final Reviewer FI = new Reviewer("fi-reviewer", "FI");

    /** An assigned review with one draft rating. */
    private String reviewWithADraftRating() {
        String reviewId = TestReviews.open(reviews, "MN", "KR");
        reviews.assign(UUID.fromString(reviewId), FI, "secretariat-user");
        reviews.rate(UUID.fromString(reviewId), "IFC-PS3-WATER", ItemRating.PARTIAL, "draft", List.of(),
                "draft finding", FI);
        return reviewId;
    }

    @Test
    void anonymousSeesAnOpenReviewsProgressButNotItsDraftRatings() {
        String reviewId = reviewWithADraftRating();
        given().when().get("/api/v1/reviews/{id}", reviewId).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("reviewerCountry", equalTo("FI"))
                .body("progress.rated", equalTo(1))
                .body("items", nullValue())
                .body("conditions", nullValue());
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then().statusCode(200)
                .body("action", equalTo(List.of("OPENED", "ASSIGNED")));
    }

    @Test
    @TestSecurity(user = "other-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "SE"))
    void anotherReviewerDoesNotSeeTheDraftRatings() {
        String reviewId = reviewWithADraftRating();
        given().when().get("/api/v1/reviews/{id}", reviewId).then().statusCode(200).body("items", nullValue());
    }

    @Test
    @TestSecurity(user = "fi-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "FI"))
    void theAssignedReviewerSeesItsDraftRatings() {
        String reviewId = reviewWithADraftRating();
        given().when().get("/api/v1/reviews/{id}", reviewId).then().statusCode(200)
                .body("items.find { it.code == 'IFC-PS3-WATER' }.rating", equalTo("PARTIAL"))
                .body("items.find { it.code == 'IFC-PS3-WATER' }.comment", equalTo("draft finding"));
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then()
                .body("action", equalTo(List.of("OPENED", "ASSIGNED", "RATED")));
    }

    @Test
    @TestSecurity(user = "secretariat-user", roles = "secretariat")
    void theSecretariatSeesTheDraftRatings() {
        String reviewId = reviewWithADraftRating();
        given().when().get("/api/v1/reviews/{id}", reviewId).then().statusCode(200)
                .body("items.find { it.code == 'IFC-PS3-WATER' }.rating", equalTo("PARTIAL"));
    }

    @Test
    void aCompletedReviewIsPublicWithItsRatingsAndConditions() {
        String reviewId = reviewWithADraftRating();
        TestReviews.rateAll(reviews, reviewId, FI, Map.of("EITI-BENEFICIAL-OWNERSHIP", ItemRating.DOES_NOT_MEET));
        reviews.complete(UUID.fromString(reviewId), RiskCategory.B, FI);
        given().when().get("/api/v1/reviews/{id}", reviewId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("CLEARED_WITH_CONDITIONS"))
                .body("score", equalTo(97.0f))
                .body("riskCategory", equalTo("B"))
                .body("conditions.code", equalTo(List.of("EITI-BENEFICIAL-OWNERSHIP")))
                .body("items.size()", equalTo(TestReviews.SEEDED_ITEMS))
                .body("items.find { it.code == 'EITI-BENEFICIAL-OWNERSHIP' }.comment",
                        equalTo("finding on EITI-BENEFICIAL-OWNERSHIP"));
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then().statusCode(200)
                .body("size()", equalTo(3 + TestReviews.SEEDED_ITEMS + 1));
        given().queryParam("status", "COMPLETED").queryParam("projectId", TestReviews.projectOf(reviewId))
                .when().get("/api/v1/reviews").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].items", nullValue());
    }

    @Test
    void unknownReviewsAndBadFiltersAreClientErrors() {
        given().when().get("/api/v1/reviews/{id}", UUID.randomUUID()).then().statusCode(404);
        given().queryParam("status", "PENDING").when().get("/api/v1/reviews").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("size", 0).when().get("/api/v1/reviews").then().statusCode(400);
    }
}
