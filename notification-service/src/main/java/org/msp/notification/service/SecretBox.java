package org.msp.notification.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Subscription secrets. The secret is shown once; we keep its SHA-256 (to recognise the holder) and
 * an AES-256-GCM ciphertext under the service key (the delivery worker needs the secret itself to
 * sign webhook bodies, since receivers verify with the secret they were given).
 */
@ApplicationScoped
@Startup // a bad key fails the start, not the first subscription
public class SecretBox {
    /** Prefix that tells a subscription secret from a JWT in an Authorization header. */
    public static final String PREFIX = "mspsub_";
    static final String PUBLIC_DEV_KEY = "bXNwLWRldmVsb3BtZW50LWtleS1ub3QtZm9yLXByb2Q=";
    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    private static final int IV_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public SecretBox(@ConfigProperty(name = "msp.subscriptions.encryption-key") String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key.trim());
        if (raw.length != 32) {
            throw new IllegalArgumentException("msp.subscriptions.encryption-key must be 32 bytes, base64-encoded");
        }
        if (PUBLIC_DEV_KEY.equals(base64Key.trim())) {
            LOG.warn("webhook secrets are encrypted with the public development key: set SUBSCRIPTION_ENCRYPTION_KEY");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** A fresh secret: the prefix and 256 random bits, base64url. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A one-time token for a confirmation link: 256 random bits, base64url (no prefix: it is never a bearer). */
    public String newConfirmationToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 is enough here: the secret has 256 random bits, nothing to brute-force. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    public String encrypt(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a subscription secret", e);
        }
    }

    public String decrypt(String ciphertext) {
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a subscription secret (was the key changed?)", e);
        }
    }
}
