package org.msp.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.infra.testing.TestEvents;
import org.msp.platform.inbox.Inbox;
import org.msp.project.service.ProposalService;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project driven by real events on the real broker, from submission to prioritisation, with
 * duplicates, poison messages and a tampered history along the way.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class LifecycleEventsTest {
    static final String ESG = "/msp/esg-review-service";
    static final String PARTNERS = "/msp/partner-service";

    @Inject
    ProposalService proposals;
    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;

    String submittedProject(String title) {
        ProposalService.Actor actor = new ProposalService.Actor("gb-officer", "test");
        UUID id = proposals.create(Fixtures.draft(title), "GB", actor).id;
        proposals.submit(id, actor);
        return id.toString();
    }

    void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo(status)));
    }

    /** Sends an event and waits until the service has consumed it (it is in the inbox). */
    Inbox.Outcome sendAndAwait(String topic, String source, String eventId, String type, String subject, String data) {
        KafkaTestClient.send(topic, subject, TestEvents.cloudEvent(eventId, source, type, subject, data));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.outcomeOf(source, eventId) != null);
        return inbox.outcomeOf(source, eventId);
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void aProjectTravelsFromSubmissionToPrioritisationOnEvents() throws Exception {
        String id = submittedProject("Kabwe zinc-lead recycling");
        String review = "{\"reviewId\":\"r-1\",\"projectId\":\"" + id + "\"}";
        sendAndAwait("msp.esg-reviews", ESG, UUID.randomUUID().toString(), "org.msp.esg.review-opened.v1", id, review);
        awaitStatus(id, "ESG_REVIEW");

        String completed = "{\"reviewId\":\"r-1\",\"projectId\":\"" + id + "\",\"outcome\":\"CLEARED_WITH_CONDITIONS\","
                + "\"score\":82.5,\"riskCategory\":\"B\",\"conditions\":[{\"code\":\"IFC-PS5\",\"title\":\"Resettlement\","
                + "\"rating\":\"PARTIAL\",\"comment\":\"resettlement plan to be published\"}]}";
        String completedId = UUID.randomUUID().toString();
        assertEquals(Inbox.Outcome.APPLIED, sendAndAwait("msp.esg-reviews", ESG, completedId,
                "org.msp.esg.review-completed.v1", id, completed));
        // the same event delivered again, then a poison record, then a good event behind them
        KafkaTestClient.send("msp.esg-reviews", id, TestEvents.cloudEvent(completedId, ESG,
                "org.msp.esg.review-completed.v1", id, completed));
        KafkaTestClient.send("msp.esg-reviews", id, "this is not a CloudEvent {");
        sendAndAwait("msp.esg-reviews", ESG, UUID.randomUUID().toString(), "org.msp.esg.review-assigned.v1", id,
                "{\"reviewId\":\"r-1\",\"projectId\":\"" + id + "\",\"reviewer\":\"jp\",\"reviewerCountry\":\"JP\"}");

        // the duplicate was recognised by the inbox, not merely refused by the lifecycle
        assertEquals(Inbox.Outcome.APPLIED, inbox.outcomeOf(ESG, completedId), "the duplicate left the inbox as it was");
        JsonPath project = given().when().get("/api/v1/projects/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals("OPEN_FOR_SUPPORT", project.getString("status"));
        assertEquals("CLEARED_WITH_CONDITIONS", project.getString("esg.outcome"));
        assertEquals("IFC-PS5", project.getString("esg.conditions[0].code"));
        List<String> steps = given().when().get("/api/v1/projects/{id}/history", id).then().extract().jsonPath()
                .getList("to");
        assertEquals(List.of("DRAFT", "SUBMITTED", "ESG_REVIEW", "OPEN_FOR_SUPPORT"), steps, "moved exactly once");
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil("msp.dead-letter.project-service",
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        assertTrue(dead.stream().anyMatch(r -> r.value().startsWith("this is not a CloudEvent")), "poison on the DLQ");

        // the submitting partner's own endorsement does not count towards the quorum of 2
        endorse(id, "GB", "given");
        endorse(id, "US", "given");
        awaitStatus(id, "OPEN_FOR_SUPPORT");
        endorse(id, "EU", "given");
        awaitStatus(id, "ENDORSED");
        endorse(id, "EU", "withdrawn");
        awaitStatus(id, "OPEN_FOR_SUPPORT");
        endorse(id, "JP", "given");
        awaitStatus(id, "ENDORSED");
        sendAndAwait("msp.partner-support", PARTNERS, UUID.randomUUID().toString(),
                "org.msp.partner.interest-expressed.v1", id, "{\"projectId\":\"" + id + "\",\"partner\":\"US\","
                        + "\"instrument\":\"LOAN\",\"indicativeAmountUsd\":20000000,\"note\":\"DFC\"}");

        JsonPath ranking = given().when().get("/api/v1/prioritisation").then().statusCode(200).extract().jsonPath();
        assertTrue(ranking.getList("ranking.projectId").contains(id));

        JsonPath round = given().when().post("/api/v1/prioritisation/rounds").then().statusCode(201).extract().jsonPath();
        int position = round.getList("ranking.projectId").indexOf(id);
        assertTrue(position >= 0);
        BigDecimal score = new BigDecimal(round.getString("ranking[" + position + "].score"));
        BigDecimal sum = round.getList("ranking[" + position + "].breakdown.points", String.class).stream()
                .map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, score.compareTo(sum), "the breakdown adds up to the score");
        given().when().get("/api/v1/projects/{id}", id).then()
                .body("status", equalTo("PRIORITISED")).body("priority.rank", equalTo(position + 1));

        List<ConsumerRecord<String, String>> published = KafkaTestClient.readUntil("msp.projects",
                read -> read.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("prioritised.v1")),
                Duration.ofSeconds(30));
        List<String> types = published.stream().filter(r -> id.equals(r.key()))
                .map(r -> type(r.value())).toList();
        assertEquals(List.of("org.msp.project.submitted.v1", "org.msp.project.status-changed.v1",
                "org.msp.project.status-changed.v1", "org.msp.project.status-changed.v1",
                "org.msp.project.status-changed.v1", "org.msp.project.status-changed.v1",
                "org.msp.project.prioritised.v1"), types, "one event per transition, in order");

        given().when().get("/api/v1/projects/{id}/history/verify", id).then().body("intact", equalTo(true));
        try (Connection c = dataSource.getConnection();
             PreparedStatement tamper = c.prepareStatement(
                     "UPDATE project_history SET reason = 'nothing happened' WHERE project_id = ? AND seq = 3")) {
            tamper.setObject(1, UUID.fromString(id));
            assertEquals(1, tamper.executeUpdate());
        }
        given().when().get("/api/v1/projects/{id}/history/verify", id).then()
                .body("intact", equalTo(false)).body("brokenAtSeq", equalTo(3));
    }

    @Test
    void eventsForUnknownProjectsOrImpossibleStepsAreRecordedAndSkipped() {
        String unknown = UUID.randomUUID().toString();
        assertEquals(Inbox.Outcome.SKIPPED, sendAndAwait("msp.esg-reviews", ESG, UUID.randomUUID().toString(),
                "org.msp.esg.review-opened.v1", unknown, "{\"reviewId\":\"r\",\"projectId\":\"" + unknown + "\"}"));

        String id = submittedProject("Not yet reviewed");
        // completing a review that never opened is not a step the lifecycle allows
        assertEquals(Inbox.Outcome.SKIPPED, sendAndAwait("msp.esg-reviews", ESG, UUID.randomUUID().toString(),
                "org.msp.esg.review-completed.v1", id, "{\"reviewId\":\"r\",\"projectId\":\"" + id
                        + "\",\"outcome\":\"REJECTED\",\"score\":10,\"conditions\":[]}"));
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("SUBMITTED"));
        given().when().get("/api/v1/projects/{id}/history", id).then().body("to", hasItem("SUBMITTED"))
                .body("size()", equalTo(2));

        // a review opening for a project already withdrawn is skipped and leaves the project untouched
        proposals.withdraw(UUID.fromString(id), new ProposalService.Actor("gb-officer", "test"), "plans changed");
        String etag = given().when().get("/api/v1/projects/{id}", id).then().extract().header("ETag");
        assertEquals(Inbox.Outcome.SKIPPED, sendAndAwait("msp.esg-reviews", ESG, UUID.randomUUID().toString(),
                "org.msp.esg.review-opened.v1", id, "{\"reviewId\":\"r-late\",\"projectId\":\"" + id + "\"}"));
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("WITHDRAWN"))
                .header("ETag", equalTo(etag));
        given().when().get("/api/v1/projects/{id}/history", id).then().body("size()", equalTo(3));
    }

    void endorse(String id, String partner, String what) {
        sendAndAwait("msp.partner-support", PARTNERS, UUID.randomUUID().toString(),
                "org.msp.partner.endorsement-" + what + ".v1", id,
                "{\"projectId\":\"" + id + "\",\"partner\":\"" + partner + "\"}");
    }

    static String type(String json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            assertNotNull(node.get("type"));
            assertFalse(node.get("id").asText().isBlank());
            return node.get("type").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
