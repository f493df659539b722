package org.msp.notification.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.notification.domain.TimelineEntry;
import org.msp.notification.service.PublicLinks;
import org.msp.notification.service.TimelineBroadcaster;
import org.msp.notification.service.TimelineQuery;
import org.msp.platform.api.ProblemException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The public timeline, for anyone and without a token: as JSON paged back to the first entry, as an
 * Atom feed with RFC 5005 archives, and as a live Server-Sent Events stream that resumes from
 * {@code Last-Event-ID}; all with the filters subscriptions use (projectIds, countries, minerals,
 * eventTypes; repeated or comma-separated).
 */
@Path("/")
@PermitAll
public class TimelineResource {
    /** An empty feed document's {@code updated}: fixed, so its bytes and ETag do not change with the clock. */
    private static final OffsetDateTime BEFORE_THE_FIRST_ENTRY = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final TimelineQuery timeline;
    private final TimelineBroadcaster broadcaster;
    private final PublicLinks links;
    private final ObjectMapper json;
    private final Duration heartbeat;
    private final int archiveSize;

    public TimelineResource(TimelineQuery timeline, TimelineBroadcaster broadcaster, PublicLinks links,
            ObjectMapper json, @ConfigProperty(name = "msp.stream.heartbeat") Duration heartbeat,
            @ConfigProperty(name = "msp.feed.archive-size") int archiveSize) {
        this.timeline = timeline;
        this.broadcaster = broadcaster;
        this.links = links;
        this.json = json;
        this.heartbeat = heartbeat;
        this.archiveSize = archiveSize;
    }

    /** Newest first; {@code before} (the cursor of the last entry seen) pages back to the very first entry. */
    @GET
    @Path("/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("projectIds") List<String> projectIds,
            @QueryParam("countries") List<String> countries, @QueryParam("minerals") List<String> minerals,
            @QueryParam("eventTypes") List<String> eventTypes, @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit, @Context Request request) {
        SubscriptionFilter filter = FilterRules.parse("", projectIds, countries, minerals, eventTypes);
        Long beforePosition = before == null || before.isEmpty() ? null : Cursor.parse("before", before);
        List<TimelineEntryView> page = timeline.before(filter, beforePosition, limit).stream()
                .map(entry -> TimelineEntryView.of(entry, links.project(entry.projectId))).toList();
        Map<String, String> next = new LinkedHashMap<>();
        if (page.size() == limit) {
            String query = query(filter, "before=" + page.get(page.size() - 1).cursor() + "&limit=" + limit);
            next.put("next", links.self("/api/v1/timeline?" + query));
        }
        // a full page below a cursor this service gave can no longer change; the newest page can
        boolean settled = beforePosition != null && page.size() == limit
                && beforePosition <= timeline.lastPosition() + 1;
        return OpenDataResponses.json(request, json, page, settled, next);
    }

    /**
     * The current feed document: the entries since the newest archive document, newest first, and a
     * {@code prev-archive} link to it. Walking {@code prev-archive} from here reaches the first entry
     * and meets every entry exactly once.
     */
    @GET
    @Path("/feed.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    public Response feed(@QueryParam("projectIds") List<String> projectIds,
            @QueryParam("countries") List<String> countries, @QueryParam("minerals") List<String> minerals,
            @QueryParam("eventTypes") List<String> eventTypes, @Context Request request) {
        SubscriptionFilter filter = FilterRules.parse("", projectIds, countries, minerals, eventTypes);
        long archives = timeline.count(filter) / archiveSize;
        List<TimelineEntry> entries = newestFirst(timeline.byOrdinal(filter, archives * archiveSize, Integer.MAX_VALUE));
        List<AtomFeed.Link> feedLinks = new ArrayList<>();
        feedLinks.add(new AtomFeed.Link("self", currentUrl(filter)));
        if (archives > 0) {
            feedLinks.add(new AtomFeed.Link("prev-archive", archiveUrl(filter, archives)));
        }
        return OpenDataResponses.of(request, AtomFeed.write(entries, feedLinks, false, BEFORE_THE_FIRST_ENTRY,
                canonical(filter), links::project), AtomFeed.MEDIA_TYPE + ";charset=UTF-8", false, Map.of());
    }

    /**
     * Archive document {@code page} (1 = the oldest): entries {@code (page - 1) × size + 1} to
     * {@code page × size} of the filtered timeline, which never change once the page is full.
     */
    @GET
    @Path("/feed/archives/{page}")
    @Produces(AtomFeed.MEDIA_TYPE)
    public Response archive(@PathParam("page") String pageParam, @QueryParam("projectIds") List<String> projectIds,
            @QueryParam("countries") List<String> countries, @QueryParam("minerals") List<String> minerals,
            @QueryParam("eventTypes") List<String> eventTypes, @Context Request request) {
        SubscriptionFilter filter = FilterRules.parse("", projectIds, countries, minerals, eventTypes);
        long page = Cursor.parse("page", pageParam);
        long archives = timeline.count(filter) / archiveSize;
        if (page < 1 || page > archives) {
            throw ProblemException.notFound("archive page " + pageParam + " (there are " + archives + " so far)");
        }
        List<TimelineEntry> entries = newestFirst(timeline.byOrdinal(filter, (page - 1) * archiveSize, archiveSize));
        List<AtomFeed.Link> feedLinks = new ArrayList<>();
        feedLinks.add(new AtomFeed.Link("self", archiveUrl(filter, page)));
        feedLinks.add(new AtomFeed.Link("current", currentUrl(filter)));
        if (page > 1) {
            feedLinks.add(new AtomFeed.Link("prev-archive", archiveUrl(filter, page - 1)));
        }
        boolean newest = page == archives;
        if (!newest) {
            feedLinks.add(new AtomFeed.Link("next-archive", archiveUrl(filter, page + 1)));
        }
        // the newest archive gains its next-archive link when the following page fills; the others are final
        return OpenDataResponses.of(request, AtomFeed.write(entries, feedLinks, true, BEFORE_THE_FIRST_ENTRY,
                canonical(filter), links::project), AtomFeed.MEDIA_TYPE + ";charset=UTF-8", !newest, Map.of());
    }

    /**
     * Timeline entries as they are recorded. The first event, named {@code ready}, says the stream is
     * live; entries follow as unnamed events (EventSource {@code onmessage}) whose id is the entry's
     * cursor. A client reconnecting with {@code Last-Event-ID} first gets every matching entry after
     * it, then live ones, none twice. A comment line keeps idle connections open.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ResponseHeader(name = "Link", value = OpenDataResponses.LICENSE_LINK)
    public Multi<OutboundSseEvent> stream(@QueryParam("projectIds") List<String> projectIds,
            @QueryParam("countries") List<String> countries, @QueryParam("minerals") List<String> minerals,
            @QueryParam("eventTypes") List<String> eventTypes, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        SubscriptionFilter filter = FilterRules.parse("", projectIds, countries, minerals, eventTypes);
        Multi<TimelineEntryView> entries = lastEventId == null || lastEventId.isBlank()
                ? broadcaster.entries().filter(entry -> filter.matches(entry.projectId(), entry.countries(),
                        entry.minerals(), entry.type()))
                : broadcaster.entriesAfter(filter, Cursor.parse("Last-Event-ID", lastEventId.strip()));
        Multi<OutboundSseEvent> events = entries
                .map(entry -> sse.newEventBuilder().id(entry.cursor())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(TimelineEntryView.class, entry).build())
                // a reader too slow for the live entries is let go: it reconnects with its Last-Event-ID
                .onFailure().recoverWithCompletion();
        // subscribed after the entries, so a reader that saw "ready" misses nothing recorded later
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(() -> sse.newEventBuilder().name("ready")
                .data(String.class, "{}").build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(events, ready, keepAlive);
    }

    private String currentUrl(SubscriptionFilter filter) {
        String query = canonical(filter);
        return links.self("/api/v1/feed.atom" + (query.isEmpty() ? "" : "?" + query));
    }

    private String archiveUrl(SubscriptionFilter filter, long page) {
        String query = canonical(filter);
        return links.self("/api/v1/feed/archives/" + page + (query.isEmpty() ? "" : "?" + query));
    }

    private static List<TimelineEntry> newestFirst(List<TimelineEntry> oldestFirst) {
        List<TimelineEntry> entries = new ArrayList<>(oldestFirst);
        Collections.reverse(entries);
        return entries;
    }

    private static String query(SubscriptionFilter filter, String paging) {
        String filterQuery = canonical(filter);
        return filterQuery.isEmpty() ? paging : filterQuery + "&" + paging;
    }

    /** The filter in a stable textual form, e.g. {@code countries=ZM&minerals=COBALT}. */
    static String canonical(SubscriptionFilter filter) {
        TreeMap<String, String> parts = new TreeMap<>();
        put(parts, "projectIds", filter.projectIds());
        put(parts, "countries", filter.countries());
        put(parts, "minerals", filter.minerals());
        put(parts, "eventTypes", filter.eventTypes());
        return parts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static void put(TreeMap<String, String> parts, String name, java.util.Set<String> values) {
        if (!values.isEmpty()) {
            parts.put(name, values.stream().sorted().collect(Collectors.joining(",")));
        }
    }
}
