package org.msp.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Set;

/** One pipeline event as the public sees it: what happened to which project, in one readable line. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id")
    public String eventId;

    public String source;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "project_id")
    public String projectId;

    /** The project's title when it was known, else null. */
    public String title;

    @Column(name = "countries")
    String countriesColumn;

    @Column(name = "minerals")
    String mineralsColumn;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** e.g. "Kabwe zinc-lead recycling: ESG review completed — cleared with conditions". */
    public String summary;

    /** The CloudEvent exactly as consumed: the body webhooks receive. */
    @Column(name = "event_json")
    public String eventJson;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /**
     * Where the entry stands in the public history (1, 2, 3, ... in commit order, no gaps): the cursor of
     * the feeds. Null until {@code TimelinePositions} numbers the committed entry, moments later.
     */
    @Column(name = "position", insertable = false, updatable = false)
    public Long position;

    protected TimelineEntry() {
    }

    public TimelineEntry(String eventId, String source, String eventType, String projectId, String title,
            Collection<String> countries, Collection<String> minerals, OffsetDateTime occurredAt, String summary,
            String eventJson, OffsetDateTime recordedAt) {
        this.eventId = eventId;
        this.source = source;
        this.eventType = eventType;
        this.projectId = projectId;
        this.title = title;
        this.countriesColumn = DelimitedSet.encode(countries);
        this.mineralsColumn = DelimitedSet.encode(minerals);
        this.occurredAt = occurredAt;
        this.summary = summary;
        this.eventJson = eventJson;
        this.recordedAt = recordedAt;
    }

    public Set<String> countries() {
        return DelimitedSet.decode(countriesColumn);
    }

    public Set<String> minerals() {
        return DelimitedSet.decode(mineralsColumn);
    }
}
