package org.msp.portal.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.msp.portal.web.PartOfPlatform;
import org.msp.portal.web.VisitorToken;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** esg-review-service's API as the portal reads it: checklist templates and reviews. */
@RegisterRestClient(configKey = "esg-review-service")
@RegisterProvider(VisitorToken.class)
@PartOfPlatform("esg-review-service")
@Path("/api/v1")
public interface ReviewsApi {

    @GET
    @Path("/checklist-templates")
    List<Template> templates();

    @GET
    @Path("/checklist-templates/{id}")
    Template template(@PathParam("id") UUID id);

    @GET
    @Path("/reviews")
    ReviewPage reviews(@QueryParam("status") String status, @QueryParam("projectId") UUID projectId,
            @QueryParam("page") int page, @QueryParam("size") int size);

    /** The review items' data package: same shape as project-service's, each resource's path absolute. */
    @GET
    @Path("/open-data/datapackage.json")
    ProjectsApi.DataPackage dataPackage();

    @GET
    @Path("/reviews/{id}")
    Review review(@PathParam("id") UUID id);

    @POST
    @Path("/reviews/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    Review assign(@PathParam("id") UUID id, Map<String, String> assignment);

    @PUT
    @Path("/reviews/{id}/items/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    void rate(@PathParam("id") UUID id, @PathParam("code") String code, Map<String, Object> rating);

    @POST
    @Path("/reviews/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    Review complete(@PathParam("id") UUID id, Map<String, String> completion);

    // --- the public consultation (SPEC §9)

    @GET
    @Path("/reviews/{id}/consultation")
    Consultation consultation(@PathParam("id") UUID id);

    @POST
    @Path("/reviews/{id}/screening")
    @Consumes(MediaType.APPLICATION_JSON)
    Consultation screen(@PathParam("id") UUID id, Map<String, String> screening);

    @POST
    @Path("/reviews/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    Comment comment(@PathParam("id") UUID id, Map<String, Object> comment);

    @PUT
    @Path("/reviews/{id}/comments/{cid}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    Comment answer(@PathParam("id") UUID id, @PathParam("cid") UUID commentId, Map<String, String> answer);

    @PUT
    @Path("/reviews/{id}/comments/{cid}/moderation")
    @Consumes(MediaType.APPLICATION_JSON)
    Comment hide(@PathParam("id") UUID id, @PathParam("cid") UUID commentId, Map<String, String> moderation);

    record ConsultationItem(String code, String title) {
    }

    record Answer(String disposition, String response, OffsetDateTime answeredAt) {
    }

    record Comment(UUID id, int number, String authorName, String authorRole, String onBehalfOf, String body,
            String language, List<String> itemCodes, OffsetDateTime receivedAt, boolean hidden, OffsetDateTime hiddenAt,
            String hiddenReason, Answer answer) {
    }

    /** A review's consultation: state NOT_OPENED, OPEN or CLOSED. */
    record Consultation(UUID reviewId, UUID projectId, String projectTitle, String state, String riskCategory,
            String summary, OffsetDateTime screenedAt, OffsetDateTime opensAt, OffsetDateTime closesAt,
            OffsetDateTime closedAt, List<ConsultationItem> items, List<Comment> comments) {

        public boolean isOpen() {
            return "OPEN".equals(state);
        }

        public boolean isNotOpened() {
            return "NOT_OPENED".equals(state);
        }
    }

    record TemplateItem(String code, String title, String guidance, String framework, int weight, boolean critical) {
    }

    record Template(UUID id, String key, int version, String name, String description, boolean frozen, int itemCount,
            int totalWeight, List<TemplateItem> items) {
    }

    record Progress(long rated, int total) {
        public int percent() {
            return total == 0 ? 0 : (int) (rated * 100 / total);
        }
    }

    record Item(String code, String title, String framework, int weight, boolean critical, String rating,
            String evidence, String comment, OffsetDateTime ratedAt) {
    }

    record Condition(String code, String title, String rating, String comment) {
    }

    record Review(UUID id, UUID projectId, String projectTitle, String hostCountry, String submittingPartner,
            String status, int templateVersion, OffsetDateTime openedAt, String reviewer, String reviewerCountry,
            Progress progress, String riskCategory, String outcome, BigDecimal score, OffsetDateTime completedAt,
            List<Condition> conditions, List<Item> items) {

        public boolean isOpen() {
            return "OPEN".equals(status) || "ASSIGNED".equals(status);
        }

        public boolean isCompleted() {
            return "COMPLETED".equals(status);
        }
    }

    record ReviewPage(List<Review> items, int page, int size, long total) {
    }
}
