package org.msp.project;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.BodyMutations;
import org.msp.infra.testing.PlatformTestResource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed, truncated, oversized and mutated bodies against the proposal write endpoints: never a
 * 5xx, always problem+json, and a refused request writes nothing. Mutations come from a fixed seed so
 * a failure reproduces.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {
    private static final String VALID = ProposalSubmissionTest.PROPOSAL;
    /** Characters that break JSON structure or types when dropped into a valid body, NUL included. */
    private static final String NOISE = "{}[]\":,0123456789aZ\\\u0000";

    static List<String> corpus() {
        List<String> bodies = new ArrayList<>(List.of(
                "", " ", "null", "[]", "42", "\"text\"", "{", "}", "{}", "{\"title\":", "{\"title\":\"x\"",
                VALID.substring(0, VALID.length() / 2),
                VALID.replace("\"minerals\": [\"COPPER\", \"COBALT\"]", "\"minerals\": \"COPPER\""),
                VALID.replace("\"minerals\": [\"COPPER\", \"COBALT\"]", "\"minerals\": [null]"),
                VALID.replace("\"minerals\": [\"COPPER\", \"COBALT\"]", "\"minerals\": [\"COPPER\",\"GOLD\"]"),
                VALID.replace("\"minerals\": [\"COPPER\", \"COBALT\"]", "\"minerals\": " + "[\"COPPER\",".repeat(11) + "\"COPPER\"]"),
                VALID.replace("45000000", "\"lots\""),
                VALID.replace("45000000", "1e309"),
                VALID.replace("45000000", "-0"),
                VALID.replace("45000000", "0.001"),
                VALID.replace("45000000", "100000000000.01"),
                VALID.replace("45000000", "9".repeat(400)),
                VALID.replace("45000000", "null"),
                VALID.replace("true", "\"yes\""),
                VALID.replace("\"disclosure\"", "\"disclosure\": null, \"x\""),
                VALID.replace("\"ZM\"", "\"zm\""),
                VALID.replace("\"ZM\"", "\"ZMB\""),
                VALID.replace("\"ZM\"", "123"),
                VALID.replace("\"RECYCLING\"", "\"recycling; DROP TABLE proposal;\""),
                VALID.replace("{\"title\"", "{\"id\": \"00000000-0000-0000-0000-000000000000\", \"title\""),
                VALID.replace("{\"title\"", "{\"status\": \"PRIORITISED\", \"title\""),
                VALID.replace("{\"title\"", "{\"__proto__\": {}, \"title\""),
                VALID.replace("Recovering metals from legacy tailings", "x".repeat(5001)),
                "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
        // seeded mutations of a valid body: deleted, duplicated and replaced characters
        bodies.addAll(BodyMutations.of(VALID, 20261123L, 150, NOISE));
        return bodies;
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void noHostileBodyCausesA5xxOrWritesWhenRefused() {
        int requests = 0;
        int serverErrors = 0;
        int changedByRefused = 0;
        for (String body : corpus()) {
            long before = ProposalApiTest.countProposals();
            Response response = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/projects");
            requests++;
            int status = response.statusCode();
            long after = ProposalApiTest.countProposals();
            if (status >= 500) {
                serverErrors++;
                System.err.println("5xx for body: " + abbreviate(body));
            } else if (status != 201) {
                assertEquals(400, status / 100 * 100, "4xx for " + abbreviate(body));
                assertTrue(response.contentType().startsWith("application/problem+json"), abbreviate(body));
                if (after != before) {
                    changedByRefused++;
                }
            }
        }
        System.out.printf("hostile input: %d requests, %d 5xx, %d rows changed by refused requests%n",
                requests, serverErrors, changedByRefused);
        assertEquals(0, serverErrors, "no hostile body may cause a 5xx");
        assertEquals(0, changedByRefused, "a refused request writes nothing");
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void oversizedAndBadlyEncodedBodiesAreRefused() {
        String huge = VALID.replace("Recovering metals from legacy tailings", "x".repeat(70_000));
        given().contentType(ContentType.JSON).body(huge).when().post("/api/v1/projects").then().statusCode(413);
        byte[] invalidUtf8 = VALID.replace("Kabwe", "K\u00ffbwe").getBytes(StandardCharsets.ISO_8859_1);
        int status = given().contentType("application/json; charset=UTF-8").body(invalidUtf8)
                .when().post("/api/v1/projects").then().extract().statusCode();
        assertTrue(status == 400 || status == 201, "invalid UTF-8 is refused or stored replaced, never a 5xx: " + status);
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void markupAndSqlInTextAreStoredVerbatim() {
        String title = "<script>alert('x')</script>'; DROP TABLE proposal; --";
        String id = given().contentType(ContentType.JSON)
                .body(VALID.replace("Kabwe zinc-lead recycling", title.replace("'", "\\u0027")))
                .when().post("/api/v1/projects").then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/projects/{id}", id).then().statusCode(200).body("title", equalTo(title));
    }

    private static String abbreviate(String body) {
        return body.length() > 120 ? body.substring(0, 120) + "…(" + body.length() + " chars)" : body;
    }
}
