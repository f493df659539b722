package org.msp.notification;

import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.events.esg.ReviewOutcome;
import org.msp.events.project.ProjectStatus;
import org.msp.infra.testing.KafkaTestClient;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Pipeline events made with the producers' own records (platform-events), produced to the real test
 * broker as the other services publish them.
 */
public final class PipelineEvents {
    private PipelineEvents() {
    }

    /** An event ready to send: its id, the exact record value, and the project facts it carries. */
    public record Sent(String id, String topic, String projectId, String json, Facts facts) {
        /** Produces the same record again, as Kafka may redeliver it. */
        public Sent send() {
            KafkaTestClient.send(topic, projectId, json);
            return this;
        }

        /** Produces it as a traced producer would: with a {@code traceparent} header. */
        public Sent send(String traceParent) {
            KafkaTestClient.send(topic, projectId, json, Map.of("traceparent", traceParent));
            return this;
        }
    }

    public static Facts facts(String projectId, String title, String host, String partner, String... minerals) {
        return new Facts(UUID.fromString(projectId), title, host, partner,
                Arrays.stream(minerals).map(Mineral::valueOf).toList());
    }

    public static Sent submitted(String projectId, String title, String host, String partner, String... minerals) {
        return sent(EventSamples.submitted(facts(projectId, title, host, partner, minerals)));
    }

    public static Sent statusChanged(String projectId, String title, String host, String partner, String from,
            String to, String... minerals) {
        return sent(EventSamples.statusChanged(facts(projectId, title, host, partner, minerals),
                ProjectStatus.valueOf(from), ProjectStatus.valueOf(to), null));
    }

    /** A withdrawal by the submitting partner with its reason. */
    public static Sent withdrawn(String projectId, String title, String host, String partner, String from,
            String reason, String... minerals) {
        return sent(EventSamples.statusChanged(facts(projectId, title, host, partner, minerals),
                ProjectStatus.valueOf(from), ProjectStatus.WITHDRAWN, reason));
    }

    public static Sent reviewCompleted(Facts project, String outcome) {
        return sent(EventSamples.reviewCompleted(project, UUID.randomUUID(), ReviewOutcome.valueOf(outcome),
                new BigDecimal("72.5")));
    }

    public static Sent reviewAssigned(Facts project, String reviewer) {
        return sent(EventSamples.reviewAssigned(project, UUID.randomUUID(), reviewer, "JP"));
    }

    public static Sent endorsementGiven(Facts project, String partner) {
        return sent(EventSamples.endorsed(project, partner));
    }

    private static Sent sent(EventData data) {
        CloudEvent<?> event = CloudEvent.of(data);
        Facts facts = new Facts(data.projectId(), data.title(), data.hostCountry(), data.submittingPartner(),
                data.minerals());
        return new Sent(event.id(), event.topic().address(), event.subject(), EventSamples.json(event), facts);
    }
}
