package org.msp.notification.delivery;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookSignatureTest {
    @Test
    void signsWithHmacSha256AsRfc4231TestCase2() {
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"));
    }
}
