package org.msp.project.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;

import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Parameters a client got wrong are 400s naming the parameter, and a dependency that is down is a
 * 503 with Retry-After, never a 500 or an anonymous 404.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class RequestProblemsTest {

    @Test
    void aMalformedProjectIdInThePathIsA400NamingIt() {
        for (String id : new String[] {"not-a-uuid", "1-2-3-4-5", "%00"}) {
            given().urlEncodingEnabled(false).when().get("/api/v1/projects/" + id + "/history")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("id"));
        }
    }

    @Test
    void aNulOrAMalformedNumberInTheQueryIsA400NamingTheParameter() {
        given().urlEncodingEnabled(false).queryParam("hostCountry", "Z%00M").when().get("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("hostCountry"));
        given().queryParam("page", "two").when().get("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("page"));
    }

    /** The test profile points OIDC at a port nothing listens on: Keycloak is down for a real token. */
    @Test
    void aBearerTokenThatCannotBeCheckedBecauseKeycloakIsDownIsA503WithRetryAfter() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes());
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"gb-officer\",\"iss\":\"http://127.0.0.1:9/realms/msp\",\"exp\":4102444800}".getBytes());
        given().header("Authorization", "Bearer " + header + "." + claims + ".c2lnbmF0dXJl")
                .contentType("application/json").body("{}")
                .when().post("/api/v1/projects")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("identity provider"));
    }

    @Test
    void readsWithoutATokenStillWorkWhileKeycloakIsDown() {
        given().when().get("/api/v1/projects").then().statusCode(200).body("page", equalTo(0));
    }
}
