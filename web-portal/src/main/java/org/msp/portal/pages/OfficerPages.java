package org.msp.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.msp.portal.i18n.Messages;
import org.msp.portal.services.PartnersApi;
import org.msp.portal.services.ProjectsApi;
import org.msp.portal.services.ProposalForm;
import org.msp.portal.web.ServiceProblem;
import org.msp.portal.web.Visitor;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A partner-government officer's tasks (SPEC §8): drafts, submission, withdrawal, interest and
 * endorsement. Every rule is the services'; a refusal comes back on the page, next to the field it names.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Visitor.PARTNER_GOVERNMENT)
public class OfficerPages {
    @Inject
    @RestClient
    ProjectsApi projects;
    @Inject
    @RestClient
    PartnersApi partners;
    @Inject
    Pages pages;
    @Inject
    PublicPages publicPages;
    @Inject
    Visitor visitor;
    @Inject
    Messages messages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(List<ProjectsApi.Project> projects);

        static native TemplateInstance draft(UUID id, ProposalForm form, ServiceProblem problem, List<String> minerals,
                List<String> stages);

        static native TemplateInstance withdraw(ProjectsApi.Project project, ServiceProblem problem);
    }

    @GET
    @Path("my/projects")
    public TemplateInstance mine() {
        return pages.localised(Templates.mine(projects.list(null, null, null, visitor.country(), null, null, 0, 100)
                .items()));
    }

    @GET
    @Path("projects/new")
    public TemplateInstance newDraft() {
        return pages.localised(Templates.draft(null, ProposalForm.empty(), null, ProposalForm.MINERALS,
                ProposalForm.STAGES));
    }

    @POST
    @Path("projects/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        ProposalForm form = ProposalForm.read(fields);
        Map<String, String> unreadable = form.unreadable(messages.error_not_a_number());
        if (!unreadable.isEmpty()) {
            return refused(null, form, ServiceProblem.ofFields(unreadable));
        }
        try {
            ProjectsApi.Project created = projects.create(form.body());
            return Pages.seeOther("/projects/" + created.id() + "?done=created");
        } catch (WebApplicationException e) {
            return refusedOrThrow(null, form, e);
        }
    }

    @GET
    @Path("projects/{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        var current = projects.get(PublicPages.uuid(id));
        return pages.localised(Templates.draft(current.getEntity().id(),
                ProposalForm.of(current.getEntity(), current.getHeaderString("ETag")), null, ProposalForm.MINERALS,
                ProposalForm.STAGES));
    }

    /**
     * Saves a draft with the version the officer edited (If-Match). When someone changed the draft
     * meanwhile (412), the officer's text stays on the form, with the newer version to overwrite it
     * knowingly, and a message saying so.
     */
    @POST
    @Path("projects/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        UUID projectId = PublicPages.uuid(id);
        ProposalForm form = ProposalForm.read(fields);
        Map<String, String> unreadable = form.unreadable(messages.error_not_a_number());
        if (!unreadable.isEmpty()) {
            return refused(projectId, form, ServiceProblem.ofFields(unreadable));
        }
        try {
            projects.update(projectId, form.version(), form.body());
            return Pages.seeOther("/projects/" + projectId + "?done=saved");
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 412) {
                String newer = projects.get(projectId).getHeaderString("ETag");
                ProposalForm keptWithNewerVersion = new ProposalForm(form.title(), form.summary(), form.hostCountry(),
                        form.minerals(), form.valueChainStage(), form.sponsor(), form.requestedFinancingUsd(),
                        form.feasibilityStudyPublic(), form.agreementPublic(), form.communityConsultationHeld(), newer);
                return refused(projectId, keptWithNewerVersion,
                        new ServiceProblem(412, null, messages.error_changed_meanwhile(), Map.of()));
            }
            return refusedOrThrow(projectId, form, e);
        }
    }

    @POST
    @Path("projects/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") String id) {
        UUID projectId = PublicPages.uuid(id);
        return command(projectId, () -> projects.submit(projectId), "submitted");
    }

    @GET
    @Path("projects/{id}/withdraw")
    public TemplateInstance confirmWithdrawal(@PathParam("id") String id) {
        return pages.localised(Templates.withdraw(projects.get(PublicPages.uuid(id)).getEntity(), null));
    }

    @POST
    @Path("projects/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = PublicPages.uuid(id);
        String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason").strip();
        try {
            projects.withdraw(projectId, Map.of("reason", reason));
            return Pages.seeOther("/projects/" + projectId + "?done=withdrawn");
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return pages.withStatus(e.getResponse().getStatus(),
                    Templates.withdraw(projects.get(projectId).getEntity(), ServiceProblem.of(e)));
        }
    }

    @POST
    @Path("projects/{id}/interest")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response expressInterest(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = PublicPages.uuid(id);
        Map<String, Object> interest = new HashMap<>();
        interest.put("instrument", blankToNull(form.getFirst("instrument")));
        String amount = form.getFirst("indicativeAmountUsd") == null ? "" : form.getFirst("indicativeAmountUsd").strip();
        try {
            interest.put("indicativeAmountUsd", amount.isEmpty() ? null : new BigDecimal(amount.replace(",", "")));
        } catch (NumberFormatException e) {
            return publicRefusal(projectId, ServiceProblem.ofFields(Map.of("indicativeAmountUsd",
                    messages.error_not_a_number())));
        }
        interest.put("note", blankToNull(form.getFirst("note")));
        return command(projectId, () -> partners.expressInterest(projectId, interest), "interest");
    }

    @POST
    @Path("projects/{id}/endorsement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endorsement(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = PublicPages.uuid(id);
        if ("withdraw".equals(form.getFirst("action"))) {
            return command(projectId, () -> partners.withdrawEndorsement(projectId), "endorsement-withdrawn");
        }
        return command(projectId, () -> partners.endorse(projectId), "endorsed");
    }

    /**
     * Publishes a document: the file Quarkus spooled to disk goes on to project-service under the name the
     * visitor gave it (project-service reads the type from the bytes, the name only hints at CSV).
     */
    @POST
    @Path("projects/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response publishDocument(@PathParam("id") String id, @RestForm("file") FileUpload file,
            @RestForm("documentType") String documentType, @RestForm("title") String title,
            @RestForm("language") String language, @RestForm("supersedes") String supersedes) {
        UUID projectId = PublicPages.uuid(id);
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return publicRefusal(projectId, ServiceProblem.ofFields(Map.of("file", messages.error_choose_file())));
        }
        ClientMultipartForm form = ClientMultipartForm.create()
                .binaryFileUpload("file", file.fileName(), file.uploadedFile().toString(), MediaType.APPLICATION_OCTET_STREAM)
                .attribute("documentType", documentType == null ? "" : documentType, null)
                .attribute("title", title == null ? "" : title, null)
                .attribute("language", language == null ? "" : language, null);
        if (supersedes != null && !supersedes.isBlank()) {
            form.attribute("supersedes", supersedes, null);
        }
        return command(projectId, () -> projects.publishDocument(projectId, form), "document-published");
    }

    /** Runs a command and shows the project with what happened, or with why the service refused it. */
    private Response command(UUID projectId, Runnable command, String done) {
        try {
            command.run();
            return Pages.seeOther("/projects/" + projectId + "?done=" + done);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return publicRefusal(projectId, ServiceProblem.of(e));
        }
    }

    private Response publicRefusal(UUID projectId, ServiceProblem problem) {
        return pages.withStatus(problem.status(), PublicPages.Templates.project(publicPages.view(projectId), null,
                problem, PublicPages.INSTRUMENTS, PublicPages.DOCUMENT_TYPES));
    }

    private Response refusedOrThrow(UUID id, ProposalForm form, WebApplicationException e) {
        if (e.getResponse().getStatus() >= 500) {
            throw e;
        }
        return refused(id, form, ServiceProblem.of(e));
    }

    private Response refused(UUID id, ProposalForm form, ServiceProblem problem) {
        return pages.withStatus(problem.status(), Templates.draft(id, form, problem, ProposalForm.MINERALS,
                ProposalForm.STAGES));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
