package org.msp.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.Tokens;
import org.msp.infra.testing.WebhookReceiver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline as its users live it, on the real platform (see {@link ProcessPlatform}), through public
 * HTTP APIs only and with real Keycloak tokens. The steps run in order and share one platform: a
 * ZM-hosted project goes from proposal to PRIORITISED while a civil-society webhook and a feed reader
 * watch; then a second project is rejected by a failed critical checklist item.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(1) // first: it expects an empty feed and only its own events
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What the webhook must receive for the first project, one group per step of the story. Events
     * of one step may cross topics, so only the order of the steps is fixed, not the order within one.
     */
    private static final List<Set<String>> WEBHOOK_STEPS = List.of(
            Set.of("project.submitted", "esg.review-opened", "project.status-changed:ESG_REVIEW"),
            Set.of("esg.review-assigned:JP"),
            Set.of("esg.review-completed:CLEARED_WITH_CONDITIONS", "project.status-changed:OPEN_FOR_SUPPORT",
                    "project.action-plan-updated"),
            Set.of("partner.endorsement-given:CD", "partner.interest-expressed:US", "partner.endorsement-given:US",
                    "partner.interest-expressed:EU", "partner.endorsement-given:EU",
                    "project.status-changed:ENDORSED"),
            Set.of("project.prioritised"));

    private ProcessPlatform platform;
    private Tokens tokens;
    private WebhookReceiver webhook;
    private String subscriptionId;
    private String subscriptionSecret;
    private String projectId;

    @BeforeAll
    void startPlatform() {
        platform = SharedPlatform.get();
        tokens = SharedPlatform.tokens();
        webhook = new WebhookReceiver();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterAll
    void stopWebhook() {
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("1. civil society subscribes a webhook to projects in Zambia, and reads the Atom feed")
    void civilSocietyFollowsZambia() throws Exception {
        Response created = anonymous().contentType(ContentType.JSON)
                .body(Map.of("channel", "WEBHOOK", "target", webhook.url(),
                        "filter", Map.of("countries", List.of("ZM"))))
                .post(url(ProcessPlatform.NOTIFICATIONS, "/subscriptions"));
        created.then().statusCode(201).body("secret", startsWith("mspsub_"));
        subscriptionId = created.path("id");
        subscriptionSecret = created.path("secret");

        byte[] feed = anonymous().get(url(ProcessPlatform.NOTIFICATIONS, "/feed.atom"))
                .then().statusCode(200).contentType(startsWith("application/atom+xml")).extract().asByteArray();
        AtomFeed.parse(feed); // a valid, still empty, Atom 1.0 feed
    }

    @Test
    @Order(2)
    @DisplayName("2. the GB officer creates and submits a proposal hosted in Zambia")
    void gbOfficerSubmitsProposal() {
        anonymous().contentType(ContentType.JSON).body(proposal("Anonymous", "ZM"))
                .post(url(ProcessPlatform.PROJECTS, "/projects")).then().statusCode(401);

        Response created = as("gb-officer").contentType(ContentType.JSON)
                .body(proposal("Kabwe zinc-lead recycling", "ZM"))
                .post(url(ProcessPlatform.PROJECTS, "/projects"));
        created.then().statusCode(201).header("Location", notNullValue())
                .body("status", is("DRAFT"), "submittingPartner", is("GB"));
        projectId = created.path("id");

        as("gb-officer").post(url(ProcessPlatform.PROJECTS, "/projects/" + projectId + "/submit"))
                .then().statusCode(200).body("status", is("SUBMITTED"));
    }

    @Test
    @Order(3)
    @DisplayName("3. a review opens by itself; the ZM reviewer is refused; the JP reviewer clears it with conditions")
    void reviewClearsWithConditions() {
        String reviewId = awaitReviewOf(projectId);
        awaitProjectStatus(projectId, "ESG_REVIEW");
        awaitWebhookSteps(1);

        as("zm-reviewer").post(url(ProcessPlatform.REVIEWS, "/reviews/" + reviewId + "/assignment"))
                .then().statusCode(409); // Zambia hosts the project: conflict of interest
        as("jp-reviewer").post(url(ProcessPlatform.REVIEWS, "/reviews/" + reviewId + "/assignment"))
                .then().statusCode(200).body("reviewerCountry", is("JP"), "status", is("ASSIGNED"));
        awaitWebhookSteps(2);

        List<Map<String, Object>> items = itemsOf(reviewId);
        String partialCode = items.stream().filter(item -> !(Boolean) item.get("critical"))
                .map(item -> (String) item.get("code")).findFirst().orElseThrow();
        for (Map<String, Object> item : items) {
            String code = (String) item.get("code");
            Map<String, Object> rating = code.equals(partialCode)
                    ? Map.of("rating", "PARTIAL", "evidence", "ESIA draft of 2025",
                            "comment", "Publish the final ESIA before first disbursement")
                    : Map.of("rating", "MEETS", "evidence", "Documents checked on site");
            as("jp-reviewer").contentType(ContentType.JSON).body(rating)
                    .put(url(ProcessPlatform.REVIEWS, "/reviews/" + reviewId + "/items/" + code))
                    .then().statusCode(200);
        }

        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("riskCategory", "B"))
                .post(url(ProcessPlatform.REVIEWS, "/reviews/" + reviewId + "/complete"))
                .then().statusCode(200)
                .body("outcome", is("CLEARED_WITH_CONDITIONS"), "score", lessThan(100f),
                        "conditions.code", hasItem(partialCode));
        awaitWebhookSteps(3);
    }

    @Test
    @Order(4)
    @DisplayName("4. the project opens for support; ZM cannot endorse as US; DR Congo's endorsement is shown but not counted; US and EU endorse; it is ENDORSED")
    void partnersEndorse() {
        awaitProjectStatus(projectId, "OPEN_FOR_SUPPORT");
        as("gb-officer").get(url(ProcessPlatform.PROJECTS, "/projects/" + projectId)).then()
                .body("esg.outcome", is("CLEARED_WITH_CONDITIONS"), "esg.conditions.size()", is(1));
        awaitSupportStatus(projectId, "OPEN_FOR_SUPPORT");

        // a partner acts only as itself
        as("zm-officer").contentType(ContentType.JSON).body(Map.of("partner", "US"))
                .put(url(ProcessPlatform.PARTNERS, "/projects/" + projectId + "/endorsement"))
                .then().statusCode(403).body("detail", containsString("acts only for its own country"));

        // a producer country's endorsement is recorded and shown, but only MSP partners make the quorum
        endorse("cd-officer", projectId).then().statusCode(201);
        expressInterest("us-officer", projectId, "LOAN", 20_000_000).then().statusCode(201);
        endorse("us-officer", projectId).then().statusCode(201);
        expressInterest("eu-officer", projectId, "GRANT", 5_000_000).then().statusCode(201);
        endorse("eu-officer", projectId).then().statusCode(201);

        awaitProjectStatus(projectId, "ENDORSED");
        anonymous().get(url(ProcessPlatform.PARTNERS, "/projects/" + projectId + "/endorsements")).then()
                .body("endorsements.partner", hasItem("CD"));
        // the quorum was reached by the EU's endorsement (the third), not by the US's (the second)
        List<Map<String, Object>> endorsements = await("the endorsements on the timeline").atMost(STEP_TIMEOUT).until(() -> anonymous()
                .queryParam("projectIds", projectId).queryParam("eventTypes", "org.msp.partner.endorsement-given.v1")
                .get(url(ProcessPlatform.NOTIFICATIONS, "/timeline")).jsonPath().<Map<String, Object>>getList("$"),
                list -> list.size() == 3);
        String byEu = endorsements.stream().filter(e -> String.valueOf(e.get("summary")).endsWith("endorsed by EU"))
                .map(e -> String.valueOf(e.get("eventId"))).findFirst().orElseThrow();
        List<Map<String, Object>> history = anonymous().get(url(ProcessPlatform.PROJECTS, "/projects/" + projectId
                + "/history")).jsonPath().getList("$");
        Map<String, Object> endorsed = history.stream().filter(h -> "ENDORSED".equals(h.get("to"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(endorsed.get("cause")).contains(byEu), endorsed + " should name " + byEu);
        awaitWebhookSteps(4);
    }

    @Test
    @Order(5)
    @DisplayName("5. the secretariat runs a prioritisation round; the project is PRIORITISED with rank and breakdown")
    void secretariatPrioritises() {
        as("us-officer").post(url(ProcessPlatform.PROJECTS, "/prioritisation/rounds")).then().statusCode(403);

        as("secretariat").post(url(ProcessPlatform.PROJECTS, "/prioritisation/rounds"))
                .then().statusCode(201).body("ranking.projectId", hasItem(projectId));

        JsonPath project = anonymous().get(url(ProcessPlatform.PROJECTS, "/projects/" + projectId))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("PRIORITISED", project.getString("status"));
        assertEquals(1, project.getInt("priority.rank"));
        List<String> components = project.getList("priority.breakdown.components.name");
        assertEquals(Set.of("esg", "support", "diversification", "valueAddition", "transparency"),
                new HashSet<>(components), "score breakdown components");
        awaitWebhookSteps(5);
    }

    @Test
    @Order(6)
    @DisplayName("6. every step reached the webhook once, in order and signed; the feed and the history agree")
    void everyStepIsPublicAndVerifiable() throws Exception {
        List<WebhookReceiver.Delivery> deliveries = webhook.received();
        assertEquals(WEBHOOK_STEPS.stream().mapToInt(Set::size).sum(), deliveries.size(), "deliveries");
        Set<String> eventIds = new HashSet<>();
        for (WebhookReceiver.Delivery delivery : deliveries) {
            assertTrue(delivery.signedWith(subscriptionSecret), "X-MSP-Signature of " + delivery.eventType());
            assertFalse(delivery.signedWith(subscriptionSecret + "x"), "a wrong secret must not verify");
            assertEquals(projectId, delivery.event().path("subject").asText(), "only the Zambian project");
            assertTrue(eventIds.add(delivery.event().path("id").asText()), "each event once");
        }

        given().header("X-MSP-Subscription-Secret", subscriptionSecret)
                .get(url(ProcessPlatform.NOTIFICATIONS, "/subscriptions/" + subscriptionId + "/deliveries"))
                .then().statusCode(200);

        // the feed reader sees the same events (newest first) as the webhook received them
        byte[] xml = anonymous().queryParam("projectIds", projectId).get(url(ProcessPlatform.NOTIFICATIONS, "/feed.atom"))
                .then().statusCode(200).extract().asByteArray();
        List<String> feedIds = new ArrayList<>(AtomFeed.parse(xml).stream().map(AtomFeed.Entry::eventId).toList());
        Collections.reverse(feedIds);
        assertEquals(deliveries.stream().map(d -> d.event().path("id").asText()).toList(), feedIds, "feed entries");

        // the project's own history records the same status steps, with who caused them (and, between them,
        // entries that change no status, such as the action plan drawn from the review's condition)
        JsonPath history = anonymous().get(url(ProcessPlatform.PROJECTS, "/projects/" + projectId + "/history"))
                .then().statusCode(200).extract().jsonPath();
        List<String> statuses = history.getList("findAll { it.from != it.to }.to");
        assertEquals(List.of("DRAFT", "SUBMITTED", "ESG_REVIEW", "OPEN_FOR_SUPPORT", "ENDORSED", "PRIORITISED"),
                statuses);
        assertEquals(statuses.subList(1, statuses.size()), deliveries.stream().map(PipelineEndToEndTest::statusOf)
                .filter(s -> !s.isEmpty()).toList(), "status steps announced to the webhook");
        assertEquals(tokens.subjectOf("gb-officer"), history.getString("find { it.to == 'SUBMITTED' }.actor"));
        assertEquals(tokens.subjectOf("secretariat"), history.getString("find { it.to == 'PRIORITISED' }.actor"));

        anonymous().get(url(ProcessPlatform.PROJECTS, "/projects/" + projectId + "/history/verify"))
                .then().statusCode(200).body("intact", is(true), "entries", is(history.getList("$").size()));
    }

    @Test
    @Order(7)
    @DisplayName("7. a second project fails a critical checklist item: ESG_REJECTED, and no partner can support it")
    void criticalFailureRejects() {
        String rejected = as("gb-officer").contentType(ContentType.JSON)
                .body(proposal("Kolwezi cobalt tailings", "CD"))
                .post(url(ProcessPlatform.PROJECTS, "/projects")).then().statusCode(201).extract().path("id");
        as("gb-officer").post(url(ProcessPlatform.PROJECTS, "/projects/" + rejected + "/submit")).then().statusCode(200);

        String reviewId = awaitReviewOf(rejected);
        as("jp-reviewer").post(url(ProcessPlatform.REVIEWS, "/reviews/" + reviewId + "/assignment")).then().statusCode(200);
        List<Map<String, Object>> items = itemsOf(reviewId);
        String failedCode = items.stream().filter(item -> (Boolean) item.get("critical"))
                .map(item -> (String) item.get("code")).findFirst().orElseThrow();
        for (Map<String, Object> item : items) {
            String code = (String) item.get("code");
            Map<String, Object> rating = code.equals(failedCode)
                    ? Map.of("rating", "DOES_NOT_MEET", "comment", "Children found working at the tailings site")
                    : Map.of("rating", "MEETS");
            as("jp-reviewer").contentType(ContentType.JSON).body(rating)
                    .put(url(ProcessPlatform.REVIEWS, "/reviews/" + reviewId + "/items/" + code)).then().statusCode(200);
        }
        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("riskCategory", "A"))
                .post(url(ProcessPlatform.REVIEWS, "/reviews/" + reviewId + "/complete"))
                .then().statusCode(200).body("outcome", is("REJECTED"));

        awaitProjectStatus(rejected, "ESG_REJECTED");
        awaitSupportStatus(rejected, "ESG_REJECTED");
        expressInterest("us-officer", rejected, "EQUITY", 1_000_000).then().statusCode(409);
        endorse("us-officer", rejected).then().statusCode(409);

        List<String> statuses = anonymous().get(url(ProcessPlatform.PROJECTS, "/projects/" + rejected + "/history"))
                .then().statusCode(200).extract().jsonPath().getList("to");
        assertEquals(List.of("DRAFT", "SUBMITTED", "ESG_REVIEW", "ESG_REJECTED"), statuses);
        assertTrue(webhook.received().stream().noneMatch(d -> d.event().path("subject").asText().equals(rejected)),
                "the Zambia subscription hears nothing of a project in the DR Congo");
    }

    // --- the users' moves

    private Response expressInterest(String user, String project, String instrument, long amountUsd) {
        return as(user).contentType(ContentType.JSON)
                .body(Map.of("instrument", instrument, "indicativeAmountUsd", amountUsd, "note", "subject to board approval"))
                .post(url(ProcessPlatform.PARTNERS, "/projects/" + project + "/interests"));
    }

    private Response endorse(String user, String project) {
        return as(user).put(url(ProcessPlatform.PARTNERS, "/projects/" + project + "/endorsement"));
    }

    /** The review's checklist items, as its assigned reviewer sees them. */
    private List<Map<String, Object>> itemsOf(String reviewId) {
        return as("jp-reviewer").get(url(ProcessPlatform.REVIEWS, "/reviews/" + reviewId))
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static Map<String, Object> proposal(String title, String hostCountry) {
        return Map.of("title", title, "summary", "Recovers metals from legacy tailings",
                "hostCountry", hostCountry, "minerals", List.of("COBALT", "COPPER"), "valueChainStage", "RECYCLING",
                "sponsor", title + " Ltd", "requestedFinancingUsd", 45_000_000,
                "disclosure", Map.of("feasibilityStudyPublic", true, "agreementPublic", false,
                        "communityConsultationHeld", true));
    }

    // --- waiting for the platform to catch up (events travel through Kafka)

    private String awaitReviewOf(String project) {
        return await("the review of " + project).atMost(STEP_TIMEOUT)
                .until(() -> anonymous().queryParam("projectId", project).get(url(ProcessPlatform.REVIEWS, "/reviews"))
                        .then().statusCode(200).extract().<String>path("items[0].id"), notNullValue());
    }

    private void awaitProjectStatus(String project, String status) {
        await(project + " " + status).atMost(STEP_TIMEOUT)
                .until(() -> anonymous().get(url(ProcessPlatform.PROJECTS, "/projects/" + project)).path("status"), equalTo(status));
    }

    /** partner-service learns a project's status from events; support is judged by what it knows. */
    private void awaitSupportStatus(String project, String status) {
        await("partner-service sees " + project + " " + status).atMost(STEP_TIMEOUT)
                .until(() -> anonymous().get(url(ProcessPlatform.PARTNERS, "/projects/" + project + "/interests"))
                        .path("status"), equalTo(status));
    }

    /** Waits until the webhook holds the events of the first {@code steps} steps, each step complete and in order. */
    private void awaitWebhookSteps(int steps) {
        List<Set<String>> expected = WEBHOOK_STEPS.subList(0, steps);
        int count = expected.stream().mapToInt(Set::size).sum();
        await("webhook deliveries of steps 1-" + steps).atMost(STEP_TIMEOUT)
                .until(() -> webhook.received().size() >= count);
        List<String> labels = webhook.received().stream().map(PipelineEndToEndTest::label).toList();
        List<Set<String>> actual = new ArrayList<>();
        int from = 0;
        for (Set<String> step : expected) {
            actual.add(new HashSet<>(labels.subList(from, Math.min(from + step.size(), labels.size()))));
            from += step.size();
        }
        assertEquals(expected, actual, "webhook deliveries so far: " + labels);
        assertEquals(count, labels.size(), "no extra deliveries: " + labels);
    }

    /** A short, readable name for a delivered event, e.g. project.status-changed:ENDORSED. */
    private static String label(WebhookReceiver.Delivery delivery) {
        var event = delivery.event();
        String type = event.path("type").asText().replaceFirst("^org\\.msp\\.", "").replaceFirst("\\.v1$", "");
        var data = event.path("data");
        String detail = switch (type) {
            case "project.status-changed" -> data.path("to").asText();
            case "esg.review-assigned" -> data.path("reviewerCountry").asText();
            case "esg.review-completed" -> data.path("outcome").asText();
            case "partner.interest-expressed", "partner.endorsement-given" -> data.path("partner").asText();
            default -> "";
        };
        return detail.isEmpty() ? type : type + ":" + detail;
    }

    /** The status an event announces, or "" for events that change no status. */
    private static String statusOf(WebhookReceiver.Delivery delivery) {
        var event = delivery.event();
        return switch (event.path("type").asText()) {
            case "org.msp.project.submitted.v1" -> "SUBMITTED";
            case "org.msp.project.status-changed.v1" -> event.path("data").path("to").asText();
            case "org.msp.project.prioritised.v1" -> "PRIORITISED";
            default -> "";
        };
    }

    // --- HTTP plumbing

    private String url(String service, String path) {
        return platform.url(service) + path;
    }

    private RequestSpecification as(String user) {
        return given().auth().oauth2(tokens.of(user));
    }

    private static RequestSpecification anonymous() {
        return given();
    }
}
