package org.msp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.partner.EndorsementGiven;
import org.msp.events.partner.EndorsementWithdrawn;
import org.msp.events.partner.InterestExpressed;
import org.msp.notification.delivery.DeliveryScheduler;
import org.msp.notification.domain.Headline;
import org.msp.notification.domain.ProjectFacts;
import org.msp.notification.domain.TimelineEntry;
import org.msp.platform.inbox.IdempotentConsumer.Result;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one consumed pipeline event into a timeline entry, updates what is known about the project,
 * and schedules a delivery for every subscription it matches — all in the consumer's transaction.
 * Every event carries the project's facts (the contract), so an entry is titled and matched by
 * country and mineral whichever topic happened to be read first.
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
    public Result record(CloudEvent<EventData> event, String json) {
        if (TimelineEntry.count("eventId", event.id()) > 0) {
            return Result.skipped("event id " + event.id() + " is already on the timeline (from another source)");
        }
        EventData data = event.data();
        String projectId = event.subject();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        // the three topic consumers run in parallel: create the row race-free, then lock it
        ProjectFacts.getEntityManager().createNativeQuery(
                        "INSERT INTO project_facts (project_id, updated_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, projectId).setParameter(2, now).executeUpdate();
        ProjectFacts facts = ProjectFacts.findById(projectId, LockModeType.PESSIMISTIC_WRITE);
        List<String> minerals = data.minerals().stream().map(Enum::name).toList();
        facts.learn(data.title(), data.hostCountry(), data.submittingPartner(), minerals, now);

        Set<String> countries = new LinkedHashSet<>(facts.countries());
        String actingPartner = actingPartner(data);
        if (actingPartner != null) {
            // a partner's own interest or endorsement concerns that partner's country too
            countries.add(actingPartner);
        }
        TimelineEntry entry = new TimelineEntry(event.id(), event.source(), event.type().type(), projectId,
                facts.title, countries, facts.minerals(), event.time() != null ? event.time() : now,
                Headline.of(event.type(), data), json, now);
        entry.persist();
        entry.flush();
        deliveries.schedule(entry);
        appended.fire(new TimelineAppended(entry.seq));
        return Result.APPLIED;
    }

    private static String actingPartner(EventData data) {
        if (data instanceof InterestExpressed interest) {
            return interest.partner();
        }
        if (data instanceof EndorsementGiven endorsement) {
            return endorsement.partner();
        }
        if (data instanceof EndorsementWithdrawn withdrawal) {
            return withdrawal.partner();
        }
        return null;
    }
}
