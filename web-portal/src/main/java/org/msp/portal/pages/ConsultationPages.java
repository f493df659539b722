package org.msp.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.msp.portal.services.ReviewsApi;
import org.msp.portal.web.ServiceProblem;
import org.msp.portal.web.Visitor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project's public consultation (SPEC §9), one page for everybody: anyone reads the screening, the window
 * and every comment with its answer; a signed-in civil-society user or partner officer comments while the
 * window is open; the assigned reviewer screens the project and answers each comment; the secretariat
 * hides a comment with a public reason. Every form works without JavaScript.
 */
@Path("/projects/{id}/consultation")
@Produces(MediaType.TEXT_HTML)
public class ConsultationPages {
    static final String CIVIL_SOCIETY = "civil-society";
    static final List<String> DISPOSITIONS = List.of("ACCEPTED", "PARTIALLY_ACCEPTED", "NOT_ACCEPTED", "OUT_OF_SCOPE",
            "DUPLICATE");

    @Inject
    @RestClient
    ReviewsApi reviews;
    @Inject
    Pages pages;
    @Inject
    SecurityIdentity identity;

    /** What the visitor may do on this page. */
    public record Abilities(boolean comment, boolean screen, boolean answer, boolean hide) {
    }

    /** The comment form as the visitor filled it in (kept when the service refuses it). */
    public record CommentForm(String body, String language, List<String> itemCodes, String onBehalfOf) {
        public boolean concerns(String code) {
            return itemCodes.contains(code);
        }
    }

    @CheckedTemplate(basePath = "PublicPages")
    static class Templates {
        static native TemplateInstance consultation(UUID projectId, ReviewsApi.Review review,
                ReviewsApi.Consultation consultation, Abilities may, CommentForm typed, ServiceProblem problem,
                String target, String done, List<String> riskCategories, List<String> dispositions);
    }

    @GET
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("done") String done) {
        UUID projectId = PublicPages.uuid(id);
        return pages.localised(render(projectId, reviewOf(projectId), null, null, null, done));
    }

    /** A registered civil-society user or partner officer comments; a refusal keeps what it typed. */
    @POST
    @Path("comments")
    @RolesAllowed({CIVIL_SOCIETY, Visitor.PARTNER_GOVERNMENT})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = PublicPages.uuid(id);
        ReviewsApi.Review review = reviewOf(projectId);
        List<String> codes = form.get("itemCodes") == null ? List.of()
                : form.get("itemCodes").stream().filter(code -> !code.isBlank()).toList();
        CommentForm typed = new CommentForm(form.getFirst("body"), form.getFirst("language"), codes,
                form.getFirst("onBehalfOf"));
        Map<String, Object> body = new HashMap<>();
        body.put("body", typed.body() == null ? "" : typed.body());
        body.put("language", typed.language() == null ? "" : typed.language().strip());
        body.put("itemCodes", codes);
        body.put("onBehalfOf", PublicPages.blank(typed.onBehalfOf()));
        return act(projectId, review, typed, null, () -> reviews.comment(review.id(), body), "commented");
    }

    @POST
    @Path("screening")
    @RolesAllowed(Visitor.ESG_REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response screen(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = PublicPages.uuid(id);
        ReviewsApi.Review review = reviewOf(projectId);
        Map<String, String> body = new HashMap<>();
        body.put("riskCategory", PublicPages.blank(form.getFirst("riskCategory")));
        body.put("summary", form.getFirst("summary") == null ? "" : form.getFirst("summary"));
        return act(projectId, review, null, null, () -> reviews.screen(review.id(), body), "screened");
    }

    @POST
    @Path("comments/{cid}/response")
    @RolesAllowed(Visitor.ESG_REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, @PathParam("cid") String cid,
            MultivaluedMap<String, String> form) {
        UUID projectId = PublicPages.uuid(id);
        ReviewsApi.Review review = reviewOf(projectId);
        Map<String, String> body = new HashMap<>();
        body.put("disposition", PublicPages.blank(form.getFirst("disposition")));
        body.put("response", form.getFirst("response") == null ? "" : form.getFirst("response"));
        UUID commentId = PublicPages.uuid(cid);
        return act(projectId, review, null, commentId.toString(), () -> reviews.answer(review.id(), commentId, body),
                "answered");
    }

    @POST
    @Path("comments/{cid}/moderation")
    @RolesAllowed(Visitor.SECRETARIAT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response hide(@PathParam("id") String id, @PathParam("cid") String cid,
            MultivaluedMap<String, String> form) {
        UUID projectId = PublicPages.uuid(id);
        ReviewsApi.Review review = reviewOf(projectId);
        Map<String, String> body = Map.of("reason", form.getFirst("reason") == null ? "" : form.getFirst("reason"));
        UUID commentId = PublicPages.uuid(cid);
        return act(projectId, review, null, commentId.toString(), () -> reviews.hide(review.id(), commentId, body),
                "hidden");
    }

    /** Post/redirect/get on success; the page again with the service's problem (and the typed text) otherwise. */
    private Response act(UUID projectId, ReviewsApi.Review review, CommentForm typed, String target, Runnable command,
            String done) {
        try {
            command.run();
            return Pages.seeOther("/projects/" + projectId + "/consultation?done=" + done);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return pages.withStatus(e.getResponse().getStatus(),
                    render(projectId, review, typed, ServiceProblem.of(e), target, null));
        }
    }

    private TemplateInstance render(UUID projectId, ReviewsApi.Review review, CommentForm typed,
            ServiceProblem problem, String target, String done) {
        ReviewsApi.Consultation consultation = reviews.consultation(review.id());
        boolean assigned = identity.hasRole(Visitor.ESG_REVIEWER) && review.reviewer() != null
                && review.reviewer().equals(subject());
        boolean commenter = identity.hasRole(CIVIL_SOCIETY) || identity.hasRole(Visitor.PARTNER_GOVERNMENT);
        Abilities may = new Abilities(commenter && !assigned && consultation.isOpen(),
                assigned && review.isOpen() && consultation.isNotOpened(),
                assigned && review.isOpen() && !consultation.isNotOpened(),
                identity.hasRole(Visitor.SECRETARIAT));
        CommentForm form = typed != null ? typed : new CommentForm("", pages.locale().getLanguage(), List.of(), "");
        return Templates.consultation(projectId, review, consultation, may, form, problem, target, done,
                ReviewerPages.RISK_CATEGORIES, DISPOSITIONS);
    }

    /** The project's review; a project without one (a draft, or just submitted) has no consultation page yet. */
    private ReviewsApi.Review reviewOf(UUID projectId) {
        return reviews.reviews(null, projectId, 0, 1).items().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no review of project " + projectId));
    }

    private String subject() {
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
    }
}
