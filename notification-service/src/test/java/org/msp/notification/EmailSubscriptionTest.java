package org.msp.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E-mail subscriptions against a real SMTP server (GreenMail) and the real broker: one confirmation mail,
 * nothing else before the link is followed, then each matching event mailed once with a readable subject.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailTestResource.class, scope = TestResourceScope.GLOBAL)
class EmailSubscriptionTest {
    static final Duration PATIENCE = Duration.ofSeconds(45);
    static final String TITLE = "Kabwe zinc-lead recycling";

    @Test
    void anAddressGetsOnlyItsConfirmationUntilConfirmedThenEachMatchingEventOnce() throws Exception {
        String project = UUID.randomUUID().toString();
        String address = "reader-" + UUID.randomUUID() + "@example.org";
        Subscriptions.Created subscription = Subscriptions.email(address, """
                {"projectIds":["%s"]}""".formatted(project));

        // exactly one confirmation mail, with a one-time link
        await().atMost(PATIENCE).until(() -> GreenMailTestResource.mailsTo(address).size() == 1);
        GreenMailTestResource.Received confirmation = GreenMailTestResource.mailsTo(address).get(0);
        assertEquals("Confirm your MSP pipeline notifications", confirmation.subject());
        Matcher link = Pattern.compile("(https?://\\S+)/api/v1/subscriptions/" + subscription.id()
                + "/confirm\\?token=([A-Za-z0-9_-]{43})").matcher(confirmation.text());
        assertTrue(link.find(), "the mail carries the confirmation link: " + confirmation.text());
        assertEquals("http://localhost:8084", link.group(1), "links are built from msp.public-base-url");
        String token = link.group(2);
        assertTrue(confirmation.text().contains("curl -X DELETE"), "the mail says how to withdraw");
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(subscription.deliveries().getString("items[0].status")));
        assertEquals("CONFIRMATION", subscription.deliveries().getString("items[0].kind"));

        // an event before confirmation: on the timeline, but owed to nobody at this address
        PipelineEvents.Sent before = PipelineEvents.submitted(project, TITLE, "ZM", "GB", "COPPER").send();
        await().atMost(PATIENCE).until(() -> given().queryParam("projectIds", project)
                .when().get("/api/v1/timeline").then().statusCode(200).extract().jsonPath()
                .getList("eventId", String.class).contains(before.id()));
        assertEquals(1, subscription.deliveries().getInt("total"), "no delivery for an event before confirmation");
        assertEquals(1, GreenMailTestResource.mailsTo(address).size());

        // a wrong token changes nothing; the right one confirms, and following it again is harmless
        given().queryParam("token", token.substring(1) + "x")
                .when().get("/api/v1/subscriptions/{id}/confirm", subscription.id())
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("token"));
        given().queryParam("token", token)
                .when().get("/api/v1/subscriptions/{id}/confirm", subscription.id())
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("confirmedAt", notNullValue());
        given().queryParam("token", token)
                .when().post("/api/v1/subscriptions/{id}/confirm", subscription.id())
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        // after confirmation: the event arrives once, even when Kafka redelivers it
        PipelineEvents.Sent completed = PipelineEvents.reviewCompleted(before.facts(), "CLEARED_WITH_CONDITIONS").send();
        completed.send();
        // same topic and key, so consumed after both copies: once it is mailed, the copy has been seen
        PipelineEvents.Sent assigned = PipelineEvents.reviewAssigned(before.facts(), "reviewer-1").send();
        String subject = TITLE + ": ESG review completed — cleared with conditions";
        await().atMost(PATIENCE).until(() -> GreenMailTestResource.mailsTo(address).stream()
                .anyMatch(mail -> mail.subject().equals(TITLE + ": ESG reviewer assigned")));
        await().atMost(PATIENCE).until(() -> subscription.deliveries().getList("items.status").stream()
                .allMatch("DELIVERED"::equals));

        List<GreenMailTestResource.Received> mails = GreenMailTestResource.mailsTo(address);
        assertEquals(3, mails.size(), "confirmation, review completed once, reviewer assigned: " + subjects(mails));
        GreenMailTestResource.Received review = mails.stream().filter(mail -> mail.subject().equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no mail titled " + subject + ": " + subjects(mails)));
        assertTrue(review.text().startsWith(subject), review.text());
        assertTrue(review.text().contains("http://localhost:8081/api/v1/projects/" + project), "project link");
        assertTrue(review.text().contains("\"id\" : \"" + completed.id() + "\""), "the event JSON");
        assertTrue(review.text().contains("curl -X DELETE -H \"Authorization: Bearer <your secret>\" "
                + "http://localhost:8084/api/v1/subscriptions/" + subscription.id()), "the unsubscribe hint");
        assertEquals("org.msp.esg.review-completed.v1", review.header("X-MSP-Event-Type"));

        JsonPath log = subscription.deliveries();
        assertEquals(3, log.getInt("total"), "confirmation + two events, the redelivered one not again");
        assertTrue(log.getList("items.id").contains(review.header("X-MSP-Delivery")), "X-MSP-Delivery names the row");
        assertTrue(log.getList("items.eventId").contains(completed.id()));
        assertFalse(log.getList("items.eventId").contains(before.id()), "nothing owed from before confirmation");
        assertTrue(log.getList("items.eventId").contains(assigned.id()));
    }

    @Test
    void deletingAPendingSubscriptionVoidsItsLink() {
        String address = "changed-my-mind-" + UUID.randomUUID() + "@example.org";
        Subscriptions.Created subscription = Subscriptions.email(address, "{}");
        await().atMost(PATIENCE).until(() -> GreenMailTestResource.mailsTo(address).size() == 1);
        String token = token(GreenMailTestResource.mailsTo(address).get(0), subscription.id());

        given().auth().oauth2(subscription.secret())
                .when().delete("/api/v1/subscriptions/{id}", subscription.id()).then().statusCode(204);
        given().queryParam("token", token)
                .when().get("/api/v1/subscriptions/{id}/confirm", subscription.id())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void confirmingNeedsAToken() {
        Subscriptions.Created subscription = Subscriptions.email("no-token-" + UUID.randomUUID() + "@example.org",
                "{}");
        given().when().get("/api/v1/subscriptions/{id}/confirm", subscription.id())
                .then().statusCode(400).body("errors.field", hasItem("token"));
        given().queryParam("token", "x")
                .when().get("/api/v1/subscriptions/{id}/confirm", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anUnreachableSmtpServerIsRetriedWithBackOffThenParkedAsFailed() {
        String address = "unreachable-" + UUID.randomUUID() + "@example.org";
        GreenMailTestResource.stopServer();
        try {
            Subscriptions.Created subscription = Subscriptions.email(address, "{}");
            await().atMost(PATIENCE).until(() -> "FAILED".equals(subscription.deliveries()
                    .getString("items[0].status")));
            Map<String, Object> failed = subscription.deliveries().getMap("items[0]");
            assertEquals(5, failed.get("attempts"), "msp.webhooks.max-attempts in %test");
            assertTrue(((String) failed.get("lastError")).startsWith("SMTP"), String.valueOf(failed.get("lastError")));
        } finally {
            GreenMailTestResource.restart();
        }
    }

    static String token(GreenMailTestResource.Received mail, String subscriptionId) {
        Matcher link = Pattern.compile("/api/v1/subscriptions/" + subscriptionId + "/confirm\\?token=([A-Za-z0-9_-]+)")
                .matcher(mail.text());
        assertTrue(link.find(), mail.text());
        return link.group(1);
    }

    private static List<String> subjects(List<GreenMailTestResource.Received> mails) {
        return mails.stream().map(GreenMailTestResource.Received::subject).toList();
    }
}
