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
import org.msp.portal.services.PartnersApi;
import org.msp.portal.web.ServiceProblem;
import org.msp.portal.web.Visitor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The partnerships registry (SPEC §11): the list with the disclosure scorecard (an SVG chart and the
 * same numbers as a table), a partnership's page, the secretariat's forms to add a partnership and a
 * milestone, and the form on a project's page that names the partnership it is proposed under.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PartnershipPages {
    static final List<String> KINDS = List.of("MULTILATERAL_PARTNERSHIP", "MEMORANDUM_OF_UNDERSTANDING", "DIALOGUE",
            "STRATEGIC_PARTNERSHIP", "INITIATIVE", "CRITICAL_MINERALS_AGREEMENT");
    static final List<String> LEVELS = List.of("ANNOUNCEMENT_ONLY", "TEXT_PUBLISHED", "ROADMAP_PUBLISHED",
            "IMPLEMENTATION_REPORTS_PUBLISHED");
    static final List<String> MILESTONE_STATUSES = List.of("PLANNED", "IN_PROGRESS", "MET", "NOT_MET");
    /** The create form's plain text fields, by the names partner-service gives them in its errors. */
    private static final List<String> TEXT_FIELDS = List.of("name", "kind", "parties", "signedOn", "announced",
            "signingPlace", "source.reference", "source.url", "source.publishedOn", "objectives", "disclosureLevel",
            "disclosureBasis");
    private static final List<String> MILESTONE_FIELDS = List.of("title", "dueOn", "status", "metOn", "evidenceUrl");

    @Inject
    @RestClient
    PartnersApi partners;
    @Inject
    Pages pages;
    @Inject
    PublicPages publicPages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance partnerships(List<PartnersApi.PartnershipSummary> partnerships,
                PartnersApi.Scorecard scorecard, ScorecardChart chart, ServiceProblem problem, Map<String, String> form,
                List<String> kinds, List<String> levels);

        static native TemplateInstance partnership(PartnersApi.Partnership partnership, ServiceProblem problem,
                Map<String, String> form, String done, List<String> statuses);
    }

    @GET
    @Path("partnerships")
    public TemplateInstance list() {
        return pages.localised(listPage(null, Map.of()));
    }

    @GET
    @Path("partnerships/{id}")
    public TemplateInstance partnership(@PathParam("id") String id, @QueryParam("done") String done) {
        return pages.localised(Templates.partnership(find(PublicPages.uuid(id)), null, Map.of(), done,
                MILESTONE_STATUSES));
    }

    @POST
    @Path("partnerships")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Visitor.SECRETARIAT)
    public Response create(MultivaluedMap<String, String> form) {
        Map<String, String> typed = typed(form, TEXT_FIELDS);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("name", "kind", "signedOn", "announced", "signingPlace", "objectives",
                "disclosureLevel", "disclosureBasis")) {
            body.put(field, typed.get(field));
        }
        String parties = typed.get("parties");
        body.put("parties", parties == null ? List.of()
                : Arrays.stream(parties.toUpperCase(Locale.ROOT).split("[\\s,;]+")).filter(s -> !s.isEmpty()).toList());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("reference", typed.get("source.reference"));
        source.put("url", typed.get("source.url"));
        source.put("publishedOn", typed.get("source.publishedOn"));
        body.put("source", source);
        try {
            PartnersApi.Partnership created = partners.createPartnership(body);
            return Pages.seeOther("/partnerships/" + created.id() + "?done=created");
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return pages.withStatus(e.getResponse().getStatus(), listPage(fieldsOf(ServiceProblem.of(e)), typed));
        }
    }

    @POST
    @Path("partnerships/{id}/milestones")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Visitor.SECRETARIAT)
    public Response addMilestone(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID partnership = PublicPages.uuid(id);
        Map<String, String> typed = typed(form, MILESTONE_FIELDS);
        try {
            partners.addMilestone(partnership, new HashMap<>(typed));
            return Pages.seeOther("/partnerships/" + partnership + "?done=milestone");
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500 || e.getResponse().getStatus() == 404) {
                throw e;
            }
            return pages.withStatus(e.getResponse().getStatus(), Templates.partnership(find(partnership),
                    ServiceProblem.of(e), typed, null, MILESTONE_STATUSES));
        }
    }

    /** The submitting partner's officer, or the secretariat, names the partnership a project is proposed under. */
    @POST
    @Path("projects/{id}/partnership")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Visitor.PARTNER_GOVERNMENT, Visitor.SECRETARIAT})
    public Response name(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID project = PublicPages.uuid(id);
        Map<String, Object> naming = new HashMap<>();
        naming.put("partnershipId", PublicPages.blank(form.getFirst("partnershipId")));
        try {
            partners.namePartnership(project, naming);
            return Pages.seeOther("/projects/" + project + "?done=partnership-named");
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return pages.withStatus(e.getResponse().getStatus(), PublicPages.Templates.project(publicPages.view(project),
                    null, ServiceProblem.of(e), PublicPages.INSTRUMENTS, PublicPages.DOCUMENT_TYPES));
        }
    }

    private TemplateInstance listPage(ServiceProblem problem, Map<String, String> form) {
        PartnersApi.Scorecard scorecard = partners.scorecard();
        return Templates.partnerships(partners.partnerships(), scorecard, ScorecardChart.of(scorecard), problem, form,
                KINDS, LEVELS);
    }

    private PartnersApi.Partnership find(UUID id) {
        try {
            return partners.partnership(id);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFoundException("partnership " + id);
            }
            throw e;
        }
    }

    /** The form's fields, blank ones as null (the service then says which it needs). */
    private static Map<String, String> typed(MultivaluedMap<String, String> form, List<String> fields) {
        Map<String, String> typed = new LinkedHashMap<>();
        fields.forEach(field -> typed.put(field, PublicPages.blank(form.getFirst(field))));
        return typed;
    }

    /** A refusal of one party ({@code parties[1]}) is shown at the one parties field. */
    private static ServiceProblem fieldsOf(ServiceProblem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fields().forEach((field, message) -> fields.merge(field.replaceAll("\\[\\d+]$", ""), message,
                (a, b) -> a + "; " + b));
        return new ServiceProblem(problem.status(), problem.title(), problem.detail(), fields);
    }
}
