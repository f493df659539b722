package org.msp.esg.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.msp.esg.domain.Commenter;
import org.msp.esg.domain.ConsultationComment;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.service.ConsultationService;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A review's public consultation (SPEC §9): screening, comments, answers, moderation and the public read. */
@Path("/reviews/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationResource {
    private final ConsultationService consultations;
    private final Caller caller;
    private final Clock clock;

    public ConsultationResource(ConsultationService consultations, Caller caller, Clock clock) {
        this.consultations = consultations;
        this.caller = caller;
        this.clock = clock;
    }

    /** The consultation as the public sees it; never needs an account. */
    @GET
    @Path("/consultation")
    @PermitAll
    @Transactional
    public ConsultationView consultation(@PathParam("id") UUID id) {
        Review review = Review.findById(id);
        if (review == null) {
            throw ProblemException.notFound("review " + id);
        }
        return ConsultationView.of(review, OffsetDateTime.now(clock));
    }

    /** The assigned reviewer screens the project, which opens the public comment window. */
    @POST
    @Path("/screening")
    @RolesAllowed(Caller.ESG_REVIEWER)
    @Transactional
    public ConsultationView screen(@PathParam("id") UUID id, @NotNull @Valid ScreeningRequest request) {
        Review review = consultations.screen(id, request.riskCategory(), request.summary().strip(), actingReviewer());
        return ConsultationView.of(review, OffsetDateTime.now(clock));
    }

    /** A registered civil-society user or a partner officer comments while the window is open. */
    @POST
    @Path("/comments")
    @RolesAllowed({Caller.CIVIL_SOCIETY, Caller.PARTNER_GOVERNMENT})
    @Transactional
    public Response comment(@PathParam("id") UUID id, @NotNull @Valid CommentRequest request, UriInfo uri) {
        String role = caller.hasRole(Caller.CIVIL_SOCIETY) ? Caller.CIVIL_SOCIETY : Caller.PARTNER_GOVERNMENT;
        Commenter author = new Commenter(caller.subject(), Commenter.publicNameOf(caller.displayName()), role);
        ConsultationComment comment = consultations.comment(id, author, request.body().strip(), request.language(),
                request.itemCodes() == null ? List.of() : request.itemCodes().stream().map(String::strip).toList(),
                blankToNull(request.onBehalfOf()));
        return Response.created(uri.getBaseUriBuilder().path("reviews/{id}/consultation").build(id))
                .entity(ConsultationView.CommentView.of(comment)).build();
    }

    /** The assigned reviewer answers a comment (again), also after the window closed, until completion. */
    @PUT
    @Path("/comments/{cid}/response")
    @RolesAllowed(Caller.ESG_REVIEWER)
    @Transactional
    public ConsultationView.CommentView answer(@PathParam("id") UUID id, @PathParam("cid") UUID commentId,
            @NotNull @Valid CommentResponseRequest request) {
        return ConsultationView.CommentView.of(consultations.answer(id, commentId, request.disposition(),
                request.response().strip(), actingReviewer()));
    }

    /** The secretariat hides a comment from the public, with a public reason; it stays in the record. */
    @PUT
    @Path("/comments/{cid}/moderation")
    @RolesAllowed(Caller.SECRETARIAT)
    @Transactional
    public ConsultationView.CommentView hide(@PathParam("id") UUID id, @PathParam("cid") UUID commentId,
            @NotNull @Valid ModerationRequest request) {
        return ConsultationView.CommentView.of(consultations.hide(id, commentId, request.reason().strip(),
                caller.subject()));
    }

    private Reviewer actingReviewer() {
        return new Reviewer(caller.subject(), caller.country().orElse(null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
