package org.msp.notification.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The two signatures of a webhook, both HMAC-SHA256 keyed with the UTF-8 bytes of the subscription's
 * secret: {@code X-MSP-Signature: sha256=<hex of the exact body>}, and the Standard Webhooks
 * {@code webhook-signature: v1,<base64 of "id.timestamp.body">}, which off-the-shelf verifiers check
 * together with the timestamp (so a replayed delivery is refused).
 */
public final class WebhookSignature {
    public static final String HEADER = "X-MSP-Signature";
    public static final String STANDARD_ID_HEADER = "webhook-id";
    public static final String STANDARD_TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String STANDARD_SIGNATURE_HEADER = "webhook-signature";
    /** The Standard Webhooks prefix of a secret given as base64 key bytes. */
    static final String STANDARD_SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    public static String sign(byte[] body, String secret) {
        return "sha256=" + HexFormat.of().formatHex(hmac(key(secret), body));
    }

    /** {@code webhook-signature} for message {@code id} sent at {@code timestamp} (Unix seconds). */
    public static String signStandard(String id, long timestamp, byte[] body, String secret) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), signed));
    }

    /** The subscription's secret as Standard Webhooks libraries take it: the same key, {@code whsec_<base64>}. */
    public static String standardWebhooksSecret(String secret) {
        return STANDARD_SECRET_PREFIX + Base64.getEncoder().encodeToString(key(secret));
    }

    private static byte[] key(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
