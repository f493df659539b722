package org.msp.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.msp.portal.services.ProjectsApi;
import org.msp.portal.web.ServiceProblem;
import org.msp.portal.web.Visitor;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What happens once a project is cleared (SPEC §11), on one page: the host government's consent or
 * objection, the public action plan drawn from the review's conditions, overdue items flagged, and what
 * partners committed and disbursed against it (the financing section, also a page of its own). The
 * host's officer states consent here, the submitting officer plans each condition (who, by when, which
 * document shows it), and a reviewer verifies how it stands. Every form works without JavaScript.
 */
@Path("/projects/{id}/implementation")
@Produces(MediaType.TEXT_HTML)
public class ImplementationPages {
    static final List<String> VERDICTS = List.of("MET", "PARTIALLY_MET", "NOT_MET");

    @Inject
    @RestClient
    ProjectsApi projects;
    @Inject
    Pages pages;
    @Inject
    Visitor visitor;
    @Inject
    FinancingPages financing;

    /** What the visitor may do here. */
    public record Abilities(boolean consent, boolean plan, boolean verify) {
    }

    @CheckedTemplate(basePath = "ImplementationPages")
    static class Templates {
        static native TemplateInstance implementation(ProjectsApi.Project project, ProjectsApi.ActionPlan plan,
                List<ProjectsApi.Document> documents, Abilities may, ServiceProblem problem, String target,
                String done, List<String> verdicts, LocalDate today, FinancingSection financing);
    }

    @GET
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("done") String done) {
        return pages.localised(render(projectOf(PublicPages.uuid(id)), null, null, done));
    }

    @POST
    @Path("host-consent")
    @RolesAllowed(Visitor.PARTNER_GOVERNMENT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consent(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        ProjectsApi.Project project = projectOf(PublicPages.uuid(id));
        Map<String, String> body = new HashMap<>();
        body.put("consent", PublicPages.blank(form.getFirst("consent")));
        body.put("reason", PublicPages.blank(form.getFirst("reason")));
        return act(project, "consent", () -> projects.recordHostConsent(project.id(), body), "consent");
    }

    @POST
    @Path("items/{code}")
    @RolesAllowed(Visitor.PARTNER_GOVERNMENT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response plan(@PathParam("id") String id, @PathParam("code") String code,
            MultivaluedMap<String, String> form) {
        ProjectsApi.Project project = projectOf(PublicPages.uuid(id));
        Map<String, String> body = new HashMap<>();
        body.put("responsibleParty", form.getFirst("responsibleParty") == null ? "" : form.getFirst("responsibleParty"));
        body.put("dueDate", PublicPages.blank(form.getFirst("dueDate")));
        body.put("evidenceDocumentId", PublicPages.blank(form.getFirst("evidenceDocumentId")));
        return act(project, code, () -> projects.planActionItem(project.id(), code, body), "planned");
    }

    @POST
    @Path("items/{code}/verification")
    @RolesAllowed(Visitor.ESG_REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("id") String id, @PathParam("code") String code,
            MultivaluedMap<String, String> form) {
        ProjectsApi.Project project = projectOf(PublicPages.uuid(id));
        Map<String, String> body = new HashMap<>();
        body.put("status", PublicPages.blank(form.getFirst("status")));
        body.put("note", PublicPages.blank(form.getFirst("note")));
        return act(project, code, () -> projects.verifyActionItem(project.id(), code, body), "verified");
    }

    /** Post/redirect/get on success; the page again with the service's refusal, next to the form it concerns. */
    private Response act(ProjectsApi.Project project, String target, Runnable command, String done) {
        try {
            command.run();
            return Pages.seeOther("/projects/" + project.id() + "/implementation?done=" + done);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return pages.withStatus(e.getResponse().getStatus(), render(project, ServiceProblem.of(e), target, null));
        }
    }

    private TemplateInstance render(ProjectsApi.Project project, ServiceProblem problem, String target, String done) {
        ProjectsApi.ActionPlan plan = projects.actionPlan(project.id());
        List<ProjectsApi.Document> documents = projects.documents(project.id()).stream()
                .filter(ProjectsApi.Document::isCurrent).toList();
        Abilities may = new Abilities(
                visitor.isOfficer() && project.hostCountry().equals(visitor.country()) && project.takesHostConsent(),
                visitor.acts(project.submittingPartner()),
                // the service refuses the host's and the submitter's reviewers; the form is not offered to them
                visitor.isReviewer() && visitor.country() != null && !visitor.country().equals(project.hostCountry())
                        && !visitor.country().equals(project.submittingPartner()));
        // committed against disbursed sits beside the plan it is paid against (its forms post to the financing page)
        FinancingSection money = financing.section(project, null, null, Map.of(), List.of(), null);
        return Templates.implementation(project, plan, documents, may, problem, target, done, VERDICTS, LocalDate.now(),
                money);
    }

    private ProjectsApi.Project projectOf(UUID id) {
        try {
            return projects.get(id).getEntity();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFoundException("project " + id);
            }
            throw e;
        }
    }
}
