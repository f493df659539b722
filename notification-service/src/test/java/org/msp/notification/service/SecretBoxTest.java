package org.msp.notification.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {
    final SecretBox box = new SecretBox(SecretBox.PUBLIC_DEV_KEY);

    @Test
    void aSecretIsRecognisedByItsHashAndRecoveredOnlyWithTheServiceKey() {
        String secret = box.newSecret();
        assertTrue(secret.startsWith(SecretBox.PREFIX));
        assertNotEquals(secret, box.newSecret());

        String hash = SecretBox.hash(secret);
        assertTrue(SecretBox.matches(secret, hash));
        assertFalse(SecretBox.matches(box.newSecret(), hash));
        assertFalse(SecretBox.matches(null, hash));

        String sealed = box.encrypt(secret);
        assertFalse(sealed.contains(secret.substring(SecretBox.PREFIX.length())));
        assertNotEquals(sealed, box.encrypt(secret), "a fresh IV each time");
        assertEquals(secret, box.decrypt(sealed));

        SecretBox otherKey = new SecretBox("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThrows(IllegalStateException.class, () -> otherKey.decrypt(sealed));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("c2hvcnQ="));
    }
}
