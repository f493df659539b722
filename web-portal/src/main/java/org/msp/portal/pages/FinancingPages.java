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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.msp.portal.i18n.FollowThroughMessages;
import org.msp.portal.i18n.Messages;
import org.msp.portal.services.PartnersApi;
import org.msp.portal.services.ProjectsApi;
import org.msp.portal.web.ServiceProblem;
import org.msp.portal.web.Visitor;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project's financing (SPEC §11) on a page of its own: committed against disbursed per partner, each
 * commitment with its disbursements and any override of an unmet critical condition with its public
 * reason, and for the signed-in partner officer the forms to record a commitment and a disbursement.
 * The section itself is the self-contained include {@code financing} (a {@link FinancingSection}), so
 * that another page can show it too. Every form works without JavaScript.
 */
@Path("/projects/{id}/financing")
@Produces(MediaType.TEXT_HTML)
public class FinancingPages {
    @Inject
    @RestClient
    PartnersApi partners;
    @Inject
    PublicPages publicPages;
    @Inject
    Pages pages;
    @Inject
    Visitor visitor;
    @Inject
    Messages messages;
    @Inject
    FollowThroughMessages followThrough;

    @CheckedTemplate(basePath = "PublicPages")
    static class Templates {
        static native TemplateInstance financing(FinancingSection section);
    }

    @GET
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("done") String done) {
        return pages.localised(Templates.financing(section(PublicPages.uuid(id), null, null, Map.of(), List.of(), done)));
    }

    @POST
    @Path("commitments")
    @RolesAllowed(Visitor.PARTNER_GOVERNMENT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response commit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = PublicPages.uuid(id);
        Map<String, String> typed = typed(form, "instrument", "amount", "currency", "amountUsd", "usdRateDate",
                "agreementDocumentId");
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", PublicPages.blank(typed.get("instrument")));
        body.put("currency", upper(typed.get("currency")));
        body.put("usdRateDate", PublicPages.blank(typed.get("usdRateDate")));
        body.put("agreementDocumentId", PublicPages.blank(typed.get("agreementDocumentId")));
        Map<String, String> notNumbers = amounts(typed, body);
        if (!notNumbers.isEmpty()) {
            return refused(projectId, ServiceProblem.ofFields(notNumbers), FinancingSection.COMMIT, typed, List.of());
        }
        return act(projectId, FinancingSection.COMMIT, typed, List.of(), () -> partners.commit(projectId, body),
                "committed");
    }

    /** The commitment is chosen in the form: one form serves all of the officer's commitments. */
    @POST
    @Path("disbursements")
    @RolesAllowed(Visitor.PARTNER_GOVERNMENT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disburse(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = PublicPages.uuid(id);
        Map<String, String> typed = typed(form, "commitment", "amount", "currency", "amountUsd", "disbursedOn",
                "overrideReason");
        List<String> conditions = form.get("conditions") == null ? List.of()
                : form.get("conditions").stream().filter(code -> !code.isBlank()).toList();
        UUID commitment;
        try {
            commitment = UUID.fromString(typed.get("commitment"));
        } catch (IllegalArgumentException e) {
            return refused(projectId, ServiceProblem.ofFields(Map.of("commitment",
                    followThrough.financing_choose_commitment())), FinancingSection.DISBURSE, typed, conditions);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("currency", upper(typed.get("currency")));
        body.put("disbursedOn", PublicPages.blank(typed.get("disbursedOn")));
        body.put("conditions", conditions);
        body.put("overrideReason", PublicPages.blank(typed.get("overrideReason")));
        Map<String, String> notNumbers = amounts(typed, body);
        if (!notNumbers.isEmpty()) {
            return refused(projectId, ServiceProblem.ofFields(notNumbers), FinancingSection.DISBURSE, typed, conditions);
        }
        return act(projectId, FinancingSection.DISBURSE, typed, conditions,
                () -> partners.disburse(projectId, commitment, body), "disbursed");
    }

    /** The section's data: the project, its financing and what the visitor may record on it. */
    public FinancingSection section(UUID projectId, ServiceProblem problem, String form, Map<String, String> typed,
            List<String> ticked, String done) {
        return section(publicPages.project(projectId).getEntity(), problem, form, typed, ticked, done);
    }

    /** The section of a project the caller has already read (the implementation page). */
    public FinancingSection section(ProjectsApi.Project project, ServiceProblem problem, String form,
            Map<String, String> typed, List<String> ticked, String done) {
        UUID projectId = project.id();
        // partner-service learns of a project from its events: a draft, or one just submitted, it may not know
        PartnersApi.Financing financing = project.isDraft() ? null
                : PublicPages.unlessUnknown(() -> partners.financing(projectId));
        boolean officer = visitor.isOfficer() && visitor.country() != null && financing != null;
        List<PartnersApi.Commitment> own = officer ? financing.of(visitor.country()) : List.of();
        return new FinancingSection(project, financing, officer && financing.takesCommitments(),
                officer && financing.takesCommitments() && !own.isEmpty(), own, problem, form, typed, ticked,
                PublicPages.INSTRUMENTS, done);
    }

    /** Post/redirect/get on success; the page again with the service's problem and what was typed otherwise. */
    private Response act(UUID projectId, String form, Map<String, String> typed, List<String> ticked, Runnable command,
            String done) {
        try {
            command.run();
            return Pages.seeOther("/projects/" + projectId + "/financing?done=" + done);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return refused(projectId, ServiceProblem.of(e), form, typed, ticked);
        }
    }

    private Response refused(UUID projectId, ServiceProblem problem, String form, Map<String, String> typed,
            List<String> ticked) {
        return pages.withStatus(problem.status(), Templates.financing(section(projectId, problem, form, typed, ticked,
                null)));
    }

    private static Map<String, String> typed(MultivaluedMap<String, String> form, String... fields) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : fields) {
            typed.put(field, form.getFirst(field) == null ? "" : form.getFirst(field));
        }
        return typed;
    }

    /** Puts {@code amount} and {@code amountUsd} in the body as numbers; returns the fields that are not numbers. */
    private Map<String, String> amounts(Map<String, String> typed, Map<String, Object> body) {
        Map<String, String> notNumbers = new LinkedHashMap<>();
        for (String field : List.of("amount", "amountUsd")) {
            String text = typed.get(field).strip().replace(",", "").replace(" ", "");
            try {
                body.put(field, text.isEmpty() ? null : new BigDecimal(text));
            } catch (NumberFormatException e) {
                notNumbers.put(field, messages.error_not_a_number());
            }
        }
        return notNumbers;
    }

    private static String upper(String value) {
        String blank = PublicPages.blank(value);
        return blank == null ? null : blank.toUpperCase(java.util.Locale.ROOT);
    }
}
