package org.msp.notification.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.notification.domain.TimelineEntry;
import org.msp.notification.service.PublicLinks;
import org.msp.notification.service.TimelineQuery;

import java.util.List;
import java.util.Map;

/**
 * The incremental change feed (SPEC §10): every event of the platform, in the order it was recorded,
 * from the first one on, each as the CloudEvent it was published as. A client keeps the {@code next}
 * cursor and asks again later; at the end it gets an empty page with the same cursor.
 */
@Path("/open-data/changes")
@PermitAll
public class ChangesResource {
    private final TimelineQuery timeline;
    private final PublicLinks links;
    private final ObjectMapper json;

    public ChangesResource(TimelineQuery timeline, PublicLinks links, ObjectMapper json) {
        this.timeline = timeline;
        this.links = links;
        this.json = json;
    }

    /** One page of the history. */
    public record ChangesPage(String license, String licenseName, String attribution, String after, String next,
            String nextUrl, List<Change> changes) {
    }

    /** One event with its cursor (resume after it with {@code after=<cursor>}). */
    public record Change(String cursor, JsonNode event) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response changes(@QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit, @Context Request request) {
        long position = Cursor.parse("after", after);
        List<TimelineEntry> entries = timeline.after(SubscriptionFilter.EVERYTHING, position, limit);
        List<Change> changes = entries.stream().map(entry -> new Change(Cursor.of(entry.position), event(entry))).toList();
        String next = entries.isEmpty() ? Cursor.of(position) : changes.get(changes.size() - 1).cursor();
        String nextUrl = links.self("/api/v1/open-data/changes?after=" + next + "&limit=" + limit);
        ChangesPage page = new ChangesPage(OpenDataResponses.LICENSE_URL, OpenDataResponses.LICENSE_NAME,
                OpenDataResponses.ATTRIBUTION, Cursor.of(position), next, nextUrl, changes);
        // a full page never changes again; a shorter one grows as events are recorded
        return OpenDataResponses.json(request, json, page, changes.size() == limit, Map.of("next", nextUrl));
    }

    private JsonNode event(TimelineEntry entry) {
        try {
            return json.readTree(entry.eventJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + entry.eventId + " as recorded is not JSON", e);
        }
    }
}
