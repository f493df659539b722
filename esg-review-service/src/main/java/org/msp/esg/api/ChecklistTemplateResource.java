package org.msp.esg.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.msp.esg.domain.ChecklistTemplate;
import org.msp.esg.service.ChecklistTemplateService;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;

import java.util.List;
import java.util.UUID;

/** Checklist templates: public to read; the secretariat publishes new versions and edits unused ones. */
@Path("/checklist-templates")
@Produces(MediaType.APPLICATION_JSON)
public class ChecklistTemplateResource {
    private final ChecklistTemplateService templates;
    private final Caller caller;

    public ChecklistTemplateResource(ChecklistTemplateService templates, Caller caller) {
        this.templates = templates;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Transactional
    public List<ChecklistTemplateView> list() {
        return ChecklistTemplate.<ChecklistTemplate>list("order by key, version").stream()
                .map(template -> ChecklistTemplateView.of(template, false)).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Transactional
    public ChecklistTemplateView get(@PathParam("id") UUID id) {
        ChecklistTemplate template = ChecklistTemplate.findById(id);
        if (template == null) {
            throw ProblemException.notFound("checklist template " + id);
        }
        return ChecklistTemplateView.of(template, true);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SECRETARIAT)
    @Transactional
    public Response create(@NotNull @Valid ChecklistTemplateRequest request, UriInfo uri) {
        ChecklistTemplate template = templates.create(request.toDraft(), caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(template.id.toString()).build())
                .entity(ChecklistTemplateView.of(template, true)).build();
    }

    /** Edits a template no review has used yet; 409 once one has (publish a new version instead). */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SECRETARIAT)
    @Transactional
    public ChecklistTemplateView update(@PathParam("id") UUID id, @NotNull @Valid ChecklistTemplateRequest request) {
        return ChecklistTemplateView.of(templates.update(id, request.toDraft()), true);
    }
}
