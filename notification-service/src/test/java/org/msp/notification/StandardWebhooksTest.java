package org.msp.notification;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A webhook delivery verifies with the Standard Webhooks reference library (com.standardwebhooks), given
 * the subscription's {@code webhookSecret}; the same library refuses a tampered body and a replay of the
 * delivery ten minutes later.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class StandardWebhooksTest {
    static final WebhookReceiver receiver = new WebhookReceiver();
    static final Duration PATIENCE = Duration.ofSeconds(45);

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aDeliveryVerifiesWithTheStandardWebhooksLibraryAndATamperedOrOldOneDoesNot() throws Exception {
        String project = UUID.randomUUID().toString();
        String url = receiver.newEndpoint();
        Subscriptions.Created subscription = Subscriptions.webhook(url, """
                {"projectIds":["%s"]}""".formatted(project));
        assertTrue(subscription.webhookSecret().startsWith("whsec_"), subscription.webhookSecret());

        PipelineEvents.Sent submitted = PipelineEvents.submitted(project, "Kabwe zinc-lead recycling", "ZM", "GB",
                "COPPER").send();
        await().atMost(PATIENCE).until(() -> !receiver.received(url).isEmpty());
        WebhookReceiver.Received delivery = receiver.received(url).get(0);
        assertEquals(submitted.json(), delivery.body());

        Webhook verifier = new Webhook(subscription.webhookSecret());
        assertDoesNotThrow(() -> verifier.verify(delivery.body(), delivery.headers()));
        String id = delivery.header("webhook-id");
        assertEquals(delivery.deliveryId(), id, "the message id is the delivery's, the same on every retry");
        long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
        assertEquals(verifier.sign(id, timestamp, delivery.body()), delivery.header("webhook-signature"));
        assertNotNull(delivery.signature(), "X-MSP-Signature is still sent beside it");

        WebhookVerificationException tampered = assertThrows(WebhookVerificationException.class,
                () -> verifier.verify(delivery.body().replace("Kabwe", "Kabwf"), delivery.headers()));
        assertEquals("No matching signature found", tampered.getMessage());

        // the same delivery replayed ten minutes after it was signed: the signature matches, the age does not
        long tenMinutesEarlier = timestamp - 600;
        Map<String, List<String>> replayed = new HashMap<>(delivery.headers());
        replayed.keySet().removeIf(name -> name.toLowerCase().startsWith("webhook-"));
        replayed.put("webhook-id", List.of(id));
        replayed.put("webhook-timestamp", List.of(Long.toString(tenMinutesEarlier)));
        replayed.put("webhook-signature", List.of(verifier.sign(id, tenMinutesEarlier, delivery.body())));
        WebhookVerificationException old = assertThrows(WebhookVerificationException.class,
                () -> verifier.verify(delivery.body(), replayed));
        assertEquals("Message timestamp too old", old.getMessage());
    }
}
