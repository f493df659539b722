package org.msp.notification.api;

import org.msp.notification.domain.TimelineEntry;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A timeline entry as the JSON timeline and the live stream show it. {@code cursor} is its position in
 * the public history (opaque to clients): the {@code after}/{@code before} of the next page, and the
 * stream's event id.
 */
public record TimelineEntryView(String cursor, long seq, String eventId, String type, String projectId, String title,
        List<String> countries, List<String> minerals, OffsetDateTime time, String summary, String projectUrl) {

    public static TimelineEntryView of(TimelineEntry entry, String projectUrl) {
        return new TimelineEntryView(Cursor.of(entry.position), entry.seq, entry.eventId, entry.eventType,
                entry.projectId, entry.title, List.copyOf(entry.countries()), List.copyOf(entry.minerals()),
                entry.occurredAt, entry.summary, projectUrl);
    }

    /** The entry's position, as {@link #cursor} names it. */
    public long position() {
        return Cursor.position(cursor);
    }
}
