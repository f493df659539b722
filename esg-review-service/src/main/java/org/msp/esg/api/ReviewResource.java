package org.msp.esg.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.ReviewHistoryEntry;
import org.msp.esg.domain.ReviewStatus;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.service.ReviewService;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reviews: public reads, assignment, rating items and completion. */
@Path("/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {
    private final ReviewService reviews;
    private final Caller caller;
    private final ObjectMapper mapper;
    private final Validator validator;

    public ReviewResource(ReviewService reviews, Caller caller, ObjectMapper mapper, Validator validator) {
        this.reviews = reviews;
        this.caller = caller;
        this.mapper = mapper;
        this.validator = validator;
    }

    @GET
    @PermitAll
    @Transactional
    public ReviewPage list(@QueryParam("status") String statusFilter, @QueryParam("projectId") UUID projectId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        ReviewStatus status = statusFilter == null ? null : parseStatus(statusFilter);
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (projectId != null) {
            where.add("projectId = :projectId");
            params.put("projectId", projectId);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = Review.<Review>find(query, Sort.by("openedAt").descending().and("id"), params)
                .page(Page.of(page, size));
        // the list never carries ratings: open the review to see them (where allowed)
        List<ReviewView> items = found.list().stream().map(review -> ReviewView.of(review, false)).toList();
        return new ReviewPage(items, page, size, found.count());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Transactional
    public ReviewView get(@PathParam("id") UUID id) {
        Review review = existing(id);
        return ReviewView.of(review, mayReadRatings(review));
    }

    /** The review's changes; while it is open, the rating steps only for the secretariat and its reviewer. */
    @GET
    @Path("/{id}/history")
    @PermitAll
    @Transactional
    public List<ReviewHistoryView> history(@PathParam("id") UUID id) {
        Review review = existing(id);
        boolean withRatings = mayReadRatings(review);
        return ReviewHistoryEntry.of(id).stream()
                .filter(entry -> withRatings || entry.action != ReviewHistoryEntry.Action.RATED)
                .map(ReviewHistoryView::of).toList();
    }

    /**
     * The secretariat assigns a named reviewer ({@code reviewer}, {@code reviewerCountry}); an
     * esg-reviewer claims the review for itself with no body. Refused with 409 on a conflict of
     * interest or when someone else already has the review.
     */
    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({Caller.SECRETARIAT, Caller.ESG_REVIEWER})
    @Transactional
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssignmentRequest.class)))
    public ReviewView assign(@PathParam("id") UUID id, String body) throws JsonProcessingException {
        AssignmentRequest request = assignmentOf(body);
        String reviewer;
        String reviewerCountry;
        boolean namesSomeone = request != null && (request.reviewer() != null || request.reviewerCountry() != null);
        if (namesSomeone && caller.hasRole(Caller.SECRETARIAT)) {
            if (request.reviewer() == null) {
                throw ProblemException.badRequest("reviewer", "required when reviewerCountry is given");
            }
            if (request.reviewerCountry() == null) {
                throw ProblemException.badRequest("reviewerCountry",
                        "required: the conflict-of-interest check needs the reviewer's country");
            }
            reviewer = request.reviewer();
            reviewerCountry = request.reviewerCountry();
        } else if (caller.hasRole(Caller.ESG_REVIEWER)) {
            reviewer = caller.subject();
            reviewerCountry = caller.requireCountry();
            // a reviewer claims only for itself, with the country its token says
            if (namesSomeone && ((request.reviewer() != null && !request.reviewer().equals(reviewer))
                    || (request.reviewerCountry() != null && !request.reviewerCountry().equals(reviewerCountry)))) {
                throw ProblemException.forbidden("an esg-reviewer can only claim a review for itself; "
                        + "the secretariat assigns other reviewers");
            }
        } else {
            throw ProblemException.badRequest("reviewer", "the secretariat names the reviewer to assign");
        }
        Review review = reviews.assign(id, new Reviewer(reviewer, reviewerCountry), caller.subject());
        return ReviewView.of(review, true);
    }

    @PUT
    @Path("/{id}/items/{code}")
    @RolesAllowed(Caller.ESG_REVIEWER)
    @Transactional
    public ReviewView.ItemView rate(@PathParam("id") UUID id, @PathParam("code") String code,
            @NotNull @Valid RatingRequest request) {
        Review review = reviews.rate(id, code, request.rating(), blankToNull(request.evidence()),
                request.evidenceUrls(), blankToNull(request.comment()), actingReviewer());
        return ReviewView.ItemView.of(review.item(code).orElseThrow());
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Caller.ESG_REVIEWER)
    @Transactional
    public ReviewView complete(@PathParam("id") UUID id, @NotNull @Valid CompletionRequest request) {
        return ReviewView.of(reviews.complete(id, request.riskCategory(), actingReviewer()), true);
    }

    /**
     * The optional assignment body. Read by hand because a reviewer's claim is a bare POST without a
     * Content-Type, which JAX-RS would otherwise refuse with 415 before reaching the method.
     */
    private AssignmentRequest assignmentOf(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return null;
        }
        AssignmentRequest request = mapper.readValue(body, AssignmentRequest.class);
        if (request == null) {
            return null;
        }
        Set<ConstraintViolation<AssignmentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private boolean mayReadRatings(Review review) {
        return review.ratingsVisibleTo(caller.isAnonymous() ? null : caller.subject(),
                caller.hasRole(Caller.SECRETARIAT));
    }

    /** The caller as the review sees it; the review decides whether it may act (and under which country). */
    private Reviewer actingReviewer() {
        return new Reviewer(caller.subject(), caller.country().orElse(null));
    }

    private static Review existing(UUID id) {
        Review review = Review.findById(id);
        if (review == null) {
            throw ProblemException.notFound("review " + id);
        }
        return review;
    }

    /** Parsed here rather than by JAX-RS so that a bad filter is a 400 naming the parameter, not a 404. */
    private static ReviewStatus parseStatus(String value) {
        try {
            return ReviewStatus.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + java.util.Arrays.toString(ReviewStatus.values()));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
