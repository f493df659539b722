package org.msp.project.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;
import org.msp.project.prioritisation.PrioritisationRound;
import org.msp.project.prioritisation.PrioritisationService;
import org.msp.project.service.ProposalService;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The transparent financing ranking and the secretariat's prioritisation rounds. */
@Path("/prioritisation")
@Produces(MediaType.APPLICATION_JSON)
public class PrioritisationResource {
    private final PrioritisationService prioritisation;
    private final Caller caller;

    public PrioritisationResource(PrioritisationService prioritisation, Caller caller) {
        this.prioritisation = prioritisation;
        this.caller = caller;
    }

    @GET
    @PermitAll
    public PrioritisationService.Ranking current() {
        return prioritisation.current();
    }

    /** Every round run so far, newest first: when, by whom, how many projects it ranked. */
    @GET
    @Path("/rounds")
    @PermitAll
    public java.util.List<PrioritisationService.RoundSummary> rounds() {
        return prioritisation.rounds();
    }

    @GET
    @Path("/rounds/{id}")
    @PermitAll
    public FrozenRound round(@PathParam("id") UUID id) {
        PrioritisationRound round = PrioritisationRound.findById(id);
        if (round == null) {
            throw ProblemException.notFound("prioritisation round " + id);
        }
        return new FrozenRound(round.id, round.runAt, round.runBy, round.weights, round.ranking);
    }

    /** A round as it was frozen: weights and ranking exactly as stored when it ran. */
    public record FrozenRound(UUID id, OffsetDateTime runAt, String runBy, @JsonRawValue String weights,
            @JsonRawValue String ranking) {
    }

    @POST
    @Path("/rounds")
    @RolesAllowed(Caller.SECRETARIAT)
    public Response runRound(UriInfo uri) {
        PrioritisationService.Round round = prioritisation.runRound(
                new ProposalService.Actor(caller.subject(), "POST /prioritisation/rounds"));
        return Response.created(uri.getAbsolutePathBuilder().path(round.id().toString()).build()).entity(round).build();
    }
}
