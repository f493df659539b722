package org.msp.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.msp.portal.services.ReviewsApi;
import org.msp.portal.web.ServiceProblem;
import org.msp.portal.web.Visitor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ESG reviewers' and the secretariat's review tasks: the queue, claiming or assigning, the checklist on
 * one page (each item's rating, evidence and comment) and completion with a risk category.
 */
@Path("/reviews")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Visitor.ESG_REVIEWER, Visitor.SECRETARIAT})
public class ReviewerPages {
    static final List<String> RATINGS = List.of("MEETS", "PARTIAL", "DOES_NOT_MEET", "NOT_APPLICABLE");
    static final List<String> RISK_CATEGORIES = List.of("A", "B", "C");

    @Inject
    @RestClient
    ReviewsApi reviews;
    @Inject
    Pages pages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ReviewsApi.Review> open, ServiceProblem problem, UUID refused);

        static native TemplateInstance review(ReviewsApi.Review review, ServiceProblem problem,
                Map<String, ServiceProblem> itemProblems, List<String> unrated, List<String> ratings,
                List<String> riskCategories, String done);
    }

    @GET
    public TemplateInstance queue() {
        return pages.localised(Templates.queue(openReviews(), null, null));
    }

    private List<ReviewsApi.Review> openReviews() {
        List<ReviewsApi.Review> open = new java.util.ArrayList<>(reviews.reviews("OPEN", null, 0, 100).items());
        open.addAll(reviews.reviews("ASSIGNED", null, 0, 100).items());
        return open;
    }

    /** A reviewer claims the review for itself; a conflict of interest is refused (409) and said in words. */
    @POST
    @Path("{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Visitor.ESG_REVIEWER)
    public Response claim(@PathParam("id") String id) {
        UUID reviewId = PublicPages.uuid(id);
        try {
            reviews.assign(reviewId, Map.of());
            return Pages.seeOther("/reviews/" + reviewId + "?done=claimed");
        } catch (WebApplicationException e) {
            return queueRefusal(e, reviewId);
        }
    }

    /** The secretariat names the reviewer (its user name and country). */
    @POST
    @Path("{id}/assign")
    @RolesAllowed(Visitor.SECRETARIAT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID reviewId = PublicPages.uuid(id);
        Map<String, String> assignment = new HashMap<>();
        assignment.put("reviewer", PublicPages.blank(form.getFirst("reviewer")));
        assignment.put("reviewerCountry", PublicPages.blank(form.getFirst("reviewerCountry")));
        try {
            reviews.assign(reviewId, assignment);
            return Pages.seeOther("/reviews/" + reviewId + "?done=assigned");
        } catch (WebApplicationException e) {
            return queueRefusal(e, reviewId);
        }
    }

    private Response queueRefusal(WebApplicationException e, UUID reviewId) {
        if (e.getResponse().getStatus() >= 500) {
            throw e;
        }
        return pages.withStatus(e.getResponse().getStatus(),
                Templates.queue(openReviews(), ServiceProblem.of(e), reviewId));
    }

    @GET
    @Path("{id}")
    public TemplateInstance review(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("done") String done) {
        return pages.localised(Templates.review(reviews.review(PublicPages.uuid(id)), null, Map.of(), List.of(),
                RATINGS, RISK_CATEGORIES, done));
    }

    /**
     * Saves the checklist as the reviewer left it: every item whose rating, evidence or comment changed is
     * sent to the service; an item it refuses keeps the reviewer's text and shows why beside it.
     */
    @POST
    @Path("{id}")
    @RolesAllowed(Visitor.ESG_REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID reviewId = PublicPages.uuid(id);
        ReviewsApi.Review before = reviews.review(reviewId);
        Map<String, ServiceProblem> refused = new LinkedHashMap<>();
        for (ReviewsApi.Item item : before.items()) {
            String rating = PublicPages.blank(form.getFirst("rating-" + item.code()));
            String evidence = PublicPages.blank(form.getFirst("evidence-" + item.code()));
            String comment = PublicPages.blank(form.getFirst("comment-" + item.code()));
            boolean changed = !java.util.Objects.equals(rating, item.rating())
                    || !java.util.Objects.equals(evidence, item.evidence())
                    || !java.util.Objects.equals(comment, item.comment());
            if (rating == null || !changed) {
                continue;
            }
            Map<String, Object> body = new HashMap<>();
            body.put("rating", rating);
            body.put("evidence", evidence);
            body.put("comment", comment);
            try {
                reviews.rate(reviewId, item.code(), body);
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() >= 500) {
                    throw e;
                }
                refused.put(item.code(), ServiceProblem.of(e));
            }
        }
        if (refused.isEmpty()) {
            return Pages.seeOther("/reviews/" + reviewId + "?done=saved");
        }
        ServiceProblem first = refused.values().iterator().next();
        return pages.withStatus(first.status(), Templates.review(asTyped(reviews.review(reviewId), refused.keySet(), form),
                first, refused, List.of(), RATINGS, RISK_CATEGORIES, null));
    }

    /** The review as saved, but with the reviewer's own input on the items the service refused, to correct it. */
    private static ReviewsApi.Review asTyped(ReviewsApi.Review saved, java.util.Set<String> refused,
            MultivaluedMap<String, String> form) {
        List<ReviewsApi.Item> items = saved.items().stream().map(item -> !refused.contains(item.code()) ? item
                : new ReviewsApi.Item(item.code(), item.title(), item.framework(), item.weight(), item.critical(),
                        form.getFirst("rating-" + item.code()), form.getFirst("evidence-" + item.code()),
                        form.getFirst("comment-" + item.code()), item.ratedAt())).toList();
        return new ReviewsApi.Review(saved.id(), saved.projectId(), saved.projectTitle(), saved.hostCountry(),
                saved.submittingPartner(), saved.status(), saved.templateVersion(), saved.openedAt(), saved.reviewer(),
                saved.reviewerCountry(), saved.progress(), saved.riskCategory(), saved.outcome(), saved.score(),
                saved.completedAt(), saved.conditions(), items);
    }

    /** Completes the review; while items are unrated the service says 422 and the page links each of them. */
    @POST
    @Path("{id}/complete")
    @RolesAllowed(Visitor.ESG_REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID reviewId = PublicPages.uuid(id);
        Map<String, String> completion = new HashMap<>();
        completion.put("riskCategory", PublicPages.blank(form.getFirst("riskCategory")));
        // needed only when the category differs from the one the project was screened in (consultation)
        completion.put("categoryChangeReason", PublicPages.blank(form.getFirst("categoryChangeReason")));
        try {
            ReviewsApi.Review completed = reviews.complete(reviewId, completion);
            return Pages.seeOther("/projects/" + completed.projectId() + "?done=review-completed");
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            ReviewsApi.Review review = reviews.review(reviewId);
            List<String> unrated = e.getResponse().getStatus() == 422
                    ? review.items().stream().filter(item -> item.rating() == null).map(ReviewsApi.Item::code).toList()
                    : List.of();
            return pages.withStatus(e.getResponse().getStatus(), Templates.review(review, ServiceProblem.of(e),
                    Map.of(), unrated, RATINGS, RISK_CATEGORIES, null));
        }
    }
}
