package org.msp.esg.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.msp.esg.service.ReviewService;
import org.msp.platform.api.CountryCode;
import org.msp.platform.events.CloudEvent;
import org.msp.platform.events.MalformedEventException;
import org.msp.platform.inbox.IdempotentConsumer;
import org.msp.platform.inbox.IdempotentConsumer.Result;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Follows {@code msp.projects}: a submitted project gets its review opened; a project withdrawn
 * while its review is open gets the review cancelled. Everything else is recorded as skipped.
 */
@ApplicationScoped
public class ProjectEventsConsumer {
    static final String SUBMITTED = "org.msp.project.submitted.v1";
    static final String STATUS_CHANGED = "org.msp.project.status-changed.v1";

    private final IdempotentConsumer consumer;
    private final ReviewService reviews;

    public ProjectEventsConsumer(IdempotentConsumer consumer, ReviewService reviews) {
        this.consumer = consumer;
        this.reviews = reviews;
    }

    @Incoming("projects")
    @Blocking
    public CompletionStage<Void> onProjectEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, raw -> this::apply);
    }

    Result apply(CloudEvent event) {
        return switch (event.type()) {
            case SUBMITTED -> submitted(event);
            case STATUS_CHANGED -> statusChanged(event);
            default -> Result.skipped("not relevant to ESG reviews: " + event.type());
        };
    }

    private Result submitted(CloudEvent event) {
        JsonNode data = event.data();
        UUID projectId = projectId(event);
        String title = required(data, "title");
        title = title.length() > 300 ? title.substring(0, 300) : title;
        String host = country(data, "hostCountry");
        String partner = country(data, "submittingPartner");
        String actor = "event:" + event.source() + "#" + event.id();
        return reviews.openFor(projectId, title, host, partner, actor)
                ? Result.APPLIED
                : Result.skipped("project " + projectId + " already has a review");
    }

    private Result statusChanged(CloudEvent event) {
        String to = required(event.data(), "to");
        if (!"WITHDRAWN".equals(to)) {
            return Result.skipped("status " + to + " does not affect the review");
        }
        UUID projectId = projectId(event);
        String reason = event.data().hasNonNull("reason") ? event.data().get("reason").asText() : null;
        String actor = "event:" + event.source() + "#" + event.id();
        return reviews.cancelFor(projectId, "the project was withdrawn" + (reason == null ? "" : ": " + reason), actor)
                ? Result.APPLIED
                : Result.skipped("no open review for project " + projectId);
    }

    private static UUID projectId(CloudEvent event) {
        String id = required(event.data(), "projectId");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("data.projectId is not a UUID: " + id, e);
        }
    }

    private static String country(JsonNode data, String field) {
        String code = required(data, field);
        if (!CountryCode.Validator.isValid(code)) {
            throw new MalformedEventException("data." + field + " is not a country code: " + code);
        }
        return code;
    }

    private static String required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("data." + field + " is missing or not a string");
        }
        return value.asText();
    }
}
