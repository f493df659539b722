package org.msp.portal.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.msp.portal.web.PartOfPlatform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** notification-service's public API: the timeline and subscriptions (both anonymous); the live stream is {@link LiveSteps}. */
@RegisterRestClient(configKey = "notification-service")
@PartOfPlatform("notification-service")
@Path("/api/v1")
public interface NotificationsApi {

    @GET
    @Path("/timeline")
    List<Step> timeline(@QueryParam("projectIds") String projectId, @QueryParam("limit") int limit);

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    Subscription subscribe(Map<String, Object> subscription);

    /** One step of the public timeline: what happened to which project, when. */
    record Step(long seq, String eventId, String type, String projectId, String title, List<String> countries,
            OffsetDateTime time, String summary) {
    }

    record Subscription(String id, String channel, String target, String status, String secret, String secretNote) {
    }
}
