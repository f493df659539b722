package org.msp.portal.services;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.msp.portal.web.PartOfPlatform;

/**
 * notification-service's live stream (Server-Sent Events). A client of its own, so that it alone reads
 * without a timeout: a stream stays open as long as the visitor keeps the page open.
 */
@RegisterRestClient(configKey = "notification-stream")
@PartOfPlatform("notification-service")
@Path("/api/v1")
public interface LiveSteps {

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> of(@QueryParam("projectIds") String projectId);
}
