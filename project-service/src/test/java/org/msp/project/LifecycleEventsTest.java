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
import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.partner.PartnerKind;
import org.msp.events.Mineral;
import org.msp.events.esg.ReviewOutcome;
import org.msp.events.partner.Instrument;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.infra.testing.PoisonEvents;
import org.msp.infra.testing.TableDigest;
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

    @Inject
    ProposalService proposals;
    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;

    String submittedProject(String title) {
        ProposalService.Actor actor = new ProposalService.Actor("gb-officer", "test");
        UUID id = proposals.create(Fixtures.draft(title), "GB", actor).id();
        proposals.submit(id, actor);
        return id.toString();
    }

    /** The facts the other services' events carry about a project made by {@link #submittedProject}. */
    static Facts facts(String id) {
        return Facts.of(UUID.fromString(id), "ZM", "GB", Mineral.COPPER, Mineral.COBALT);
    }

    void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo(status)));
    }

    /** Publishes {@code data} as its producer would and waits until the service has consumed it (it is in the inbox). */
    Inbox.Outcome sendAndAwait(EventData data) {
        return sendAndAwait(CloudEvent.of(data));
    }

    Inbox.Outcome sendAndAwait(CloudEvent<?> event) {
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.outcomeOf(event.source(), event.id()) != null);
        return inbox.outcomeOf(event.source(), event.id());
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void aProjectTravelsFromSubmissionToPrioritisationOnEvents() throws Exception {
        String id = submittedProject("Kabwe zinc-lead recycling");
        UUID review = UUID.randomUUID();
        sendAndAwait(EventSamples.reviewOpened(facts(id), review));
        awaitStatus(id, "ESG_REVIEW");

        CloudEvent<?> completed = CloudEvent.of(EventSamples.reviewCompleted(facts(id), review,
                ReviewOutcome.CLEARED_WITH_CONDITIONS, new BigDecimal("82.5")));
        assertEquals(Inbox.Outcome.APPLIED, sendAndAwait(completed));
        // the same event delivered again, then a poison record, then a good event behind them
        KafkaTestClient.send("msp.esg-reviews", id, EventSamples.json(completed));
        KafkaTestClient.send("msp.esg-reviews", id, "this is not a CloudEvent {");
        sendAndAwait(EventSamples.reviewAssigned(facts(id), review, "jp", "JP"));

        // the duplicate was recognised by the inbox, not merely refused by the lifecycle
        assertEquals(Inbox.Outcome.APPLIED, inbox.outcomeOf(ESG, completed.id()), "the duplicate left the inbox as it was");
        JsonPath project = given().when().get("/api/v1/projects/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals("OPEN_FOR_SUPPORT", project.getString("status"));
        assertEquals("CLEARED_WITH_CONDITIONS", project.getString("esg.outcome"));
        assertEquals("IFC-PS5-1", project.getString("esg.conditions[0].code"));
        List<String> steps = given().when().get("/api/v1/projects/{id}/history", id).then().extract().jsonPath()
                .getList("findAll { it.from != it.to }.to");
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
        sendAndAwait(EventSamples.interest(facts(id), "US", Instrument.LOAN, new BigDecimal("20000000")));

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
        // the list of rounds names this one first, with how many projects it ranked
        given().when().get("/api/v1/prioritisation/rounds").then().statusCode(200)
                .body("[0].id", equalTo(round.getString("id")))
                .body("[0].projects", equalTo(round.getList("ranking").size()));

        List<ConsumerRecord<String, String>> published = KafkaTestClient.readUntil("msp.projects",
                read -> read.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("prioritised.v1")),
                Duration.ofSeconds(30));
        List<String> types = published.stream().filter(r -> id.equals(r.key()))
                .map(r -> type(r.value())).toList();
        // the review's condition became the action plan, announced once
        assertEquals(List.of("org.msp.project.submitted.v1", "org.msp.project.status-changed.v1",
                "org.msp.project.status-changed.v1", "org.msp.project.action-plan-updated.v1",
                "org.msp.project.status-changed.v1",
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
        assertEquals(Inbox.Outcome.SKIPPED, sendAndAwait(EventSamples.reviewOpened(facts(unknown), UUID.randomUUID())));

        String id = submittedProject("Not yet reviewed");
        // completing a review that never opened is not a step the lifecycle allows
        assertEquals(Inbox.Outcome.SKIPPED, sendAndAwait(EventSamples.reviewCompleted(facts(id), UUID.randomUUID(),
                ReviewOutcome.REJECTED, BigDecimal.TEN)));
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("SUBMITTED"));
        given().when().get("/api/v1/projects/{id}/history", id).then().body("to", hasItem("SUBMITTED"))
                .body("size()", equalTo(2));

        // a review opening for a project already withdrawn is skipped and leaves the project untouched
        proposals.withdraw(UUID.fromString(id), new ProposalService.Actor("gb-officer", "test"), "plans changed");
        String etag = given().when().get("/api/v1/projects/{id}", id).then().extract().header("ETag");
        assertEquals(Inbox.Outcome.SKIPPED, sendAndAwait(EventSamples.reviewOpened(facts(id), UUID.randomUUID())));
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("WITHDRAWN"))
                .header("ETag", equalTo(etag));
        given().when().get("/api/v1/projects/{id}/history", id).then().body("size()", equalTo(3));
    }

    @Test
    void eventsOutsideTheContractAreDeadLetteredAtOnceAndChangeNoRow() {
        String id = submittedProject("Refused at the edge");
        sendAndAwait(EventSamples.reviewOpened(facts(id), UUID.randomUUID())); // the consumer is live
        for (String topic : List.of("msp.esg-reviews", "msp.partner-support")) {
            EventData valid = topic.equals("msp.esg-reviews")
                    ? EventSamples.reviewCompleted(facts(id), UUID.randomUUID(), ReviewOutcome.CLEARED, BigDecimal.TEN)
                    : EventSamples.endorsed(facts(id), "US");
            PoisonEvents.assertRefusedAtTheEdge(topic, "msp.dead-letter.project-service", EventSamples.json(valid),
                    () -> TableDigest.of(dataSource, "proposal", "project_history", "standing_endorsement",
                            "partner_interest", "inbox_message"));
        }
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("ESG_REVIEW"));
    }

    @Test
    void theHistoryHeadIsPublishedInEachEventSoDeletingTheNewestEntriesIsDetected() throws Exception {
        String id = submittedProject("Witnessed history");
        List<ConsumerRecord<String, String>> published = KafkaTestClient.readUntil("msp.projects",
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        String witnessed = published.stream().filter(r -> id.equals(r.key())).map(r -> EventSamples.read(r.value()))
                .map(event -> ((org.msp.events.project.HistoryWitness) event.data()).historyHead())
                .findFirst().orElseThrow();
        List<String> hashes = given().when().get("/api/v1/projects/{id}/history", id).then().extract().jsonPath()
                .getList("hash");
        assertEquals(hashes.get(hashes.size() - 1), witnessed, "the submitted event carries the chain's head");
        given().when().get("/api/v1/projects/{id}/history/verify", id).then()
                .body("intact", equalTo(true)).body("headHash", equalTo(witnessed));

        try (Connection c = dataSource.getConnection();
             PreparedStatement truncate = c.prepareStatement(
                     "DELETE FROM project_history WHERE project_id = ? AND seq = (SELECT max(seq) FROM project_history "
                             + "WHERE project_id = ?)")) {
            truncate.setObject(1, UUID.fromString(id));
            truncate.setObject(2, UUID.fromString(id));
            assertEquals(1, truncate.executeUpdate());
        }
        given().when().get("/api/v1/projects/{id}/history/verify", id).then()
                .body("intact", equalTo(false)).body("brokenAtSeq", equalTo(hashes.size()))
                .body("problem", org.hamcrest.Matchers.containsString("entries were deleted"));
    }

    /** Tried on the running platform: DR Congo and Zambia's officers made a project ENDORSED. No longer. */
    @Test
    void onlyMspPartnersCountTowardTheQuorumAProducerCountrysEndorsementIsKeptButNotCounted() {
        String id = submittedProject("Endorsed by producer countries");
        UUID review = UUID.randomUUID();
        sendAndAwait(EventSamples.reviewOpened(facts(id), review));
        sendAndAwait(EventSamples.reviewCompleted(facts(id), review, ReviewOutcome.CLEARED, new BigDecimal("90")));
        awaitStatus(id, "OPEN_FOR_SUPPORT");

        assertEquals(Inbox.Outcome.APPLIED, sendAndAwait(EventSamples.endorsed(facts(id), "CD", PartnerKind.PRODUCER_COUNTRY)));
        assertEquals(Inbox.Outcome.APPLIED, sendAndAwait(EventSamples.endorsed(facts(id), "ZM", PartnerKind.PRODUCER_COUNTRY)));
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("OPEN_FOR_SUPPORT"));

        sendAndAwait(EventSamples.endorsed(facts(id), "US", PartnerKind.MSP_PARTNER));
        given().when().get("/api/v1/projects/{id}", id).then().body("status", equalTo("OPEN_FOR_SUPPORT"));
        sendAndAwait(EventSamples.endorsed(facts(id), "JP", PartnerKind.MSP_PARTNER));
        awaitStatus(id, "ENDORSED");
        given().when().get("/api/v1/projects/{id}/history", id).then().body("reason", org.hamcrest.Matchers.hasItem(
                "2 MSP partners other than the submitting partner endorse it (quorum 2)"));
    }

    void endorse(String id, String partner, String what) {
        sendAndAwait(what.equals("given") ? EventSamples.endorsed(facts(id), partner)
                : EventSamples.endorsementWithdrawn(facts(id), partner));
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
