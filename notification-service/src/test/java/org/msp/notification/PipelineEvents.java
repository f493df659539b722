package org.msp.notification;

import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.TestEvents;

import java.util.UUID;

/** Pipeline events as the other services publish them, produced to the real test broker. */
public final class PipelineEvents {
    private PipelineEvents() {
    }

    /** An event ready to send: its id and the exact record value. */
    public record Sent(String id, String topic, String projectId, String json) {
        /** Produces the same record again, as Kafka may redeliver it. */
        public Sent send() {
            KafkaTestClient.send(topic, projectId, json);
            return this;
        }
    }

    public static Sent submitted(String projectId, String title, String host, String partner, String... minerals) {
        String data = """
                {"projectId":"%s","title":"%s","status":"SUBMITTED","hostCountry":"%s","submittingPartner":"%s",\
                "minerals":[%s],"valueChainStage":"RECYCLING","summary":"Recovering metals","sponsor":"Sponsor Ltd",\
                "requestedFinancingUsd":45000000,"disclosure":{"feasibilityStudyPublic":true,"agreementPublic":false,\
                "communityConsultationHeld":true},"actor":"officer"}""".formatted(projectId, title, host, partner,
                quoted(minerals));
        return event("msp.projects", "/msp/project-service", "org.msp.project.submitted.v1", projectId, data);
    }

    public static Sent statusChanged(String projectId, String title, String host, String partner, String from,
            String to, String... minerals) {
        String data = """
                {"projectId":"%s","title":"%s","status":"%s","hostCountry":"%s","submittingPartner":"%s",\
                "minerals":[%s],"valueChainStage":"RECYCLING","from":"%s","to":"%s","actor":"system"}"""
                .formatted(projectId, title, to, host, partner, quoted(minerals), from, to);
        return event("msp.projects", "/msp/project-service", "org.msp.project.status-changed.v1", projectId, data);
    }

    /** A withdrawal by the submitting partner; {@code reason} goes into the JSON as it is (no escaping). */
    public static Sent withdrawn(String projectId, String title, String host, String partner, String from,
            String reason, String... minerals) {
        String data = """
                {"projectId":"%s","title":"%s","status":"WITHDRAWN","hostCountry":"%s","submittingPartner":"%s",\
                "minerals":[%s],"valueChainStage":"RECYCLING","from":"%s","to":"WITHDRAWN","actor":"officer",\
                "reason":"%s"}""".formatted(projectId, title, host, partner, quoted(minerals), from, reason);
        return event("msp.projects", "/msp/project-service", "org.msp.project.status-changed.v1", projectId, data);
    }

    public static Sent reviewCompleted(String projectId, String outcome) {
        String data = """
                {"reviewId":"%s","projectId":"%s","outcome":"%s","score":72.5,"riskCategory":"B",\
                "conditions":["Publish the resettlement plan"]}""".formatted(UUID.randomUUID(), projectId, outcome);
        return event("msp.esg-reviews", "/msp/esg-review-service", "org.msp.esg.review-completed.v1", projectId, data);
    }

    public static Sent reviewAssigned(String projectId, String reviewer) {
        String data = """
                {"reviewId":"%s","projectId":"%s","reviewer":"%s"}""".formatted(UUID.randomUUID(), projectId, reviewer);
        return event("msp.esg-reviews", "/msp/esg-review-service", "org.msp.esg.review-assigned.v1", projectId, data);
    }

    public static Sent endorsementGiven(String projectId, String partner) {
        String data = """
                {"projectId":"%s","partner":"%s"}""".formatted(projectId, partner);
        return event("msp.partner-support", "/msp/partner-service", "org.msp.partner.endorsement-given.v1",
                projectId, data);
    }

    private static Sent event(String topic, String source, String type, String projectId, String data) {
        String id = UUID.randomUUID().toString();
        return new Sent(id, topic, projectId, TestEvents.cloudEvent(id, source, type, projectId, data));
    }

    private static String quoted(String... values) {
        return String.join(",", java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toList());
    }
}
