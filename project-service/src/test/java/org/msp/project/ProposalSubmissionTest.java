package org.msp.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ProposalSubmissionTest {
    static final String PROPOSAL = """
            {"title": "Kabwe zinc-lead recycling", "summary": "Recovering metals from legacy tailings",
             "hostCountry": "ZM", "minerals": ["COPPER", "COBALT"], "valueChainStage": "RECYCLING",
             "sponsor": "Kabwe Metals Ltd", "requestedFinancingUsd": 45000000,
             "disclosure": {"feasibilityStudyPublic": true, "agreementPublic": false, "communityConsultationHeld": true}}
            """;

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void submittingADraftPublishesOneSubmittedCloudEventKeyedByProject() throws Exception {
        String id = given().contentType(ContentType.JSON).body(PROPOSAL)
                .when().post("/api/v1/projects")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("DRAFT"))
                .body("submittingPartner", equalTo("GB"))
                .extract().path("id");

        given().when().post("/api/v1/projects/{id}/submit", id)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil("msp.projects",
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(1, mine.size(), "exactly one event for the project");
        JsonNode event = new ObjectMapper().readTree(mine.get(0).value());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("org.msp.project.submitted.v1", event.get("type").asText());
        assertEquals("/msp/project-service", event.get("source").asText());
        assertEquals(id, event.get("subject").asText());
        assertNotNull(event.get("id").asText());
        assertNotNull(event.get("time").asText());
        assertEquals("ZM", event.get("data").get("hostCountry").asText());
        assertEquals("GB", event.get("data").get("submittingPartner").asText());
    }

    @Test
    void anonymousCannotCreateAProposalAndIsToldWhy() {
        given().contentType(ContentType.JSON).body(PROPOSAL)
                .when().post("/api/v1/projects")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    @TestSecurity(user = "civil-society", roles = "civil-society")
    void aRoleThatMayNotWriteGetsProblemJson403() {
        given().contentType(ContentType.JSON).body(PROPOSAL)
                .when().post("/api/v1/projects")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndCorsStaysClosed() {
        given().header("Origin", "https://evil.example").when().get("/api/v1/projects")
                .then().statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().when().get("/q/health/ready").then().header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
