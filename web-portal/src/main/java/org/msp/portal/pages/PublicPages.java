package org.msp.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.msp.portal.services.NotificationsApi;
import org.msp.portal.services.PartnersApi;
import org.msp.portal.services.ProjectsApi;
import org.msp.portal.services.ProposalForm;
import org.msp.portal.services.ReviewsApi;
import org.msp.portal.web.Language;
import org.msp.portal.web.ServiceProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The pages anyone can read without signing in (SPEC §8, "Public"). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {
    static final List<String> STATUSES = List.of("SUBMITTED", "ESG_REVIEW", "OPEN_FOR_SUPPORT", "ENDORSED",
            "PRIORITISED", "FINANCED", "ESG_REJECTED", "WITHDRAWN");
    static final int PAGE_SIZE = 20;

    @Inject
    @RestClient
    ProjectsApi projects;
    @Inject
    @RestClient
    PartnersApi partners;
    @Inject
    @RestClient
    ReviewsApi reviews;
    @Inject
    @RestClient
    NotificationsApi notifications;
    @Inject
    @RestClient
    org.msp.portal.services.LiveSteps liveSteps;
    @Inject
    Pages pages;
    @Inject
    org.msp.portal.web.Visitor visitor;
    @Inject
    org.eclipse.microprofile.context.ManagedExecutor executor;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;
    @ConfigProperty(name = "portal.public-feed-url")
    String feedUrl;
    /** project-service's API as browsers reach it: documents are downloaded from it directly. */
    @ConfigProperty(name = "portal.public-project-api-url")
    String apiUrl;

    /** How many projects are in a status, for the home page's counts. */
    public record StatusCount(String status, long count) {
    }

    /** The filters of the project list, as the visitor set them (blank: not filtered). */
    public record Filters(String q, String status, String mineral, String hostCountry, String partner, String stage,
            int page) {
        /** The query string of these filters on another page of results. */
        public String onPage(int other) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("q", q);
            values.put("status", status);
            values.put("mineral", mineral);
            values.put("hostCountry", hostCountry);
            values.put("partner", partner);
            values.put("stage", stage);
            StringBuilder query = new StringBuilder("?page=" + other);
            values.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    query.append('&').append(name).append('=')
                            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }
    }

    /** A page of results, with where the previous and next pages are. */
    public record Results(List<ProjectsApi.Project> items, long total, int page, boolean hasPrevious, boolean hasNext) {
    }

    /** Everything the project page shows about one project. */
    public record ProjectView(ProjectsApi.Project project, String etag, List<ProjectsApi.HistoryEntry> history,
            ProjectsApi.ChainCheck chain, ReviewsApi.Review review, PartnersApi.Interests interests,
            PartnersApi.Endorsements endorsements, String feedUrl, List<ProjectsApi.Document> documents,
            String apiUrl, PartnersApi.ProjectPartnership partnership,
            List<PartnersApi.PartnershipSummary> partnerships) {

        /** Whether the project takes documents now (the service decides; this only hides a form it would refuse). */
        public boolean takesDocuments() {
            return !List.of("DRAFT", "WITHDRAWN", "ESG_REJECTED").contains(project.status());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<StatusCount> counts, List<NotificationsApi.Step> steps);

        static native TemplateInstance projects(Filters filters, Results results, List<String> statuses,
                List<String> minerals, List<String> stages, List<PartnersApi.Partner> partners);

        static native TemplateInstance project(ProjectView view, String done, ServiceProblem problem,
                List<String> instruments, List<String> documentTypes);

        static native TemplateInstance chainCheck(ProjectsApi.ChainCheck chain);

        static native TemplateInstance documentCheck(ProjectsApi.Project project, ProjectsApi.Document document,
                ProjectsApi.DocumentCheck check, String apiUrl);

        static native TemplateInstance liveStep(NotificationsApi.Step step);

        static native TemplateInstance followed(ProjectsApi.Project project, NotificationsApi.Subscription subscription);

        static native TemplateInstance ranking(ProjectsApi.Ranking ranking, List<ProjectsApi.RoundSummary> rounds);

        static native TemplateInstance round(ProjectsApi.Round round);

        static native TemplateInstance partners(List<PartnersApi.Partner> partners, ServiceProblem problem,
                Map<String, String> form, String done);

        static native TemplateInstance checklist(ReviewsApi.Template template, List<ReviewsApi.Template> templates);

        static native TemplateInstance methodology(ProjectsApi.Ranking ranking);
    }

    @GET
    public TemplateInstance home() {
        List<StatusCount> counts = new ArrayList<>();
        for (String status : STATUSES) {
            counts.add(new StatusCount(status, projects.list(status, null, null, null, null, null, 0, 1).total()));
        }
        return pages.localised(Templates.home(counts, notifications.timeline(null, 10)));
    }

    @GET
    @Path("projects")
    public Response list(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("mineral") String mineral, @QueryParam("hostCountry") String hostCountry,
            @QueryParam("partner") String partner, @QueryParam("stage") String stage,
            @QueryParam("page") @DefaultValue("0") int page) {
        Filters filters = new Filters(q, status, mineral, hostCountry, partner, stage, Math.max(0, page));
        List<PartnersApi.Partner> registry = partners.partners();
        try {
            ProjectsApi.ProjectPage found = projects.list(blank(status), blank(mineral), blank(hostCountry),
                    blank(partner), blank(stage), blank(q), filters.page(), PAGE_SIZE);
            Results results = new Results(found.items(), found.total(), found.page(), found.page() > 0,
                    (long) (found.page() + 1) * PAGE_SIZE < found.total());
            return Response.ok(pages.localised(Templates.projects(filters, results, STATUSES, ProposalForm.MINERALS,
                    ProposalForm.STAGES, registry))).build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
            // a filter the service refused (e.g. a hand-edited URL): the list is shown empty, the form says why
            return pages.withStatus(400, Templates.projects(filters, new Results(List.of(), 0, 0, false, false),
                    STATUSES, ProposalForm.MINERALS, ProposalForm.STAGES, registry));
        }
    }

    @GET
    @Path("projects/{id}")
    public Response project(@PathParam("id") String id, @QueryParam("done") String done) {
        return Response.ok(pages.localised(Templates.project(view(uuid(id)), done, null, INSTRUMENTS, DOCUMENT_TYPES))).build();
    }

    static final List<String> INSTRUMENTS = List.of("EQUITY", "LOAN", "GUARANTEE", "OFFTAKE", "GRANT",
            "TECHNICAL_ASSISTANCE");
    /** The OC4IDS documentType codes project-service takes, the most asked-for first. */
    static final List<String> DOCUMENT_TYPES = List.of("feasibilityStudy", "environmentalImpact",
            "landAndSettlementImpact", "contractSigned", "financialAgreement", "projectPlan", "projectScope",
            "budgetApproval", "physicalProgressReport", "financialProgressReport", "finalAudit");

    /**
     * The project page's data; a project the visitor may not see is a 404, as the service says. Once the
     * project is known to exist, its other reads go out side by side (the review's two in
     * turn): the page waits for the slowest of them rather than for their sum.
     */
    ProjectView view(UUID id) {
        var response = project(id);
        ProjectsApi.Project project = response.getEntity();
        var history = side(() -> projects.history(id));
        var chain = side(() -> projects.verify(id));
        var review = side(() -> reviews.reviews(null, id, 0, 1).items().stream().findFirst()
                .map(r -> reviews.review(r.id())).orElse(null));
        // partner-service learns of a project from its events: just after submission it may not know it yet
        var interests = side(() -> project.isDraft() ? null : unlessUnknown(() -> partners.interests(id)));
        var endorsements = side(() -> project.isDraft() ? null : unlessUnknown(() -> partners.endorsements(id)));
        var documents = side(() -> projects.documents(id));
        var partnership = side(() -> project.isDraft() ? null : unlessUnknown(() -> partners.projectPartnership(id)));
        // the choice of partnerships only for those who may name one: the submitting officer, the secretariat
        boolean names = visitor.acts(project.submittingPartner()) || visitor.isSecretariat();
        var partnerships = side(() -> names && !project.isDraft() ? partners.partnerships() : null);
        PartnersApi.Interests support = joined(interests);
        return new ProjectView(project, response.getHeaderString("ETag"), joined(history), joined(chain),
                joined(review), support, support == null ? null : joined(endorsements), feedUrl + "?projectIds=" + id,
                joined(documents), apiUrl, joined(partnership), joined(partnerships));
    }

    /** A read on another thread, in this request's context (the visitor's token and language go with it). */
    private <T> java.util.concurrent.CompletableFuture<T> side(java.util.function.Supplier<T> read) {
        return executor.supplyAsync(read);
    }

    /** The read's result, or the very exception it failed with (PartUnavailable, a 404, ...). */
    private static <T> T joined(java.util.concurrent.CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    static <T> T unlessUnknown(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    org.jboss.resteasy.reactive.RestResponse<ProjectsApi.Project> project(UUID id) {
        try {
            return projects.get(id);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFoundException("project " + id);
            }
            throw e;
        }
    }

    /** A document's stored bytes re-hashed by project-service, against the hash the history recorded. */
    @GET
    @Path("projects/{id}/documents/{documentId}/verify")
    public TemplateInstance verifyDocument(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        UUID projectId = uuid(id);
        UUID docId = uuid(documentId);
        ProjectsApi.Project project = project(projectId).getEntity();
        ProjectsApi.Document document = projects.documents(projectId).stream().filter(d -> d.id().equals(docId))
                .findFirst().orElseThrow(() -> new NotFoundException("document " + docId));
        return pages.localised(Templates.documentCheck(project, document, projects.verifyDocument(docId), apiUrl));
    }

    /** The chain check alone: the project page refreshes it when a new step arrives. */
    @GET
    @Path("projects/{id}/chain")
    public TemplateInstance chain(@PathParam("id") String id) {
        return pages.localised(Templates.chainCheck(projects.verify(uuid(id))));
    }

    /**
     * The project's new steps as they happen, each a ready-made list item (htmx's SSE extension adds it
     * to the page), relayed from notification-service's public stream.
     */
    @GET
    @Path("projects/{id}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@PathParam("id") String id, @Context Sse sse) {
        UUID project = uuid(id);
        java.util.Locale locale = pages.locale(); // read now: the stream outlives the request
        return liveSteps.of(project.toString())
                // the steps only: not the "ready" event, nor the keep-alive comments (no data)
                .filter(event -> (event.name() == null || "message".equals(event.name()))
                        && event.data() != null && !event.data().isBlank())
                .map(event -> {
                    NotificationsApi.Step step = step(event.data());
                    String html = Templates.liveStep(step).setLocale(locale).render();
                    return sse.newEventBuilder().name("step").data(html.replace("\n", " ")).build();
                });
    }

    private NotificationsApi.Step step(String data) {
        try {
            return json.readValue(data, NotificationsApi.Step.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("notification-service streamed a step that is not one: " + e.getMessage(), e);
        }
    }

    /** Follow a project: an e-mail (confirmed by a link) or a webhook subscription at notification-service. */
    @POST
    @Path("projects/{id}/follow")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response follow(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = uuid(id);
        String channel = "WEBHOOK".equals(form.getFirst("channel")) ? "WEBHOOK" : "EMAIL";
        Map<String, Object> subscription = Map.of("channel", channel,
                "target", form.getFirst("target") == null ? "" : form.getFirst("target").strip(),
                "filter", Map.of("projectIds", List.of(projectId.toString())));
        try {
            NotificationsApi.Subscription created = notifications.subscribe(subscription);
            return Response.ok(pages.localised(Templates.followed(project(projectId).getEntity(), created))).build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return pages.withStatus(e.getResponse().getStatus(),
                    Templates.project(view(projectId), null, ServiceProblem.of(e), INSTRUMENTS, DOCUMENT_TYPES));
        }
    }

    @GET
    @Path("ranking")
    public TemplateInstance ranking() {
        return pages.localised(Templates.ranking(projects.ranking(), projects.rounds()));
    }

    @GET
    @Path("ranking/rounds/{id}")
    public TemplateInstance round(@PathParam("id") String id) {
        try {
            return pages.localised(Templates.round(projects.round(uuid(id))));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFoundException("round " + id);
            }
            throw e;
        }
    }

    @GET
    @Path("partners")
    public TemplateInstance partners(@QueryParam("done") String done) {
        return pages.localised(Templates.partners(partners.partners(), null, Map.of(), done));
    }

    @GET
    @Path("checklist")
    public TemplateInstance checklist(@QueryParam("template") String templateId) {
        List<ReviewsApi.Template> templates = reviews.templates();
        UUID chosen = templateId != null ? uuid(templateId)
                : templates.stream().reduce((a, b) -> b).map(ReviewsApi.Template::id).orElse(null);
        return pages.localised(Templates.checklist(chosen == null ? null : reviews.template(chosen), templates));
    }

    @GET
    @Path("methodology")
    public TemplateInstance methodology() {
        return pages.localised(Templates.methodology(projects.ranking()));
    }

    /** The language switch: remembered in a cookie, then back to the page the visitor was on. */
    @GET
    @Path("language/{code}")
    public Response language(@PathParam("code") String code, @QueryParam("back") String back) {
        if (!Language.SPOKEN.contains(code)) {
            throw new NotFoundException("language " + code);
        }
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/";
        return Response.seeOther(java.net.URI.create(target))
                .cookie(new NewCookie.Builder(Language.COOKIE).value(code).path("/").maxAge(365 * 24 * 3600)
                        .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build()).build();
    }

    /** Signing in: Keycloak's log-in page (code flow with PKCE), then back to where the visitor was. */
    @GET
    @Path("login")
    @Authenticated
    public Response login(@QueryParam("back") String back) {
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/";
        return Response.seeOther(java.net.URI.create(target)).build();
    }

    /** A path that is no UUID names no project: 404, as for an unknown one. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no such id: " + id);
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
