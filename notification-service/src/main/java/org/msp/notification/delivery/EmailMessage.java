package org.msp.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.notification.domain.TimelineEntry;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The subject and plain-text body of a mail to an e-mail subscriber: an event (subject = the timeline's
 * readable line) or the confirmation request. Every mail says how to unsubscribe.
 */
public record EmailMessage(String subject, String text) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public EmailMessage {
        // a subject is one header line: event data must never be able to add another header
        subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (subject.length() > 250) {
            subject = subject.substring(0, 249) + "…";
        }
    }

    /** One pipeline event, e.g. subject "Kabwe zinc-lead recycling: ESG review completed — cleared with conditions". */
    public static EmailMessage event(TimelineEntry entry, String projectUrl, UUID subscriptionId, String address,
            String subscriptionUrl, UUID deliveryId) {
        StringBuilder text = new StringBuilder();
        text.append(entry.summary).append("\n\n");
        text.append("Project:   ").append(projectUrl).append('\n');
        text.append("Event:     ").append(entry.eventType).append(", ")
                .append(WHEN.format(entry.occurredAt.withOffsetSameInstant(ZoneOffset.UTC))).append('\n');
        if (!entry.countries().isEmpty()) {
            text.append("Countries: ").append(String.join(", ", entry.countries())).append('\n');
        }
        if (!entry.minerals().isEmpty()) {
            text.append("Minerals:  ").append(String.join(", ", entry.minerals())).append('\n');
        }
        text.append("\nThe event as published (CloudEvents 1.0, JSON):\n\n").append(readable(entry.eventJson))
                .append("\n\n");
        text.append(footer(subscriptionId, address, subscriptionUrl, "To stop these mails"));
        text.append("Delivery ").append(deliveryId).append(".\n");
        return new EmailMessage(entry.summary, text.toString());
    }

    /** The one mail sent before confirmation: the link, its expiry, and what was asked for. */
    public static EmailMessage confirmation(UUID subscriptionId, String address, SubscriptionFilter filter,
            String confirmationUrl, OffsetDateTime expiresAt, String subscriptionUrl) {
        String text = "Someone, hopefully you, asked the MSP pipeline platform to e-mail " + address + "\n"
                + "whenever " + describe(filter) + ".\n\n"
                + "To confirm, open this link (it works until "
                + WHEN.format(expiresAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)) + "):\n\n"
                + confirmationUrl + "\n\n"
                + "Until you do, nothing else is sent to this address. If you did not ask for this, ignore this\n"
                + "mail: no other mail will follow.\n\n"
                + footer(subscriptionId, address, subscriptionUrl, "To withdraw the request");
        return new EmailMessage("Confirm your MSP pipeline notifications", text);
    }

    private static String footer(UUID subscriptionId, String address, String subscriptionUrl, String toStop) {
        return "-- \n"
                + "Sent to " + address + " for subscription " + subscriptionId + ".\n"
                + toStop + ", delete the subscription with the secret you were given when subscribing:\n"
                + "  curl -X DELETE -H \"Authorization: Bearer <your secret>\" " + subscriptionUrl + "\n";
    }

    static String describe(SubscriptionFilter filter) {
        List<String> parts = new ArrayList<>();
        add(parts, "the project is one of ", filter.projectIds());
        add(parts, "it concerns ", filter.countries());
        add(parts, "the project is about ", filter.minerals());
        add(parts, "the event is of type ", filter.eventTypes());
        return parts.isEmpty() ? "a project in the pipeline moves"
                : "a project in the pipeline moves and " + String.join(" and ", parts);
    }

    private static void add(List<String> parts, String what, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            parts.add(what + String.join(", ", values.stream().map(String::valueOf).sorted().toList()));
        }
    }

    /** Indented for people; the exact bytes as published are what webhooks get. */
    private static String readable(String eventJson) {
        try {
            JsonNode tree = JSON.readTree(eventJson);
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            return eventJson;
        }
    }
}
