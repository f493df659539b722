package org.msp.partner.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.msp.partner.domain.Endorsement;
import org.msp.partner.domain.PartnerInterest;
import org.msp.partner.domain.Partnership;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.SupportRecord;
import org.msp.partner.service.PartnerSupportService;
import org.msp.platform.api.OptionalBody;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;

import java.util.List;
import java.util.UUID;

/**
 * Partner interest and endorsements of a project. A partner-government user always acts as its own
 * country (the token's {@code country} claim), never as a partner named in the request.
 */
@Path("/projects/{projectId}")
@Produces(MediaType.APPLICATION_JSON)
public class SupportResource {
    private final PartnerSupportService support;
    private final Caller caller;
    private final OptionalBody optionalBody;

    public SupportResource(PartnerSupportService support, Caller caller, OptionalBody optionalBody) {
        this.support = support;
        this.caller = caller;
        this.optionalBody = optionalBody;
    }

    @POST
    @Path("/interests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public Response expressInterest(@PathParam("projectId") UUID projectId, @NotNull @Valid InterestRequest request) {
        String partner = caller.actingPartner("partner", request.partner());
        PartnerSupportService.InterestOutcome outcome = support.expressInterest(projectId, partner, request.terms(), caller.subject());
        InterestSummary.InterestView view = InterestSummary.InterestView.of(outcome.interest());
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @GET
    @Path("/interests")
    @PermitAll
    @Transactional
    public InterestSummary interests(@PathParam("projectId") UUID projectId) {
        return InterestSummary.of(known(projectId), PartnerInterest.of(projectId));
    }

    @GET
    @Path("/endorsements")
    @PermitAll
    @Transactional
    public EndorsementsView endorsements(@PathParam("projectId") UUID projectId) {
        return EndorsementsView.of(known(projectId), Endorsement.of(projectId));
    }

    @GET
    @Path("/support-history")
    @PermitAll
    @Transactional
    public List<SupportHistoryView> history(@PathParam("projectId") UUID projectId) {
        known(projectId);
        return SupportRecord.of(projectId).stream().map(SupportHistoryView::of).toList();
    }

    @PUT
    @Path("/endorsement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public Response endorse(@PathParam("projectId") UUID projectId, String body) throws JsonProcessingException {
        String partner = caller.actingPartner("partner", EndorsementRequest.partnerIn(optionalBody.read(body, EndorsementRequest.class)));
        PartnerSupportService.EndorsementOutcome outcome = support.endorse(projectId, partner, caller.subject());
        return Response.status(outcome.given() ? Response.Status.CREATED : Response.Status.OK)
                .entity(EndorsementsView.EndorsementView.of(outcome.endorsement())).build();
    }

    @DELETE
    @Path("/endorsement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public Response withdrawEndorsement(@PathParam("projectId") UUID projectId, String body) throws JsonProcessingException {
        String partner = caller.actingPartner("partner", EndorsementRequest.partnerIn(optionalBody.read(body, EndorsementRequest.class)));
        support.withdrawEndorsement(projectId, partner, caller.subject());
        return Response.noContent().build();
    }

    @GET
    @Path("/partnership")
    @PermitAll
    @Transactional
    public PartnershipNaming partnership(@PathParam("projectId") UUID projectId) {
        Project project = known(projectId);
        return PartnershipNaming.of(projectId, project.partnershipId == null ? null
                : Partnership.findById(project.partnershipId));
    }

    /**
     * Names the partnership the project is proposed under ({@code {"partnershipId": null}} clears it):
     * the submitting partner's officer or the secretariat. A repeat changes nothing and publishes nothing.
     */
    @PUT
    @Path("/partnership")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.PARTNER_GOVERNMENT, Caller.SECRETARIAT})
    public PartnershipNaming namePartnership(@PathParam("projectId") UUID projectId,
            @NotNull @Valid PartnershipNaming.Request request) {
        String actingCountry = caller.hasRole(Caller.SECRETARIAT) ? null : caller.requireCountry();
        PartnerSupportService.NamingOutcome outcome = support.namePartnership(projectId, request.partnershipId(),
                actingCountry, caller.subject());
        return PartnershipNaming.of(projectId, outcome.partnership());
    }

    /** The project as the read model knows it; 404 while no project event has named it. */
    static Project known(UUID projectId) {
        Project project = Project.findById(projectId);
        if (project == null) {
            throw ProblemException.notFound("project " + projectId);
        }
        return project;
    }
}
