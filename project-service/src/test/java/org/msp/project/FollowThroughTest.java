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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.events.esg.ReviewOutcome;
import org.msp.events.project.ActionItemStatus;
import org.msp.events.project.DocumentType;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.platform.inbox.Inbox;
import org.msp.project.documents.DocumentService;
import org.msp.project.domain.Disclosure;
import org.msp.project.domain.ProposalDraft;
import org.msp.project.domain.ValueChainStage;
import org.msp.project.service.ProposalService;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What follows the review (SPEC §11), on real events: the conditions become a public action plan that
 * only a reviewer of a third country verifies, the host government consents or objects in public, the
 * first commitment finances a prioritised project and an overridden condition stays on the record.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class FollowThroughTest {
    static final ProposalService.Actor GB_OFFICER = new ProposalService.Actor("gb-officer", "test");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ProposalService proposals;
    @Inject
    DocumentService documents;
    @Inject
    Inbox inbox;

    /** A project hosted in {@code host}, submitted by {@code partner}, cleared with one critical condition. */
    String clearedWithConditions(String title, String host, String partner) {
        ProposalService.Actor actor = new ProposalService.Actor(partner.toLowerCase() + "-officer", "test");
        UUID id = proposals.create(new ProposalDraft(title, "A test proposal", host, List.of(
                org.msp.project.domain.Mineral.COBALT), ValueChainStage.PROCESSING, "Test Sponsor",
                new BigDecimal("45000000"), new Disclosure(true, false, true)), partner, actor).id();
        proposals.submit(id, actor);
        UUID review = UUID.randomUUID();
        sendAndAwait(EventSamples.reviewOpened(facts(id, host, partner), review));
        sendAndAwait(EventSamples.reviewCompleted(facts(id, host, partner), review,
                ReviewOutcome.CLEARED_WITH_CONDITIONS, new BigDecimal("78.5")));
        return id.toString();
    }

    static Facts facts(UUID id, String host, String partner) {
        return Facts.of(id, host, partner, Mineral.COBALT);
    }

    static Facts facts(String id) {
        return facts(UUID.fromString(id), "ZM", "GB");
    }

    void sendAndAwait(EventData data) {
        CloudEvent<?> event = CloudEvent.of(data);
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.outcomeOf(event.source(), event.id()) != null);
    }

    String publishedStudy(String projectId) throws Exception {
        Path file = Files.createTempFile("evidence", ".pdf");
        Files.write(file, DocumentsTest.pdf(4000));
        try {
            return documents.publish(UUID.fromString(projectId), new DocumentService.NewDocument(
                    DocumentType.environmentalImpact, "Resettlement action plan, as agreed", "en", "application/pdf",
                    null), file, GB_OFFICER).id.toString();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The newest event of {@code type} published about the project. */
    static JsonNode lastEvent(String projectId, String type, java.util.function.Predicate<JsonNode> until) {
        List<ConsumerRecord<String, String>> read = KafkaTestClient.readUntil("msp.projects", records -> records.stream()
                .anyMatch(r -> projectId.equals(r.key()) && r.value().contains(type) && until.test(tree(r.value()))),
                Duration.ofSeconds(30));
        return read.stream().filter(r -> projectId.equals(r.key()) && r.value().contains(type))
                .map(r -> tree(r.value())).filter(until).reduce((a, b) -> b).orElseThrow();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @TestSecurity(user = "jp-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "JP"))
    void theConditionsBecomeAPublicActionPlanThatAThirdCountryReviewerVerifies() throws Exception {
        String id = clearedWithConditions("Kitwe cobalt refinery", "ZM", "GB");
        JsonPath plan = given().when().get("/api/v1/projects/{id}/action-plan", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(EventSamples.SAMPLE_CONDITION), plan.getList("items.code"));
        assertEquals("SCHEDULED", plan.getString("items[0].status"));
        assertEquals(true, plan.getBoolean("items[0].critical"));
        assertEquals("Test Sponsor", plan.getString("items[0].responsibleParty"), "the sponsor answers for it at first");
        assertEquals(LocalDate.now().plusDays(180).toString(), plan.getString("items[0].dueDate"));
        assertEquals(1, plan.getInt("criticalUnmet"));
        JsonNode drawn = lastEvent(id, "action-plan-updated", e -> true);
        assertTrue(drawn.path("data").path("changedItem").isMissingNode() || drawn.path("data").path("changedItem").isNull(),
                "a freshly drawn plan names no changed item");
        assertEquals("SCHEDULED", drawn.path("data").path("items").path(0).path("status").asText());

        String code = EventSamples.SAMPLE_CONDITION;
        Map<String, Object> met = Map.of("status", "MET", "note", "Plan published and agreed with the community");
        // "met" needs the document that shows it
        given().contentType(ContentType.JSON).body(met).when()
                .post("/api/v1/projects/{id}/action-plan/{code}/verification", id, code)
                .then().statusCode(409).body("errors[0].field", equalTo("evidenceDocumentId"));
        String evidence = publishedStudy(id);
        proposals.planActionItem(UUID.fromString(id), code, new ProposalService.ItemPlan("Kitwe Refining Ltd",
                LocalDate.now().plusDays(90), UUID.fromString(evidence)), GB_OFFICER);

        given().contentType(ContentType.JSON).body(Map.of("status", "SCHEDULED")).when()
                .post("/api/v1/projects/{id}/action-plan/{code}/verification", id, code)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().contentType(ContentType.JSON).body(met).when()
                .post("/api/v1/projects/{id}/action-plan/NO-SUCH-ITEM/verification", id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(met).when()
                .post("/api/v1/projects/{id}/action-plan/{code}/verification", id, code)
                .then().statusCode(200).body("status", equalTo("MET")).body("verifiedBy", equalTo("JP"))
                .body("evidenceDocumentId", equalTo(evidence)).body("responsibleParty", equalTo("Kitwe Refining Ltd"));

        given().when().get("/api/v1/projects/{id}/action-plan", id).then().body("criticalUnmet", equalTo(0))
                .body("overdue", equalTo(0));
        JsonNode verified = lastEvent(id, "action-plan-updated", e -> code.equals(e.path("data").path("changedItem")
                .asText()) && "MET".equals(e.path("data").path("items").path(0).path("status").asText()));
        assertEquals("JP", verified.path("data").path("items").path(0).path("verifiedBy").asText());
        given().when().get("/api/v1/projects/{id}/history", id).then()
                .body("reason.last()", equalTo("action plan: " + code + " verified MET by a reviewer from JP: "
                        + "Plan published and agreed with the community"));
        given().when().get("/api/v1/projects/{id}/history/verify", id).then().body("intact", equalTo(true));
    }

    @Test
    void aRejectedProjectHasNoActionPlan() {
        ProposalService.Actor actor = new ProposalService.Actor("gb-officer", "test");
        UUID id = proposals.create(Fixtures.draft("Rejected refinery"), "GB", actor).id();
        proposals.submit(id, actor);
        UUID review = UUID.randomUUID();
        sendAndAwait(EventSamples.reviewOpened(facts(id.toString()), review));
        sendAndAwait(EventSamples.reviewCompleted(facts(id.toString()), review, ReviewOutcome.REJECTED, BigDecimal.TEN));
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("ESG_REJECTED"));
        given().when().get("/api/v1/projects/{id}/action-plan", id).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "zm-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void neitherTheHostsNorTheSubmittersReviewersVerifyTheirOwnGovernmentsConditions() {
        String hostedInZambia = clearedWithConditions("Ndola cobalt refinery", "ZM", "GB");
        String submittedByZambia = clearedWithConditions("Likasi cobalt refinery", "CD", "ZM");
        for (String id : List.of(hostedInZambia, submittedByZambia)) {
            given().contentType(ContentType.JSON).body(Map.of("status", "NOT_MET")).when()
                    .post("/api/v1/projects/{id}/action-plan/{code}/verification", id, EventSamples.SAMPLE_CONDITION)
                    .then().statusCode(409).body("errors[0].field", equalTo("verifiedBy"))
                    .body("detail", containsString("a reviewer of a third country"));
            given().when().get("/api/v1/projects/{id}/action-plan", id).then()
                    .body("items[0].status", equalTo("SCHEDULED")).body("items[0].verifiedBy", nullValue());
        }
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void theSubmittingPartnerPlansEachConditionAndAnOverdueOneIsFlagged() throws Exception {
        String id = clearedWithConditions("Solwezi cobalt refinery", "ZM", "GB");
        String code = EventSamples.SAMPLE_CONDITION;
        String path = "/api/v1/projects/{id}/action-plan/{code}";
        given().contentType(ContentType.JSON).body(Map.of("responsibleParty", "Sponsor", "dueDate", "2030-01-01",
                "evidenceDocumentId", UUID.randomUUID().toString())).when().put(path, id, code)
                .then().statusCode(400).body("errors[0].field", equalTo("evidenceDocumentId"));
        given().contentType(ContentType.JSON).body(Map.of("responsibleParty", " ", "dueDate", "2030-01-01"))
                .when().put(path, id, code).then().statusCode(400).body("errors[0].field", containsString("responsibleParty"));
        given().contentType(ContentType.JSON).body(Map.of("responsibleParty", "Sponsor", "dueDate", "next spring"))
                .when().put(path, id, code).then().statusCode(400);
        // a due date already past is the partner's own statement, and the plan shows it as overdue
        given().contentType(ContentType.JSON).body(Map.of("responsibleParty", "Ministry of Mines",
                "dueDate", LocalDate.now().minusDays(3).toString())).when().put(path, id, code)
                .then().statusCode(200).body("overdue", equalTo(true)).body("responsibleParty", equalTo("Ministry of Mines"));
        given().when().get("/api/v1/projects/{id}/action-plan", id).then().body("overdue", equalTo(1));

        String evidence = publishedStudy(id);
        proposals.planActionItem(UUID.fromString(id), code, new ProposalService.ItemPlan("Ministry of Mines",
                LocalDate.now().minusDays(3), UUID.fromString(evidence)), GB_OFFICER);
        proposals.verifyActionItem(UUID.fromString(id), code, ActionItemStatus.MET, "JP", null,
                new ProposalService.Actor("jp-reviewer", "test"));
        given().when().get("/api/v1/projects/{id}/action-plan", id).then().body("overdue", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("responsibleParty", "Someone else", "dueDate", "2030-01-01"))
                .when().put(path, id, code).then().statusCode(409).body("errors[0].field", equalTo("code"));
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void theHostGovernmentConsentsOrObjectsInPublic() {
        String id = clearedWithConditions("Chingola cobalt refinery", "ZM", "GB");
        String path = "/api/v1/projects/{id}/host-consent";
        given().contentType(ContentType.JSON).body(Map.of("consent", "OBJECTED")).when().put(path, id)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("consent", "MAYBE")).when().put(path, id)
                .then().statusCode(400).body("errors[0].field", containsString("consent"));
        String reason = "No agreement with the affected communities yet";
        given().contentType(ContentType.JSON).body(Map.of("consent", "OBJECTED", "reason", reason)).when().put(path, id)
                .then().statusCode(200).body("hostConsent.consent", equalTo("OBJECTED"))
                .body("hostConsent.reason", equalTo(reason));
        int entries = given().when().get("/api/v1/projects/{id}/history", id).then().extract().jsonPath().getList("$").size();
        // the same statement again records nothing new
        given().contentType(ContentType.JSON).body(Map.of("consent", "OBJECTED", "reason", reason)).when().put(path, id)
                .then().statusCode(200);
        given().when().get("/api/v1/projects/{id}/history", id).then().body("size()", equalTo(entries))
                .body("reason.last()", equalTo("the host government (ZM) objected: " + reason));
        JsonNode objected = lastEvent(id, "host-consent-recorded", e -> true);
        assertEquals("OBJECTED", objected.path("data").path("consent").asText());
        assertEquals(reason, objected.path("data").path("reason").asText());

        given().contentType(ContentType.JSON).body(Map.of("consent", "CONSENTED")).when().put(path, id)
                .then().statusCode(200).body("hostConsent.consent", equalTo("CONSENTED"));
        lastEvent(id, "host-consent-recorded", e -> "CONSENTED".equals(e.path("data").path("consent").asText()));

        // only the host's own officer speaks for it, and not for a draft
        String inCongo = clearedWithConditions("Kolwezi cobalt refinery", "CD", "GB");
        given().contentType(ContentType.JSON).body(Map.of("consent", "CONSENTED")).when().put(path, inCongo)
                .then().statusCode(403);
        String ownDraft = proposals.create(Fixtures.draft("Zambian draft"), "ZM",
                new ProposalService.Actor("zm-officer", "test")).id().toString();
        given().contentType(ContentType.JSON).body(Map.of("consent", "CONSENTED")).when().put(path, ownDraft)
                .then().statusCode(409).body("errors[0].field", equalTo("consent"));
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void theFirstCommitmentFinancesAPrioritisedProjectAndAnOverrideStaysOnTheRecord() {
        String id = clearedWithConditions("Mufulira cobalt refinery", "ZM", "GB");
        Facts facts = facts(UUID.fromString(id), "ZM", "GB");
        UUID partnership = UUID.randomUUID();
        sendAndAwait(EventSamples.partnershipNamed(facts, partnership, "UK-US critical minerals MOU"));
        given().when().get("/api/v1/projects/{id}", id).then().body("partnership.id", equalTo(partnership.toString()))
                .body("partnership.name", equalTo("UK-US critical minerals MOU"))
                .body("partnership.kind", equalTo("MEMORANDUM_OF_UNDERSTANDING"));

        // a commitment before prioritisation is recorded, but finances nothing yet
        UUID early = UUID.randomUUID();
        sendAndAwait(EventSamples.commitment(facts, early, "US", new BigDecimal("1000000.00")));
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("OPEN_FOR_SUPPORT"));

        sendAndAwait(EventSamples.endorsed(facts, "US"));
        sendAndAwait(EventSamples.endorsed(facts, "EU"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("ENDORSED")));
        given().when().post("/api/v1/prioritisation/rounds").then().statusCode(201);
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("PRIORITISED"));

        UUID commitment = UUID.randomUUID();
        sendAndAwait(EventSamples.commitment(facts, commitment, "GB", new BigDecimal("20000000.00")));
        sendAndAwait(EventSamples.commitment(facts, UUID.randomUUID(), "JP", new BigDecimal("5000000.00")));
        String reason = "Tranche pays for the resettlement itself";
        sendAndAwait(EventSamples.disbursement(facts, commitment, "GB", new BigDecimal("5000000.00"), reason));

        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("FINANCED"));
        JsonPath history = given().when().get("/api/v1/projects/{id}/history", id).then().extract().jsonPath();
        List<Map<String, Object>> entries = history.getList("$");
        Map<String, Object> financed = entries.stream().filter(e -> "FINANCED".equals(e.get("to"))
                && "PRIORITISED".equals(e.get("from"))).findFirst().orElseThrow();
        assertEquals("first financing commitment: GB, USD 20000000.00", financed.get("reason"));
        assertEquals(1, entries.stream().filter(e -> "PRIORITISED".equals(e.get("from")) && "FINANCED".equals(e.get("to")))
                .count(), "the second commitment finances nothing again");
        assertTrue(entries.stream().anyMatch(e -> String.valueOf(e.get("reason")).startsWith("US committed USD 1000000.00")));
        assertTrue(String.valueOf(entries.get(entries.size() - 1).get("reason")).endsWith(
                "tied to " + EventSamples.SAMPLE_CONDITION + "; OVERRIDE of unmet critical condition "
                        + EventSamples.SAMPLE_CONDITION + ": " + reason));
        JsonNode statusChanged = lastEvent(id, "status-changed", e -> "FINANCED".equals(e.path("data").path("to").asText()));
        assertEquals("PRIORITISED", statusChanged.path("data").path("from").asText());
        given().when().get("/api/v1/projects/{id}/history/verify", id).then().body("intact", equalTo(true));
    }
}
