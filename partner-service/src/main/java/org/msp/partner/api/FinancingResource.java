package org.msp.partner.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.msp.partner.domain.ActionPlan;
import org.msp.partner.domain.Commitment;
import org.msp.partner.domain.Disbursement;
import org.msp.partner.domain.Project;
import org.msp.partner.service.FinancingService;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;

import java.util.List;
import java.util.UUID;

/**
 * Financing commitments and the disbursements against them (SPEC §11). A partner-government user records
 * them only for its own country; everyone reads them, overrides of unmet critical conditions included.
 */
@Path("/projects/{projectId}/commitments")
@Produces(MediaType.APPLICATION_JSON)
public class FinancingResource {
    private final FinancingService financing;
    private final Caller caller;

    public FinancingResource(FinancingService financing, Caller caller) {
        this.financing = financing;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public Response commit(@PathParam("projectId") UUID projectId, @NotNull @Valid CommitmentRequest request,
            @Context UriInfo uri) {
        String partner = caller.actingPartner("partner", request.partner());
        Commitment commitment = financing.commit(projectId, partner, request.terms(), caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(commitment.id.toString()).build())
                .entity(FinancingView.CommitmentView.of(commitment, List.of())).build();
    }

    @POST
    @Path("/{commitmentId}/disbursements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public Response disburse(@PathParam("projectId") UUID projectId, @PathParam("commitmentId") UUID commitmentId,
            @NotNull @Valid DisbursementRequest request, @Context UriInfo uri) {
        String partner = caller.actingPartner("partner", request.partner());
        Commitment.Disbursed disbursed = financing.disburse(projectId, commitmentId, partner, request.payment(),
                caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(disbursed.disbursement().id.toString()).build())
                .entity(FinancingView.DisbursementView.of(disbursed.disbursement())).build();
    }

    @GET
    @PermitAll
    @Transactional
    public FinancingView financing(@PathParam("projectId") UUID projectId) {
        Project project = SupportResource.known(projectId);
        return FinancingView.of(project, Commitment.of(projectId), Disbursement.ofProject(projectId),
                ActionPlan.of(projectId));
    }

    @GET
    @Path("/{commitmentId}")
    @PermitAll
    @Transactional
    public FinancingView.CommitmentView commitment(@PathParam("projectId") UUID projectId,
            @PathParam("commitmentId") UUID commitmentId) {
        return FinancingView.CommitmentView.of(commitmentOf(projectId, commitmentId), Disbursement.of(commitmentId));
    }

    @GET
    @Path("/{commitmentId}/disbursements/{disbursementId}")
    @PermitAll
    @Transactional
    public FinancingView.DisbursementView disbursement(@PathParam("projectId") UUID projectId,
            @PathParam("commitmentId") UUID commitmentId, @PathParam("disbursementId") UUID disbursementId) {
        commitmentOf(projectId, commitmentId);
        Disbursement disbursement = Disbursement.findById(disbursementId);
        if (disbursement == null || !disbursement.commitmentId.equals(commitmentId)) {
            throw ProblemException.notFound("disbursement " + disbursementId + " of commitment " + commitmentId);
        }
        return FinancingView.DisbursementView.of(disbursement);
    }

    private static Commitment commitmentOf(UUID projectId, UUID commitmentId) {
        Commitment commitment = Commitment.findById(commitmentId);
        if (commitment == null || !commitment.projectId.equals(projectId)) {
            throw ProblemException.notFound("commitment " + commitmentId + " of project " + projectId);
        }
        return commitment;
    }
}
