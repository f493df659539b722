package org.msp.project.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.msp.events.project.ActionItemStatus;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;
import org.msp.project.documents.ProjectDocument;
import org.msp.project.domain.ActionPlanItem;
import org.msp.project.service.ProposalService;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project's public action plan (SPEC §11): the completed review's conditions, planned by the submitting
 * partner and verified by a reviewer of a third country. The proposal decides; this only translates.
 */
@Path("/projects/{id}/action-plan")
@Produces(MediaType.APPLICATION_JSON)
public class ActionPlanResource {
    /** A plan reaching further than this is not a plan. */
    static final int MAX_YEARS_AHEAD = 20;

    private final ProposalService proposals;
    private final ProjectAccess access;
    private final Caller caller;

    public ActionPlanResource(ProposalService proposals, ProjectAccess access, Caller caller) {
        this.proposals = proposals;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Transactional
    public ActionPlanView plan(@PathParam("id") UUID id) {
        access.visible(id);
        LocalDate today = proposals.now().toLocalDate();
        return ActionPlanView.of(ActionPlanItem.planOf(id), today);
    }

    /** Who answers for the condition, by when, and which of the project's documents shows it done. */
    public record ItemPlanRequest(@NotBlank @Size(max = 200) String responsibleParty, @NotNull LocalDate dueDate,
            UUID evidenceDocumentId) {
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public ActionPlanView.Item plan(@PathParam("id") UUID id, @PathParam("code") @Size(max = 60) String code,
            @NotNull @Valid ItemPlanRequest request) {
        access.ownedByCaller(id);
        if (request.dueDate().isAfter(proposals.now().toLocalDate().plusYears(MAX_YEARS_AHEAD))) {
            throw ProblemException.badRequest("dueDate", "at most " + MAX_YEARS_AHEAD + " years ahead");
        }
        if (request.evidenceDocumentId() != null) {
            documentOf(id, request.evidenceDocumentId());
        }
        ActionPlanItem item = proposals.planActionItem(id, code, new ProposalService.ItemPlan(
                request.responsibleParty().strip(), request.dueDate(), request.evidenceDocumentId()),
                actor("PUT /projects/" + id + "/action-plan/" + code));
        return ActionPlanView.Item.of(item, proposals.now().toLocalDate());
    }

    /** How the condition stands: MET, PARTIALLY_MET or NOT_MET, with what the reviewer saw. */
    public record VerificationRequest(@NotNull ActionItemStatus status, @Size(max = 2000) String note) {
    }

    @POST
    @Path("/{code}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ESG_REVIEWER)
    public ActionPlanView.Item verify(@PathParam("id") UUID id, @PathParam("code") @Size(max = 60) String code,
            @NotNull @Valid VerificationRequest request) {
        if (request.status() == ActionItemStatus.SCHEDULED) {
            throw ProblemException.badRequest("status", "a verification says MET, PARTIALLY_MET or NOT_MET");
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        ActionPlanItem item = proposals.verifyActionItem(id, code, request.status(), caller.requireCountry(), note,
                actor("POST /projects/" + id + "/action-plan/" + code + "/verification"));
        return ActionPlanView.Item.of(item, proposals.now().toLocalDate());
    }

    /** The evidence must be one of this project's published documents: 400 naming the field otherwise. */
    @Transactional
    void documentOf(UUID projectId, UUID documentId) {
        ProjectDocument document = ProjectDocument.findById(documentId);
        if (document == null || !document.projectId.equals(projectId)) {
            throw ProblemException.badRequest("evidenceDocumentId", "no document " + documentId
                    + " was published for project " + projectId);
        }
    }

    private ProposalService.Actor actor(String command) {
        return new ProposalService.Actor(caller.subject(), command);
    }

    /** The plan as everyone sees it, each item flagged when overdue. */
    public record ActionPlanView(List<Item> items, int overdue, int criticalUnmet) {
        static ActionPlanView of(List<ActionPlanItem> plan, LocalDate today) {
            List<Item> items = plan.stream().map(item -> Item.of(item, today)).toList();
            return new ActionPlanView(items, (int) items.stream().filter(Item::overdue).count(),
                    (int) plan.stream().filter(ActionPlanItem::blocksDisbursement).count());
        }

        public record Item(String code, String title, boolean critical, String responsibleParty, LocalDate dueDate,
                ActionItemStatus status, boolean overdue, UUID evidenceDocumentId, String verifiedBy,
                java.time.OffsetDateTime verifiedAt, String verificationNote) {
            static Item of(ActionPlanItem item, LocalDate today) {
                return new Item(item.code, item.title, item.critical, item.responsibleParty, item.dueDate, item.status,
                        item.isOverdue(today), item.evidenceDocumentId, item.verifiedBy, item.verifiedAt,
                        item.verificationNote);
            }
        }
    }
}
