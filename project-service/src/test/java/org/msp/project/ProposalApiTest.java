package org.msp.project;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import jakarta.inject.Inject;
import org.msp.project.domain.Proposal;
import org.msp.project.service.ProposalService;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Validation, concurrency control and drafts' privacy through the REST API. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ProposalApiTest {

    static String createDraft(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void badFieldsAreRejectedWithProblemJsonNamingEachFieldAndNothingIsWritten() {
        long before = countProposals();
        given().contentType(ContentType.JSON).body("""
                        {"title": "", "summary": "s", "hostCountry": "XX", "minerals": [],
                         "valueChainStage": "EXTRACTION", "sponsor": "s", "requestedFinancingUsd": -5,
                         "disclosure": {"feasibilityStudyPublic": true, "agreementPublic": true}}""")
                .when().post("/api/v1/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("title", "hostCountry", "minerals", "requestedFinancingUsd",
                        "disclosure.communityConsultationHeld"));
        given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL.replace("\"LITHIUM\"", "\"LITHIUM\"")
                        .replace("\"RECYCLING\"", "\"SMELTING\""))
                .when().post("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("valueChainStage"));
        given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL.replace("{\"title\"",
                        "{\"submittingPartner\": \"US\", \"title\""))
                .when().post("/api/v1/projects")
                .then().statusCode(403).contentType("application/problem+json") // acting for another country
                .body("detail", containsString("submittingPartner"));
        given().contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("malformed JSON"));
        given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL.replace("45000000", "1e15"))
                .when().post("/api/v1/projects")
                .then().statusCode(400).body("errors.field", hasItem("requestedFinancingUsd"));
        given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL.replace("Kabwe zinc-lead recycling",
                        "x".repeat(201)))
                .when().post("/api/v1/projects")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        // fields the server owns, or does not know, are refused rather than silently dropped
        given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL.replace("{\"title\"",
                        "{\"status\": \"PRIORITISED\", \"title\""))
                .when().post("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("status"));
        given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL.replace("{\"title\"",
                        "{\"fundingSecured\": true, \"title\""))
                .when().post("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("fundingSecured"));
        assertEquals(before, countProposals(), "rejected requests write nothing");
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void editingADraftNeedsAFreshIfMatch() {
        String id = createDraft(ProposalSubmissionTest.PROPOSAL);
        String etag = given().when().get("/api/v1/projects/{id}", id).then().statusCode(200).extract().header("ETag");
        String edited = ProposalSubmissionTest.PROPOSAL.replace("Kabwe zinc-lead recycling", "Kabwe tailings recovery");

        given().contentType(ContentType.JSON).body(edited).when().put("/api/v1/projects/{id}", id)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(edited)
                .when().put("/api/v1/projects/{id}", id)
                .then().statusCode(200).body("title", equalTo("Kabwe tailings recovery"));
        given().contentType(ContentType.JSON).header("If-Match", etag).body(edited)
                .when().put("/api/v1/projects/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");
        // the history names who edited the draft, once, for the one edit that went through
        given().when().get("/api/v1/projects/{id}/history", id).then().statusCode(200)
                .body("reason", equalTo(List.of("draft created", "draft edited")))
                .body("[1].actor", equalTo("zm-officer")).body("[1].to", equalTo("DRAFT"));
        given().when().get("/api/v1/projects/{id}/history/verify", id).then().body("intact", equalTo(true));
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aSubmittedProjectCannotBeEditedOrSubmittedAgain() {
        String id = createDraft(ProposalSubmissionTest.PROPOSAL);
        given().when().post("/api/v1/projects/{id}/submit", id).then().statusCode(200);
        String etag = given().when().get("/api/v1/projects/{id}", id).then().extract().header("ETag");
        given().when().post("/api/v1/projects/{id}/submit", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(ProposalSubmissionTest.PROPOSAL)
                .when().put("/api/v1/projects/{id}", id).then().statusCode(409);
        given().when().get("/api/v1/projects/{id}/history", id)
                .then().statusCode(200).body("size()", equalTo(2)).body("[1].to", equalTo("SUBMITTED"));

        // the refused commands published nothing: behind the submitted event comes the withdrawal's, next
        given().contentType(ContentType.JSON).body("{\"reason\": \"plans changed\"}")
                .when().post("/api/v1/projects/{id}/withdraw", id).then().statusCode(200);
        List<String> published = KafkaTestClient.readUntil("msp.projects",
                        read -> read.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("WITHDRAWN")),
                        Duration.ofSeconds(30)).stream()
                .filter(r -> id.equals(r.key())).map(r -> LifecycleEventsTest.type(r.value())).toList();
        assertEquals(List.of("org.msp.project.submitted.v1", "org.msp.project.status-changed.v1"), published);
    }

    @Inject
    ProposalService proposals;

    @Test
    void draftsAreNotPublicButSubmittedProjectsAre() {
        ProposalService.Actor actor = new ProposalService.Actor("zm-officer", "test");
        String draft = proposals.create(Fixtures.draft("Private draft"), "ZM", actor).id().toString();
        String submitted = proposals.create(Fixtures.draft("Public project"), "ZM", actor).id().toString();
        proposals.submit(UUID.fromString(submitted), actor);

        given().when().get("/api/v1/projects/{id}", draft).then().statusCode(404);
        given().when().get("/api/v1/projects/{id}/history", draft).then().statusCode(404);
        given().when().get("/api/v1/projects/{id}", submitted).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().when().get("/api/v1/projects?hostCountry=ZM&size=100")
                .then().statusCode(200)
                .body("items.id", hasItem(submitted))
                .body("items.id", not(hasItem(draft)));
        // free-text search over title, summary and sponsor, word by word, with the stage filter
        String word = "kabwe" + UUID.randomUUID().toString().substring(0, 6); // a word no other test's project has
        String searched = proposals.create(Fixtures.draft(word.toUpperCase() + " tailings re-processing"), "ZM", actor)
                .id().toString();
        proposals.submit(UUID.fromString(searched), actor);
        String stage = given().when().get("/api/v1/projects/{id}", searched).then().extract().path("valueChainStage");
        given().when().get("/api/v1/projects?q=" + word + " TAILINGS&size=100")
                .then().statusCode(200).body("items.id", equalTo(List.of(searched)));
        given().when().get("/api/v1/projects?q=" + word + "&valueChainStage=" + stage + "&size=100")
                .then().statusCode(200).body("items.id", equalTo(List.of(searched)));
        given().when().get("/api/v1/projects?q=" + word + "&valueChainStage="
                        + (stage.equals("EXPLORATION") ? "RECYCLING" : "EXPLORATION") + "&size=100")
                .then().statusCode(200).body("total", equalTo(0));
        given().when().get("/api/v1/projects?q=100%25&size=100").then().statusCode(200).body("total", equalTo(0));
        given().when().get("/api/v1/projects?valueChainStage=SMELTING")
                .then().statusCode(400).body("errors.field", hasItem("valueChainStage"));
        given().when().get("/api/v1/projects?status=BOGUS")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().when().get("/api/v1/projects?size=1000")
                .then().statusCode(400).body("errors.field", hasItem("size"));
    }

    static long countProposals() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Proposal.count());
    }
}
