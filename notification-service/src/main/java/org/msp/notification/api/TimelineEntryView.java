package org.msp.notification.api;

import org.msp.notification.domain.TimelineEntry;

import java.time.OffsetDateTime;
import java.util.List;

/** A timeline entry as the JSON timeline and the live stream show it. */
public record TimelineEntryView(long seq, String eventId, String type, String projectId, String title,
        List<String> countries, List<String> minerals, OffsetDateTime time, String summary, String projectUrl) {

    public static TimelineEntryView of(TimelineEntry entry, String projectUrl) {
        return new TimelineEntryView(entry.seq, entry.eventId, entry.eventType, entry.projectId, entry.title,
                List.copyOf(entry.countries()), List.copyOf(entry.minerals()), entry.occurredAt, entry.summary,
                projectUrl);
    }
}
