package org.msp.notification.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.msp.notification.delivery.DeliveryScheduler;
import org.msp.notification.domain.Headline;
import org.msp.notification.domain.PipelineEventType;
import org.msp.notification.domain.ProjectFacts;
import org.msp.notification.domain.TimelineEntry;
import org.msp.platform.api.CountryCode;
import org.msp.platform.events.CloudEvent;
import org.msp.platform.events.EventText;
import org.msp.platform.events.MalformedEventException;
import org.msp.platform.inbox.IdempotentConsumer.Result;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one consumed pipeline event into a timeline entry, updates what is known about the project,
 * and schedules a delivery for every subscription it matches — all in the consumer's transaction.
 */
@ApplicationScoped
public class TimelineRecorder {
    private final DeliveryScheduler deliveries;
    private final Event<TimelineAppended> appended;

    public TimelineRecorder(DeliveryScheduler deliveries, Event<TimelineAppended> appended) {
        this.deliveries = deliveries;
        this.appended = appended;
    }

    /** Fired in the recording transaction; observers act after it commits. */
    public record TimelineAppended(long seq) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result record(CloudEvent event, String raw) {
        PipelineEventType type = PipelineEventType.of(event.type()).orElse(null);
        if (type == null) {
            return Result.skipped("unknown event type " + event.type());
        }
        if (TimelineEntry.count("eventId", event.id()) > 0) {
            return Result.skipped("event id " + event.id() + " is already on the timeline (from another source)");
        }
        JsonNode data = event.data();
        String projectId = projectIdOf(event);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        // the three topic consumers run in parallel: create the row race-free, then lock it
        ProjectFacts.getEntityManager().createNativeQuery(
                        "INSERT INTO project_facts (project_id, updated_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, projectId).setParameter(2, now).executeUpdate();
        ProjectFacts facts = ProjectFacts.findById(projectId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (type.isProjectEvent()) {
            facts.learn(title(data), country(data, "hostCountry"), country(data, "submittingPartner"),
                    minerals(data), now);
        } else if (type == PipelineEventType.ESG_REVIEW_OPENED) {
            facts.learn(null, country(data, "hostCountry"), country(data, "submittingPartner"), null, now);
        }

        Set<String> countries = new LinkedHashSet<>(facts.countries());
        String actingPartner = country(data, "partner");
        if (actingPartner != null) {
            // a partner's own interest or endorsement concerns that partner's country too
            countries.add(actingPartner);
        }
        TimelineEntry entry = new TimelineEntry(event.id(), event.source(), type.type(), projectId, facts.title,
                countries, facts.minerals(), event.time() != null ? event.time() : now,
                Headline.of(type, facts.title, projectId, data), raw, now);
        entry.persist();
        entry.flush();
        deliveries.schedule(entry);
        appended.fire(new TimelineAppended(entry.seq));
        return Result.APPLIED;
    }

    private static String projectIdOf(CloudEvent event) {
        JsonNode fromData = event.data().get("projectId");
        String inData = fromData != null && fromData.isTextual() ? fromData.asText() : null;
        String subject = event.subject();
        if (subject == null && inData == null) {
            throw new MalformedEventException("event names no project (no subject, no data.projectId)");
        }
        if (subject != null && inData != null && !subject.equals(inData)) {
            throw new MalformedEventException("subject " + subject + " and data.projectId " + inData + " differ");
        }
        String projectId = subject != null ? subject : inData;
        if (projectId.isBlank() || projectId.length() > 100) {
            throw new MalformedEventException("project id must be 1-100 characters");
        }
        return projectId;
    }

    private static String title(JsonNode data) {
        JsonNode title = data.get("title");
        if (title == null || !title.isTextual()) {
            return null;
        }
        // project_facts.title and timeline_entry.title are VARCHAR(300); project-service allows 200
        return EventText.shortened(title.asText().strip(), 300);
    }

    private static String country(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String code = value.asText();
        if (!CountryCode.Validator.isValid(code)) {
            throw new MalformedEventException(field + " is not a country code: " + code);
        }
        return code;
    }

    private static List<String> minerals(JsonNode data) {
        JsonNode minerals = data.get("minerals");
        if (minerals == null || minerals.isNull()) {
            return List.of();
        }
        if (!minerals.isArray() || minerals.size() > 20) {
            throw new MalformedEventException("minerals must be an array of at most 20 names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode mineral : minerals) {
            String name = mineral.asText().toUpperCase(Locale.ROOT);
            if (!name.matches("[A-Z_]{1,30}")) {
                throw new MalformedEventException("not a mineral name: " + mineral.asText());
            }
            names.add(name);
        }
        return names;
    }
}
