package org.msp.notification.api;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.notification.domain.TimelineEntry;
import org.msp.notification.service.PublicLinks;
import org.msp.notification.service.TimelineBroadcaster;
import org.msp.notification.service.TimelineQuery;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The public timeline, for anyone and without a token: as JSON, as an Atom feed and as a live
 * Server-Sent Events stream, all with the filters subscriptions use (projectIds, countries,
 * minerals, eventTypes; repeated or comma-separated).
 */
@Path("/")
@PermitAll
public class TimelineResource {
    private final TimelineQuery timeline;
    private final TimelineBroadcaster broadcaster;
    private final PublicLinks links;
    private final Duration heartbeat;

    public TimelineResource(TimelineQuery timeline, TimelineBroadcaster broadcaster, PublicLinks links,
            @ConfigProperty(name = "msp.stream.heartbeat") Duration heartbeat) {
        this.timeline = timeline;
        this.broadcaster = broadcaster;
        this.links = links;
        this.heartbeat = heartbeat;
    }

    @GET
    @Path("/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    public List<TimelineEntryView> list(@QueryParam("projectIds") List<String> projectIds,
            @QueryParam("countries") List<String> countries, @QueryParam("minerals") List<String> minerals,
            @QueryParam("eventTypes") List<String> eventTypes,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        SubscriptionFilter filter = FilterRules.parse("", projectIds, countries, minerals, eventTypes);
        return timeline.newest(filter, limit).stream()
                .map(entry -> TimelineEntryView.of(entry, links.project(entry.projectId))).toList();
    }

    @GET
    @Path("/feed.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    public Response feed(@QueryParam("projectIds") List<String> projectIds,
            @QueryParam("countries") List<String> countries, @QueryParam("minerals") List<String> minerals,
            @QueryParam("eventTypes") List<String> eventTypes,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit, @Context UriInfo uri) {
        SubscriptionFilter filter = FilterRules.parse("", projectIds, countries, minerals, eventTypes);
        List<TimelineEntry> entries = timeline.newest(filter, limit);
        String query = uri.getRequestUri().getRawQuery();
        String self = links.self("/api/v1/feed.atom" + (query == null || query.isEmpty() ? "" : "?" + query));
        return Response.ok(AtomFeed.write(entries, self, canonical(filter), links::project),
                AtomFeed.MEDIA_TYPE + ";charset=UTF-8").build();
    }

    /**
     * New timeline entries as they are recorded. The first event, named {@code ready}, says the
     * stream is live; entries follow as unnamed events (EventSource {@code onmessage}) whose id is
     * the entry's sequence number; a comment line keeps idle connections open.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@QueryParam("projectIds") List<String> projectIds,
            @QueryParam("countries") List<String> countries, @QueryParam("minerals") List<String> minerals,
            @QueryParam("eventTypes") List<String> eventTypes, @Context Sse sse) {
        SubscriptionFilter filter = FilterRules.parse("", projectIds, countries, minerals, eventTypes);
        Multi<OutboundSseEvent> live = broadcaster.entries()
                .filter(entry -> filter.matches(entry.projectId(), entry.countries(), entry.minerals(), entry.type()))
                .map(entry -> sse.newEventBuilder().id(Long.toString(entry.seq()))
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(TimelineEntryView.class, entry).build());
        // subscribed after the live stream, so a reader that saw "ready" misses nothing recorded later
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(() -> sse.newEventBuilder().name("ready")
                .data(String.class, "{}").build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(live, ready, keepAlive);
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
