package org.msp.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.notification.config.WebhookConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pipeline events produced to the real broker reach matching webhooks, signed, once, with retries. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {
    static final WebhookReceiver receiver = new WebhookReceiver();
    static final Duration PATIENCE = Duration.ofSeconds(45);

    @Inject
    WebhookConfig config;

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aMatchingEventIsDeliveredOnceSignedWhileANonMatchingSubscriptionGetsNothing() throws Exception {
        String project = UUID.randomUUID().toString();
        String matchingUrl = receiver.newEndpoint();
        String otherUrl = receiver.newEndpoint();
        Subscriptions.Created matching = Subscriptions.webhook(matchingUrl, """
                {"projectIds":["%s"]}""".formatted(project));
        Subscriptions.Created other = Subscriptions.webhook(otherUrl, """
                {"projectIds":["%s"],"countries":["NO"]}""".formatted(project));

        PipelineEvents.Sent submitted = PipelineEvents.submitted(project, "Kabwe zinc-lead recycling", "ZM", "GB",
                "COPPER").send();
        submitted.send(); // Kafka redelivers the same record
        PipelineEvents.Sent reviewStarted = PipelineEvents.statusChanged(project, "Kabwe zinc-lead recycling",
                "ZM", "GB", "SUBMITTED", "ESG_REVIEW", "COPPER").send();

        await().atMost(PATIENCE).until(() -> receiver.received(matchingUrl).stream()
                .anyMatch(r -> r.body().contains(reviewStarted.id())));
        await().atMost(PATIENCE).until(() -> matching.deliveries().getList("items.status").stream()
                .allMatch("DELIVERED"::equals));

        List<WebhookReceiver.Received> got = receiver.received(matchingUrl);
        assertEquals(2, got.size(), "one request per event, the redelivered one not sent again");
        WebhookReceiver.Received first = got.stream().filter(r -> r.body().contains(submitted.id())).findFirst()
                .orElseThrow();
        assertEquals(submitted.json(), first.body(), "the body is the CloudEvent as published");
        assertEquals("sha256=" + hmac(first.body(), matching.secret()), first.signature());

        JsonPath log = matching.deliveries();
        assertEquals(2, log.getInt("total"));
        assertTrue(log.getList("items.id").contains(first.deliveryId()), "X-MSP-Delivery names the log row");

        // the non-matching subscription: nothing on the wire, nothing in its log
        assertEquals(0, receiver.received(otherUrl).size());
        assertEquals(0, given().header("X-MSP-Subscription-Secret", other.secret())
                .when().get("/api/v1/subscriptions/{id}/deliveries", other.id())
                .then().statusCode(200).extract().jsonPath().getInt("total"));
    }

    @Test
    void reviewAndPartnerEventsConsumedBeforeTheProjectsOwnEventMatchByTheCountryAndMineralTheyCarry() {
        String project = UUID.randomUUID().toString();
        String url = receiver.newEndpoint();
        Subscriptions.Created graphiteInMozambique = Subscriptions.webhook(url, """
                {"countries":["MZ"],"minerals":["GRAPHITE"],
                 "eventTypes":["org.msp.partner.endorsement-given.v1","org.msp.esg.review-completed.v1"]}""");
        var balama = PipelineEvents.facts(project, "Balama graphite processing", "MZ", "JP", "GRAPHITE");

        // the bad order: the review and partner topics are read before the project's submitted event
        PipelineEvents.Sent completed = PipelineEvents.reviewCompleted(balama, "CLEARED").send();
        PipelineEvents.Sent endorsed = PipelineEvents.endorsementGiven(balama, "FR").send();
        await().atMost(PATIENCE).until(() -> receiver.received(url).size() >= 2);
        PipelineEvents.Sent submitted = PipelineEvents.submitted(project, "Balama graphite processing", "MZ", "JP",
                "GRAPHITE").send();
        await().atMost(PATIENCE).until(() -> given().queryParam("projectIds", project).get("/api/v1/timeline")
                .then().statusCode(200).extract().jsonPath().getList("eventId").contains(submitted.id()));

        List<String> bodies = receiver.received(url).stream().map(WebhookReceiver.Received::body).toList();
        assertEquals(2, bodies.size());
        assertTrue(bodies.stream().anyMatch(b -> b.contains(completed.id())), "review completed delivered");
        assertTrue(bodies.stream().anyMatch(b -> b.contains(endorsed.id())), "endorsement delivered");
        assertEquals(2, graphiteInMozambique.deliveries().getInt("total"), "the submitted event was not wanted");
        given().queryParam("projectIds", project).when().get("/api/v1/timeline").then().statusCode(200)
                .body("find { it.eventId == '%s' }.summary".formatted(completed.id()),
                        org.hamcrest.Matchers.equalTo("Balama graphite processing: ESG review completed — cleared"));
    }

    @Test
    void aTargetAnswering500ThreeTimesIsRetriedUntilDelivered() {
        String project = UUID.randomUUID().toString();
        String url = receiver.newEndpointAnswering(500, 500, 500);
        Subscriptions.Created flaky = Subscriptions.webhook(url, """
                {"projectIds":["%s"]}""".formatted(project));

        PipelineEvents.submitted(project, "Kolwezi cobalt refinery", "CD", "US", "COBALT").send();

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(flaky.deliveries().getString("items[0].status")));
        Map<String, Object> delivery = flaky.deliveries().getMap("items[0]");
        assertEquals(4, delivery.get("attempts"));
        assertEquals(200, delivery.get("lastStatusCode"));
        List<WebhookReceiver.Received> got = receiver.received(url);
        assertEquals(4, got.size());
        assertEquals(1, got.stream().map(WebhookReceiver.Received::deliveryId).distinct().count(),
                "every attempt carries the same delivery id");
        assertEquals(List.of("1", "2", "3", "4"), got.stream().map(WebhookReceiver.Received::attempt).toList());
    }

    @Test
    void aTargetThatNeverAnswersEndsFailedWithoutHoldingUpAHealthyOne() {
        String project = UUID.randomUUID().toString();
        String deadUrl = receiver.newSilentEndpoint();
        String healthyUrl = receiver.newEndpoint();
        Subscriptions.Created dead = Subscriptions.webhook(deadUrl, """
                {"projectIds":["%s"]}""".formatted(project));
        Subscriptions.Created healthy = Subscriptions.webhook(healthyUrl, """
                {"projectIds":["%s"]}""".formatted(project));

        PipelineEvents.submitted(project, "Salar lithium extraction", "AR", "KR", "LITHIUM").send();

        await().atMost(PATIENCE).until(() -> receiver.received(healthyUrl).size() == 1);
        assertEquals("PENDING", dead.deliveries().getString("items[0].status"),
                "the healthy subscription was served while the dead target was still being retried");

        await().atMost(PATIENCE).until(() -> "FAILED".equals(dead.deliveries().getString("items[0].status")));
        Map<String, Object> failed = dead.deliveries().getMap("items[0]");
        assertEquals(5, failed.get("attempts"), "msp.webhooks.max-attempts in %test");
        assertTrue(((String) failed.get("lastError")).startsWith("no answer within"));
        assertEquals("DELIVERED", healthy.deliveries().getString("items[0].status"));
    }

    @Test
    void targetsThatSendHeadersButNeverTheBodyEndFailedWithoutStarvingAHealthyOne() {
        String project = UUID.randomUUID().toString();
        String filter = """
                {"projectIds":["%s"]}""".formatted(project);
        // one stalling target per worker: were an attempt to wait for the body, none would be left for the healthy one
        List<Subscriptions.Created> stalling = IntStream.range(0, config.workers())
                .mapToObj(i -> Subscriptions.webhook(receiver.newStallingEndpoint(), filter)).toList();
        String healthyUrl = receiver.newEndpoint();
        Subscriptions.Created healthy = Subscriptions.webhook(healthyUrl, filter);

        PipelineEvents.submitted(project, "Nkana copper smelter", "ZM", "US", "COPPER").send();

        await().atMost(PATIENCE).until(() -> receiver.received(healthyUrl).size() == 1);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(healthy.deliveries().getString("items[0].status")));
        for (Subscriptions.Created stalled : stalling) {
            await().atMost(PATIENCE).until(() -> "FAILED".equals(stalled.deliveries().getString("items[0].status")));
            Map<String, Object> failed = stalled.deliveries().getMap("items[0]");
            assertEquals(5, failed.get("attempts"), "msp.webhooks.max-attempts in %test");
            assertTrue(((String) failed.get("lastError")).startsWith("no answer within"), (String) failed.get("lastError"));
        }
    }

    static String hmac(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
