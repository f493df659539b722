package org.msp.partner;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

/** The generated OpenAPI document describes every endpoint the README lists. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {
    @Test
    void theOpenApiDocumentListsThePartnerSupportEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/partners'.get", notNullValue())
                .body("paths.'/api/v1/partners'.post", notNullValue())
                .body("paths.'/api/v1/partners/{code}'.get", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/interests'.post", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/interests'.get", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/endorsement'.put", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/endorsement'.delete", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/endorsements'.get", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/support-history'.get", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/partnership'.get", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/partnership'.put", notNullValue())
                .body("paths.'/api/v1/partnerships'.get", notNullValue())
                .body("paths.'/api/v1/partnerships'.post", notNullValue())
                .body("paths.'/api/v1/partnerships/scorecard'.get", notNullValue())
                .body("paths.'/api/v1/partnerships/{id}'.get", notNullValue())
                .body("paths.'/api/v1/partnerships/{id}'.put", notNullValue())
                .body("paths.'/api/v1/partnerships/{id}/milestones'.post", notNullValue())
                .body("paths.'/api/v1/partnerships/{id}/milestones/{milestoneId}'.put", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/commitments'.post", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/commitments'.get", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/commitments/{commitmentId}'.get", notNullValue())
                .body("paths.'/api/v1/projects/{projectId}/commitments/{commitmentId}/disbursements'.post", notNullValue());
    }
}
