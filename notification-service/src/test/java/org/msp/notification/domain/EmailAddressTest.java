package org.msp.notification.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmailAddressTest {

    @Test
    void aMailboxIsKeptWithItsDomainInLowerCase() {
        assertEquals("Jane.Doe+msp@example.org", EmailAddress.parse("  Jane.Doe+msp@Example.ORG ").value());
        assertEquals("desk@news.example.co.uk", EmailAddress.parse("desk@news.example.co.uk").value());
        assertEquals("info@xn--mnchen-3ya.de", EmailAddress.parse("info@münchen.de").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a@localhost", "@example.org", "a@", "a@@example.org",
            "a@b@example.org", "Jane <jane@example.org>", "a@example.org,b@example.org", "a@example.org;b@example.org",
            "a@example.org\r\nBcc: b@example.org", "a\n@example.org", "a b@example.org", "\"a\"@example.org",
            "a..b@example.org", ".a@example.org", "a@[127.0.0.1]", "a@127.0.0.1", "a@-example.org",
            "a@example.org.", "a@example.o"})
    void anythingButOneMailboxIsRefused(String text) {
        assertThrows(EmailAddress.Refused.class, () -> EmailAddress.parse(text));
    }

    @Test
    void overlongAddressesAreRefused() {
        assertThrows(EmailAddress.Refused.class, () -> EmailAddress.parse("a".repeat(65) + "@example.org"));
        assertThrows(EmailAddress.Refused.class, () -> EmailAddress.parse("a@" + "b".repeat(250) + ".org"));
    }
}
