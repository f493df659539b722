package org.msp.esg;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/** The generated OpenAPI document describes every endpoint of the README, including the optional assignment body. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {
    @Test
    void theOpenApiDocumentListsTheReviewTemplateAndOpenDataEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/reviews", "/api/v1/reviews/{id}",
                        "/api/v1/reviews/{id}/history", "/api/v1/reviews/{id}/assignment",
                        "/api/v1/reviews/{id}/items/{code}", "/api/v1/reviews/{id}/complete",
                        "/api/v1/checklist-templates", "/api/v1/checklist-templates/{id}",
                        "/api/v1/open-data/review-items.csv", "/api/v1/open-data/datapackage.json"))
                .body("components.schemas.AssignmentRequest", notNullValue())
                .body("components.schemas.RatingRequest.properties.rating", notNullValue());
    }
}
