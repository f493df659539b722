package org.msp.project.api;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.msp.events.CountryCode;
import org.msp.platform.api.OptionalBody;
import org.msp.platform.api.ProblemException;
import org.msp.platform.api.RequestParameters;
import org.msp.platform.history.HashChain;
import org.msp.platform.security.Caller;
import org.msp.project.domain.HistoryChain;
import org.msp.project.domain.HistoryEntry;
import org.msp.project.domain.Mineral;
import org.msp.project.domain.ProjectStatus;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.ValueChainStage;
import org.msp.project.service.ProposalService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Proposals: create and edit drafts, submit, withdraw; public reads and the history chain. */
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {
    private final ProposalService proposals;
    private final Caller caller;
    private final OptionalBody optionalBody;
    private final ProjectAccess access;

    public ProposalResource(ProposalService proposals, Caller caller, OptionalBody optionalBody, ProjectAccess access) {
        this.proposals = proposals;
        this.caller = caller;
        this.optionalBody = optionalBody;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public Response create(@NotNull @Valid ProposalRequest request, UriInfo uri) {
        String partner = caller.actingPartner("submittingPartner", request.submittingPartner());
        Proposal proposal = proposals.create(request.toDraft(), partner, actor("POST /projects"));
        ProposalView view = ProposalView.of(proposal);
        return Response.created(uri.getAbsolutePathBuilder().path(proposal.id().toString()).build())
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(view.version())))
                .entity(view).build();
    }

    @GET
    @PermitAll
    @Transactional
    public ProposalPage list(@QueryParam("status") String statusParam, @QueryParam("mineral") String mineralParam,
            @QueryParam("hostCountry") @CountryCode String hostCountry,
            @QueryParam("submittingPartner") @CountryCode String submittingPartner,
            @QueryParam("valueChainStage") String stageParam,
            @QueryParam("q") @Size(max = 200) String text,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        ProjectStatus status = RequestParameters.enumValue("status", statusParam, ProjectStatus.class);
        Mineral mineral = RequestParameters.enumValue("mineral", mineralParam, Mineral.class);
        ValueChainStage stage = RequestParameters.enumValue("valueChainStage", stageParam, ValueChainStage.class);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        // drafts are private to the partner writing them
        String ownCountry = access.partnerCountry().orElse(null);
        if (ownCountry != null) {
            where.add("(status <> :draft or submittingPartner = :own)");
            params.put("own", ownCountry);
        } else {
            where.add("status <> :draft");
        }
        params.put("draft", ProjectStatus.DRAFT);
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (mineral != null) {
            where.add("mineralsColumn like :mineral");
            params.put("mineral", "%," + mineral.name() + ",%");
        }
        if (hostCountry != null) {
            where.add("hostCountry = :host");
            params.put("host", hostCountry);
        }
        if (submittingPartner != null) {
            where.add("submittingPartner = :partner");
            params.put("partner", submittingPartner);
        }
        if (stage != null) {
            where.add("valueChainStage = :stage");
            params.put("stage", stage);
        }
        if (text != null && !text.isBlank()) {
            // free text: every word must appear in the title, summary or sponsor, case-insensitively
            String[] words = text.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+");
            for (int i = 0; i < words.length && i < 8; i++) {
                where.add("(lower(title) like :w" + i + " escape '!' or lower(summary) like :w" + i
                        + " escape '!' or lower(sponsor) like :w" + i + " escape '!')");
                params.put("w" + i, "%" + words[i].replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
        }
        var query = Proposal.<Proposal>find(String.join(" and ", where), Sort.by("createdAt").descending().and("id"), params)
                .page(Page.of(page, size));
        List<ProposalView> items = query.list().stream().map(ProposalView::of).toList();
        return new ProposalPage(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Transactional
    public Response get(@PathParam("id") UUID id) {
        ProposalView view = ProposalView.of(access.visible(id));
        return Response.ok(view).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(view.version()))).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ProposalRequest request) {
        access.ownedByCaller(id);
        caller.actingPartner("submittingPartner", request.submittingPartner());
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition Required",
                    "send If-Match with the ETag of the version you edited (GET /projects/{id})");
        }
        int expected;
        try {
            expected = Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "Precondition Failed", "If-Match does not name a version of this project");
        }
        Proposal proposal = proposals.update(id, request.toDraft(), expected, actor("PUT /projects/" + id));
        ProposalView view = ProposalView.of(proposal);
        return Response.ok(view).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(view.version()))).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public ProposalView submit(@PathParam("id") UUID id) {
        access.ownedByCaller(id);
        return ProposalView.of(proposals.submit(id, actor("POST /projects/" + id + "/submit")));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Caller.PARTNER_GOVERNMENT)
    public ProposalView withdraw(@PathParam("id") UUID id, String body) {
        access.ownedByCaller(id);
        String reason = withdrawalReason(body);
        return ProposalView.of(proposals.withdraw(id, actor("POST /projects/" + id + "/withdraw"), reason));
    }

    @GET
    @Path("/{id}/history")
    @PermitAll
    @Transactional
    public List<HistoryView> history(@PathParam("id") UUID id) {
        access.visible(id);
        return HistoryEntry.of(id).stream().map(HistoryView::of).toList();
    }

    @GET
    @Path("/{id}/history/verify")
    @PermitAll
    @Transactional
    public ChainVerification verify(@PathParam("id") UUID id) {
        Proposal proposal = access.visible(id);
        List<HistoryEntry> entries = HistoryEntry.of(id);
        HashChain.Break broken = HistoryChain.verify(entries, proposal.historyHead(), proposal.historyLength());
        String head = proposal.historyHead();
        return broken == null
                ? new ChainVerification(true, entries.size(), head, null, null)
                : new ChainVerification(false, entries.size(), head, broken.seq(), broken.problem());
    }

    /** The optional body of a withdrawal, {"reason": "..."}; no body at all is fine. */
    public record WithdrawRequest(String reason) {
    }

    private String withdrawalReason(String body) {
        WithdrawRequest request;
        try {
            request = optionalBody.read(body, WithdrawRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.badRequest("reason", "body must be {\"reason\": \"...\"}: " + e.getOriginalMessage());
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            return null;
        }
        if (request.reason().length() > 2000) {
            throw ProblemException.badRequest("reason", "at most 2000 characters");
        }
        return request.reason().strip();
    }

    /**
     * Whether the history chain is intact, and where it breaks if not. {@code headHash} is the newest head
     * the project recorded, the one its latest event published: a copy of the events or feed can check it.
     */
    public record ChainVerification(boolean intact, int entries, String headHash, Integer brokenAtSeq, String problem) {
    }

    private ProposalService.Actor actor(String command) {
        return new ProposalService.Actor(caller.subject(), command);
    }
}
