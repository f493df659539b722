package org.msp.notification.delivery;

import org.junit.jupiter.api.Test;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.notification.domain.TimelineEntry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailMessageTest {
    static final UUID SUBSCRIPTION = UUID.fromString("7d3b2f4e-1c2a-4b8e-9f00-123456789abc");
    static final String SUBSCRIPTION_URL = "https://msp.example.org/api/v1/subscriptions/" + SUBSCRIPTION;

    @Test
    void anEventMailIsTitledWithTheTimelineLineAndCarriesLinkEventAndUnsubscribeHint() {
        TimelineEntry entry = new TimelineEntry("ev-1", "/msp/esg-review-service", "org.msp.esg.review-completed.v1",
                "p-1", "Kabwe zinc-lead recycling", List.of("ZM", "GB"), List.of("COPPER"),
                OffsetDateTime.of(2026, 5, 4, 9, 30, 0, 0, ZoneOffset.UTC),
                "Kabwe zinc-lead recycling: ESG review completed — cleared with conditions",
                "{\"specversion\":\"1.0\",\"id\":\"ev-1\",\"data\":{\"outcome\":\"CLEARED_WITH_CONDITIONS\"}}",
                OffsetDateTime.now(ZoneOffset.UTC));

        EmailMessage mail = EmailMessage.event(entry, "https://msp.example.org/projects/p-1", SUBSCRIPTION,
                "reader@example.org", SUBSCRIPTION_URL, UUID.randomUUID());

        assertEquals("Kabwe zinc-lead recycling: ESG review completed — cleared with conditions", mail.subject());
        assertTrue(mail.text().contains("Project:   https://msp.example.org/projects/p-1"), mail.text());
        assertTrue(mail.text().contains("org.msp.esg.review-completed.v1, 2026-05-04 09:30 UTC"), mail.text());
        assertTrue(mail.text().contains("\"outcome\" : \"CLEARED_WITH_CONDITIONS\""), "the event, indented");
        assertTrue(mail.text().contains("curl -X DELETE -H \"Authorization: Bearer <your secret>\" " + SUBSCRIPTION_URL),
                mail.text());
    }

    @Test
    void aSubjectStaysOneHeaderLine() {
        assertEquals("Title Bcc: someone@example.org", new EmailMessage("Title\r\nBcc: someone@example.org", "").subject());
        assertEquals(250, new EmailMessage("x".repeat(400), "").subject().length());
    }

    @Test
    void theConfirmationMailSaysWhatWasAskedForAndUntilWhenTheLinkWorks() {
        EmailMessage mail = EmailMessage.confirmation(SUBSCRIPTION, "reader@example.org",
                new SubscriptionFilter(Set.of(), Set.of("ZM", "CD"), Set.of("COBALT"), Set.of()),
                SUBSCRIPTION_URL + "/confirm?token=abc", OffsetDateTime.of(2026, 5, 11, 9, 30, 12, 0, ZoneOffset.UTC),
                SUBSCRIPTION_URL);

        assertTrue(mail.text().contains("it concerns CD, ZM and the project is about COBALT"), mail.text());
        assertTrue(mail.text().contains("until 2026-05-11 09:30 UTC"), mail.text());
        assertTrue(mail.text().contains(SUBSCRIPTION_URL + "/confirm?token=abc\n"), mail.text());
        assertTrue(mail.text().contains("nothing else is sent to this address"), mail.text());
    }
}
