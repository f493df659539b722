package org.msp.partner.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.msp.partner.domain.ProjectStatus;
import org.msp.partner.domain.StatusReport;
import org.msp.partner.service.ProjectReadModel;
import org.msp.platform.api.CountryCode;
import org.msp.platform.events.CloudEvent;
import org.msp.platform.events.MalformedEventException;
import org.msp.platform.inbox.IdempotentConsumer;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Feeds the read model of project status from {@code msp.projects}. Each event is applied once
 * (inbox); an unusable one goes to {@code msp.dead-letter.partner-service} and the consumer goes on.
 */
@ApplicationScoped
public class ProjectEventsConsumer {
    static final String SUBMITTED = "org.msp.project.submitted.v1";
    static final String STATUS_CHANGED = "org.msp.project.status-changed.v1";
    static final String PRIORITISED = "org.msp.project.prioritised.v1";
    private static final Set<String> STATUS_EVENTS = Set.of(SUBMITTED, STATUS_CHANGED, PRIORITISED);

    private final IdempotentConsumer consumer;
    private final ProjectReadModel projects;

    public ProjectEventsConsumer(IdempotentConsumer consumer, ProjectReadModel projects) {
        this.consumer = consumer;
        this.projects = projects;
    }

    @Incoming("projects")
    @Blocking
    public CompletionStage<Void> onProjectEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, raw -> this::apply);
    }

    IdempotentConsumer.Result apply(CloudEvent event) {
        if (!STATUS_EVENTS.contains(event.type())) {
            return IdempotentConsumer.Result.skipped("event type " + event.type() + " is not used here");
        }
        JsonNode data = event.data();
        UUID projectId = projectId(event);
        ProjectStatus to = status(data, data.hasNonNull("to") ? "to" : "status");
        ProjectStatus from = data.hasNonNull("from") ? status(data, "from") : null;
        ProjectReadModel.Facts facts = new ProjectReadModel.Facts(title(data), country(data, "hostCountry"),
                country(data, "submittingPartner"));
        String skipped = projects.report(projectId, new StatusReport(from, to, event.time()), facts, event.id());
        return skipped == null ? IdempotentConsumer.Result.APPLIED : IdempotentConsumer.Result.skipped(skipped);
    }

    /** The subject is the project id; {@code data.projectId}, when present, must agree with it. */
    private static UUID projectId(CloudEvent event) {
        UUID id = uuid(event.subject(), "subject");
        if (event.data().hasNonNull("projectId") && !id.equals(uuid(event.data().get("projectId").asText(), "data.projectId"))) {
            throw new MalformedEventException("data.projectId does not match the subject " + event.subject());
        }
        return id;
    }

    private static UUID uuid(String value, String field) {
        if (value == null) {
            throw new MalformedEventException(field + " is missing; it must be the project id");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a project id (UUID): " + value, e);
        }
    }

    private static ProjectStatus status(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedEventException("data." + field + " must name a project status");
        }
        try {
            return ProjectStatus.valueOf(value.asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("data." + field + " is not a project status: " + value.asText(), e);
        }
    }

    /** The project's title, cut to the column's size so an over-long one cannot block the consumer. */
    private static String title(JsonNode data) {
        JsonNode value = data.get("title");
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        String title = value.asText().strip();
        return title.length() > 200 ? title.substring(0, 200) : title;
    }

    private static String country(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !CountryCode.Validator.isValid(value.asText())) {
            throw new MalformedEventException("data." + field + " is not a country code: " + value);
        }
        return value.asText();
    }
}
