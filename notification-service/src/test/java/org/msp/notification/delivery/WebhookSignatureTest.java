package org.msp.notification.delivery;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookSignatureTest {
    @Test
    void signsWithHmacSha256AsRfc4231TestCase2() {
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"));
    }

    @Test
    void theStandardWebhooksSignatureIsTheReferenceLibrarysWithTheWhsecFormOfTheSameKey() throws Exception {
        String secret = "mspsub_Jv3xkq0-example-secret";
        String body = "{\"specversion\":\"1.0\",\"title\":\"Kabwe \u2014 zinc\"}";
        String whsec = WebhookSignature.standardWebhooksSecret(secret);
        assertEquals("whsec_bXNwc3ViX0p2M3hrcTAtZXhhbXBsZS1zZWNyZXQ=", whsec);
        assertEquals(new Webhook(whsec).sign("delivery-1", 1_614_265_330L, body),
                WebhookSignature.signStandard("delivery-1", 1_614_265_330L, body.getBytes(StandardCharsets.UTF_8),
                        secret));
    }
}
