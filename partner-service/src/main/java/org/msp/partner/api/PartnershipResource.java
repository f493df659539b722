package org.msp.partner.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.msp.events.CountryCode;
import org.msp.events.partner.PartnershipKind;
import org.msp.partner.domain.DisclosureScorecard;
import org.msp.partner.domain.Milestone;
import org.msp.partner.domain.Partner;
import org.msp.partner.domain.Partnership;
import org.msp.partner.domain.PartnershipChain;
import org.msp.partner.domain.PartnershipHistoryEntry;
import org.msp.partner.domain.PartnershipSnapshot;
import org.msp.partner.domain.Project;
import org.msp.partner.service.PartnershipService;
import org.msp.platform.api.ProblemException;
import org.msp.platform.api.RequestParameters;
import org.msp.platform.history.HashChain;
import org.msp.platform.security.Caller;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The partnerships registry (SPEC §11): public reads and the disclosure scorecard; the secretariat
 * creates and edits partnerships and their milestones, each change in the partnership's hash-chained
 * history.
 */
@Path("/partnerships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partnerships", description = "The agreements the pipeline serves, their milestones and disclosure")
public class PartnershipResource {
    private final PartnershipService partnerships;
    private final Caller caller;

    public PartnershipResource(PartnershipService partnerships, Caller caller) {
        this.partnerships = partnerships;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(summary = "The partnerships, by name; filter by kind or by a party (ISO 3166-1 alpha-2 or EU)")
    public List<PartnershipView.Summary> list(@QueryParam("kind") String kindParam,
            @QueryParam("party") @CountryCode String party) {
        PartnershipKind kind = RequestParameters.enumValue("kind", kindParam, PartnershipKind.class);
        Map<String, Partner> registry = registry();
        Map<UUID, Long> milestones = counts("select m.partnershipId, count(m) from Milestone m group by m.partnershipId");
        Map<UUID, Long> linked = counts("select p.partnershipId, count(p) from Project p where p.partnershipId is not null"
                + " group by p.partnershipId");
        return Partnership.<Partnership>listAll(Sort.by("name").and("id")).stream()
                .filter(p -> kind == null || p.kind == kind)
                .filter(p -> party == null || p.parties.contains(party))
                .map(p -> PartnershipView.summary(p, registry, milestones.getOrDefault(p.id, 0L).intValue(),
                        linked.getOrDefault(p.id, 0L).intValue()))
                .toList();
    }

    @GET
    @Path("/scorecard")
    @PermitAll
    @Transactional
    @Operation(summary = "Partnerships by year (signed, else announced; \"not stated\") and disclosure level, "
            + "and each one's share of milestones met on time")
    public DisclosureScorecard.Result scorecard() {
        List<Partnership> all = Partnership.listAll(Sort.by("name").and("id"));
        Map<UUID, List<Milestone>> milestones = Milestone.<Milestone>listAll().stream()
                .collect(Collectors.groupingBy(m -> m.partnershipId));
        return DisclosureScorecard.of(all, milestones, today());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Transactional
    @Operation(summary = "One partnership with its parties, milestones, linked projects and checked history")
    @APIResponse(responseCode = "200", description = "The partnership; ETag is its version, for If-Match on PUT")
    @APIResponse(responseCode = "404", description = "No such partnership")
    public Response get(@PathParam("id") UUID id) {
        Partnership partnership = Partnership.findById(id);
        if (partnership == null) {
            throw ProblemException.notFound("partnership " + id);
        }
        return withTag(view(partnership), Response.ok());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SECRETARIAT)
    @Operation(summary = "Register a partnership (secretariat)")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag name it")
    public Response create(@NotNull @Valid PartnershipRequest request, UriInfo uri) {
        Partnership partnership = partnerships.create(request.terms(),
                new PartnershipService.Actor(caller.subject(), "POST /partnerships"));
        return withTag(readBack(partnership.id),
                Response.created(uri.getAbsolutePathBuilder().path(partnership.id.toString()).build()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SECRETARIAT)
    @Operation(summary = "Edit what a partnership says about itself (secretariat); If-Match with its ETag")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: someone changed it meanwhile")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PartnershipRequest request) {
        Partnership.Terms terms = request.terms();
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition Required",
                    "send If-Match with the ETag of the version you edited (GET /partnerships/{id})");
        }
        int expected;
        try {
            expected = Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "Precondition Failed", "If-Match does not name a version of this partnership");
        }
        partnerships.edit(id, terms, expected, new PartnershipService.Actor(caller.subject(), "PUT /partnerships/" + id));
        return withTag(readBack(id), Response.ok());
    }

    @POST
    @Path("/{id}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SECRETARIAT)
    @Operation(summary = "Add a milestone (secretariat)")
    @APIResponse(responseCode = "201", description = "Added; the body is the partnership with it")
    public Response addMilestone(@PathParam("id") UUID id, @NotNull @Valid MilestoneRequest request, UriInfo uri) {
        Milestone milestone = partnerships.addMilestone(id, request.terms(),
                new PartnershipService.Actor(caller.subject(), "POST /partnerships/" + id + "/milestones"));
        return withTag(readBack(id), Response.created(uri.getAbsolutePathBuilder().path(milestone.id.toString()).build()));
    }

    @PUT
    @Path("/{id}/milestones/{milestoneId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SECRETARIAT)
    @Operation(summary = "Update a milestone: its status, met date, evidence (secretariat)")
    public Response updateMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
            @NotNull @Valid MilestoneRequest request) {
        partnerships.updateMilestone(id, milestoneId, request.terms(), new PartnershipService.Actor(caller.subject(),
                "PUT /partnerships/" + id + "/milestones/" + milestoneId));
        return withTag(readBack(id), Response.ok());
    }

    /** The partnership as committed, read in a transaction of its own. */
    @Transactional
    PartnershipView readBack(UUID id) {
        return view(Partnership.findById(id));
    }

    private static PartnershipView view(Partnership partnership) {
        List<Milestone> milestones = Milestone.of(partnership.id);
        List<PartnershipHistoryEntry> history = PartnershipHistoryEntry.of(partnership.id);
        String current = PartnershipSnapshot.of(partnership, milestones).json();
        HashChain.Break broken = PartnershipChain.verify(history, partnership.historyHead(),
                partnership.version(), current);
        List<Project> linked = Project.list("partnershipId = ?1 order by title, id", partnership.id);
        return PartnershipView.of(partnership, registry(), milestones, linked, history, broken, today());
    }

    private static Response withTag(PartnershipView view, Response.ResponseBuilder builder) {
        return builder.tag(new EntityTag(String.valueOf(view.version()))).entity(view).build();
    }

    private static Map<String, Partner> registry() {
        return Partner.<Partner>listAll().stream().collect(Collectors.toMap(p -> p.code, Function.identity()));
    }

    private static Map<UUID, Long> counts(String query) {
        return Partnership.getEntityManager().createQuery(query, Object[].class).getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
