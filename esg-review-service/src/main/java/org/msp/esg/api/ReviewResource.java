package org.msp.esg.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import org.msp.esg.domain.AssignmentPolicy;
import org.msp.esg.domain.EvidenceDocument;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.ReviewHistoryEntry;
import org.msp.esg.domain.ReviewItem;
import org.msp.esg.domain.ReviewStatus;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.service.ReviewService;
import org.msp.platform.api.OptionalBody;
import org.msp.platform.api.ProblemException;
import org.msp.platform.api.RequestParameters;
import org.msp.platform.security.Caller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reviews: public reads, assignment, rating items and completion. */
@Path("/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {
    private final ReviewService reviews;
    private final Caller caller;
    private final OptionalBody optionalBody;

    public ReviewResource(ReviewService reviews, Caller caller, OptionalBody optionalBody) {
        this.reviews = reviews;
        this.caller = caller;
        this.optionalBody = optionalBody;
    }

    @GET
    @PermitAll
    @Transactional
    public ReviewPage list(@QueryParam("status") String statusFilter, @QueryParam("projectId") UUID projectId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        ReviewStatus status = RequestParameters.enumValue("status", statusFilter, ReviewStatus.class);
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
                .map(entry -> ReviewHistoryView.of(entry, caller.hasRole(Caller.SECRETARIAT))).toList();
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
        AssignmentRequest request = optionalBody.read(body, AssignmentRequest.class);
        // a user with both roles assigns as the secretariat when it names someone, else claims for itself
        boolean namesSomeone = request != null && (request.reviewer() != null || request.reviewerCountry() != null);
        AssignmentPolicy.Authority authority = caller.hasRole(Caller.SECRETARIAT)
                && (namesSomeone || !caller.hasRole(Caller.ESG_REVIEWER))
                ? AssignmentPolicy.Authority.SECRETARIAT : AssignmentPolicy.Authority.REVIEWER;
        Reviewer reviewer = AssignmentPolicy.reviewerFor(authority, actingReviewer(),
                request == null ? null : request.reviewer(), request == null ? null : request.reviewerCountry());
        Review review = reviews.assign(id, reviewer, caller.subject());
        return ReviewView.of(review, true);
    }

    @PUT
    @Path("/{id}/items/{code}")
    @RolesAllowed(Caller.ESG_REVIEWER)
    @Transactional
    public ReviewView.ItemView rate(@PathParam("id") UUID id, @PathParam("code") String code,
            @NotNull @Valid RatingRequest request) {
        List<EvidenceDocument> documents = request.evidenceDocuments() == null ? List.of()
                : request.evidenceDocuments().stream()
                        .map(d -> new EvidenceDocument(d.documentId(), d.sha256().toLowerCase(Locale.ROOT))).toList();
        Review review = reviews.rate(id, code, request.rating(), blankToNull(request.evidence()),
                request.evidenceUrls(), documents, blankToNull(request.comment()), actingReviewer());
        ReviewItem item = review.item(code).orElseThrow();
        return ReviewView.ItemView.of(item, ReviewView.documentsOf(List.of(item)));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Caller.ESG_REVIEWER)
    @Transactional
    public ReviewView complete(@PathParam("id") UUID id, @NotNull @Valid CompletionRequest request) {
        return ReviewView.of(reviews.complete(id, request.riskCategory(), blankToNull(request.categoryChangeReason()),
                actingReviewer()), true);
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
