package org.msp.partner;

import io.restassured.RestAssured;
import org.msp.infra.testing.KafkaTestClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Plays project-service in tests: publishes its events on the real {@code msp.projects} topic with
 * chosen times, and waits until partner-service's read model shows a status.
 */
final class ProjectFeed {
    static final String TOPIC = "msp.projects";
    static final String SOURCE = "/msp/project-service";
    static final String SUBMITTED = "org.msp.project.submitted.v1";
    static final String STATUS_CHANGED = "org.msp.project.status-changed.v1";
    static final String PRIORITISED = "org.msp.project.prioritised.v1";

    /** A base time well in the past, so tests can place events before and after each other. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);

    private ProjectFeed() {
    }

    /** Sends a status-changed event from {@code from} to {@code to}; returns the event id. */
    static String statusChanged(UUID project, String from, String to, OffsetDateTime at) {
        String id = UUID.randomUUID().toString();
        send(id, STATUS_CHANGED, project, from, to, at);
        return id;
    }

    static String submitted(UUID project, OffsetDateTime at) {
        String id = UUID.randomUUID().toString();
        send(id, SUBMITTED, project, null, "SUBMITTED", at);
        return id;
    }

    static void send(String eventId, String type, UUID project, String from, String to, OffsetDateTime at) {
        String transition = from == null ? "" : "\"from\":\"" + from + "\",\"to\":\"" + to + "\",";
        String data = """
                {"projectId":"%s","title":"Kabwe zinc-lead recycling","status":"%s",%s\
                "hostCountry":"ZM","submittingPartner":"GB","minerals":["COPPER"],"valueChainStage":"RECYCLING",\
                "actor":"someone"}""".formatted(project, to, transition);
        sendRaw(project.toString(), """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","subject":"%s","time":"%s",\
                "datacontenttype":"application/json","data":%s}""".formatted(eventId, SOURCE, type, project, at, data));
    }

    static void sendRaw(String key, String value) {
        KafkaTestClient.send(TOPIC, key, value);
    }

    /** A project that went SUBMITTED -> ESG_REVIEW -> OPEN_FOR_SUPPORT, as partner-service has seen it. */
    static UUID openProject() {
        UUID project = UUID.randomUUID();
        submitted(project, T0);
        statusChanged(project, "SUBMITTED", "ESG_REVIEW", T0.plusHours(1));
        statusChanged(project, "ESG_REVIEW", "OPEN_FOR_SUPPORT", T0.plusHours(2));
        awaitStatus(project, "OPEN_FOR_SUPPORT");
        return project;
    }

    /** Waits until the public interest summary shows {@code status} for the project. */
    static void awaitStatus(UUID project, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = RestAssured.given().get("/api/v1/projects/{id}/interests", project);
            return response.statusCode() == 200 && status.equals(response.path("status"));
        });
    }
}
