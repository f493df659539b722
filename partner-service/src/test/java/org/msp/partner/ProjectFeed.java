package org.msp.partner;

import io.restassured.RestAssured;
import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.EventType;
import org.msp.events.Mineral;
import org.msp.events.Topic;
import org.msp.events.project.ActionItemStatus;
import org.msp.events.project.ProjectStatus;
import org.msp.infra.testing.KafkaTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.msp.events.project.ProjectStatus.ESG_REVIEW;
import static org.msp.events.project.ProjectStatus.OPEN_FOR_SUPPORT;
import static org.msp.events.project.ProjectStatus.SUBMITTED;

/**
 * Plays project-service in tests: publishes its events (its own records, through {@link EventSamples})
 * on the real {@code msp.projects} topic with chosen times, and waits until partner-service's read
 * model shows a status.
 */
final class ProjectFeed {
    static final String TOPIC = Topic.PROJECTS.address();
    static final String SOURCE = Topic.PROJECTS.owner();
    static final String TITLE = "Kabwe zinc-lead recycling";

    /** A base time well in the past, so tests can place events before and after each other. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);

    private ProjectFeed() {
    }

    /** The project facts the feed's events carry. */
    static Facts facts(UUID project) {
        return Facts.of(project, "ZM", "GB", Mineral.COBALT, Mineral.COPPER).titled(TITLE);
    }

    /** Sends a status-changed event from {@code from} to {@code to}; returns the event id. */
    static String statusChanged(UUID project, ProjectStatus from, ProjectStatus to, OffsetDateTime at) {
        return statusChanged(UUID.randomUUID().toString(), project, from, to, at);
    }

    static String statusChanged(String eventId, UUID project, ProjectStatus from, ProjectStatus to, OffsetDateTime at) {
        return send(event(eventId, EventSamples.statusChanged(facts(project), from, to, from + " -> " + to), at));
    }

    static String submitted(UUID project, OffsetDateTime at) {
        return send(event(UUID.randomUUID().toString(), EventSamples.submitted(facts(project)), at));
    }

    /** ENDORSED → PRIORITISED in a round. */
    static String prioritised(UUID project, OffsetDateTime at) {
        return send(event(UUID.randomUUID().toString(),
                EventSamples.prioritised(facts(project), 1, new BigDecimal("87.5")), at));
    }

    /** The project's whole action plan: {@link EventSamples#SAMPLE_CONDITION} (critical), standing as {@code status}. */
    static String actionPlan(UUID project, ActionItemStatus status, OffsetDateTime at) {
        return send(event(UUID.randomUUID().toString(), EventSamples.actionPlan(facts(project), status,
                status == ActionItemStatus.SCHEDULED ? null : EventSamples.SAMPLE_CONDITION), at));
    }

    /** A project ranked in a round, as partner-service has seen it: financing may be committed to it. */
    static UUID prioritisedProject() {
        UUID project = UUID.randomUUID();
        prioritised(project, T0);
        awaitStatus(project, "PRIORITISED");
        return project;
    }

    /** {@code data} as project-service publishes it, but with the given id and time. */
    static CloudEvent<EventData> event(String eventId, EventData data, OffsetDateTime at) {
        EventType type = EventType.of(data.getClass());
        return new CloudEvent<>(eventId, type.source(), type, data.projectId().toString(), at, data);
    }

    /** Sends {@code event}; returns its id. */
    static String send(CloudEvent<?> event) {
        sendRaw(event.subject(), EventSamples.json(event));
        return event.id();
    }

    static void sendRaw(String key, String value) {
        KafkaTestClient.send(TOPIC, key, value);
    }

    /** A project that went SUBMITTED -> ESG_REVIEW -> OPEN_FOR_SUPPORT, as partner-service has seen it. */
    static UUID openProject() {
        UUID project = UUID.randomUUID();
        submitted(project, T0);
        statusChanged(project, SUBMITTED, ESG_REVIEW, T0.plusHours(1));
        statusChanged(project, ESG_REVIEW, OPEN_FOR_SUPPORT, T0.plusHours(2));
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
