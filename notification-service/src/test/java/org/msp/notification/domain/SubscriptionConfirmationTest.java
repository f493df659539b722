package org.msp.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionConfirmationTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 5, 4, 10, 0, 0, 0, ZoneOffset.UTC);

    static Subscription email() {
        return new Subscription(UUID.randomUUID(), Channel.EMAIL, "reader@example.org", SubscriptionFilter.EVERYTHING,
                "secret-hash", null, "anonymous@127.0.0.1", NOW);
    }

    @Test
    void anEmailSubscriptionWaitsForItsLinkAWebhookDoesNot() {
        assertTrue(email().isPendingConfirmation());
        assertFalse(email().isActive());
        assertTrue(new Subscription(UUID.randomUUID(), Channel.WEBHOOK, "https://example.org/hook",
                SubscriptionFilter.EVERYTHING, "h", "c", "me", NOW).isActive());
    }

    @Test
    void theLatestTokenConfirmsOnceAndRepeatingItChangesNothing() {
        Subscription subscription = email();
        assertEquals(Subscription.Confirmation.WRONG_TOKEN, subscription.confirm("token-1", NOW),
                "no link was mailed yet");
        subscription.confirmationIssued("token-1", NOW.plusDays(7));
        subscription.confirmationIssued("token-2", NOW.plusDays(7)); // a retried mail carries a fresh link

        assertEquals(Subscription.Confirmation.WRONG_TOKEN, subscription.confirm("token-1", NOW));
        assertTrue(subscription.isPendingConfirmation());
        assertEquals(Subscription.Confirmation.CONFIRMED, subscription.confirm("token-2", NOW.plusHours(1)));
        assertTrue(subscription.isActive());
        assertEquals(NOW.plusHours(1), subscription.confirmedAt);

        assertEquals(Subscription.Confirmation.ALREADY_CONFIRMED, subscription.confirm("token-2", NOW.plusDays(30)));
        assertEquals(NOW.plusHours(1), subscription.confirmedAt);
        assertThrows(IllegalStateException.class, () -> subscription.confirmationIssued("token-3", NOW));
    }

    @Test
    void anExpiredLinkConfirmsNothing() {
        Subscription subscription = email();
        subscription.confirmationIssued("token", NOW.plus(Duration.ofDays(7)));
        assertEquals(Subscription.Confirmation.EXPIRED, subscription.confirm("token", NOW.plusDays(7)));
        assertTrue(subscription.isPendingConfirmation());
    }
}
