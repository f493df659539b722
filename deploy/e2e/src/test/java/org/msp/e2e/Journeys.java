package org.msp.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.msp.infra.ProcessPlatform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The users' moves that several end-to-end tests need to set the scene, through the public API only. */
final class Journeys {
    static final Duration WAIT = Duration.ofSeconds(60);

    private Journeys() {
    }

    static RequestSpecification as(String user) {
        return user == null ? given() : given().auth().oauth2(SharedPlatform.tokens().of(user));
    }

    static Response get(String service, String path) {
        return given().get(SharedPlatform.url(service, path));
    }

    /** A read as a given user: drafts are visible only to their partner, open ratings only to the secretariat and reviewer. */
    static Response getAs(String user, String service, String path) {
        return as(user).get(SharedPlatform.url(service, path));
    }

    /** Counts rows in a service's own database: what an API read may not show (other partners' drafts). */
    static long countRows(String service, String table) {
        try (var connection = java.sql.DriverManager.getConnection(SharedPlatform.get().jdbcUrl(service), "postgres", "postgres");
             var rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> proposal(String title) {
        return Map.of("title", title, "summary", "Hydrometallurgical recovery of copper and cobalt",
                "hostCountry", "ZM", "minerals", List.of("COPPER", "COBALT"), "valueChainStage", "PROCESSING",
                "sponsor", "Zambezi Metals Ltd", "requestedFinancingUsd", 12_000_000,
                "disclosure", Map.of("feasibilityStudyPublic", true, "agreementPublic", true,
                        "communityConsultationHeld", true));
    }

    static Map<String, Object> template(String key) {
        return Map.of("key", key, "name", "Tailings template", "description", "a secretariat's own checklist",
                "items", List.of(Map.of("code", "T-1", "title", "Grievance mechanism in place",
                        "guidance", "Check the register", "framework", "IFC PS1", "weight", 10, "critical", false)));
    }

    /** A new DRAFT proposal of the GB partner, hosted in Zambia. */
    static String gbDraft() {
        return as("gb-officer").contentType(ContentType.JSON).body(proposal("Project " + shortId()))
                .post(SharedPlatform.url(ProcessPlatform.PROJECTS, "/projects")).then().statusCode(201).extract().path("id");
    }

    static String submit(String project) {
        as("gb-officer").post(SharedPlatform.url(ProcessPlatform.PROJECTS, "/projects/" + project + "/submit"))
                .then().statusCode(200);
        return project;
    }

    /** The review that opens by itself once the project is submitted. */
    static String reviewOf(String project) {
        return await("the review of " + project).atMost(WAIT)
                .until(() -> get(ProcessPlatform.REVIEWS, "/reviews?projectId=" + project).<String>path("items[0].id"),
                        notNullValue());
    }

    static List<String> itemCodes(String review) {
        return getAs("secretariat", ProcessPlatform.REVIEWS, "/reviews/" + review).jsonPath().getList("items.code");
    }

    static void rateAll(String review, String reviewer) {
        for (String code : itemCodes(review)) {
            as(reviewer).contentType(ContentType.JSON).body(Map.of("rating", "MEETS"))
                    .put(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/items/" + code))
                    .then().statusCode(200);
        }
    }

    /** A submitted project taken through a clean review by the JP reviewer, until partners may support it. */
    static String projectOpenForSupport() {
        String project = submit(gbDraft());
        String review = reviewOf(project);
        as("jp-reviewer").post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/assignment"))
                .then().statusCode(200);
        rateAll(review, "jp-reviewer");
        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("riskCategory", "C"))
                .post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/complete")).then().statusCode(200);
        awaitSupportStatus(project, "OPEN_FOR_SUPPORT");
        return project;
    }

    /**
     * A project of the GB partner hosted in {@code host}, cleared by the JP reviewer with one condition on a
     * critical checklist item (rated PARTIAL): project-service has drawn its action plan when this returns.
     * Returns the project id and the condition's code.
     */
    static Map.Entry<String, String> projectWithCriticalCondition(String host) {
        Map<String, Object> draft = new java.util.HashMap<>(proposal("Project " + shortId()));
        draft.put("hostCountry", host);
        String project = submit(as("gb-officer").contentType(ContentType.JSON).body(draft)
                .post(SharedPlatform.url(ProcessPlatform.PROJECTS, "/projects")).then().statusCode(201).extract().path("id"));
        return Map.entry(project, clearWithCriticalCondition(project));
    }

    /**
     * The JP reviewer claims the project's review, rates every item MEETS but one critical item PARTIAL,
     * and completes it: cleared with one condition, which project-service makes its action plan (drawn
     * when this returns). Returns the condition's code.
     */
    static String clearWithCriticalCondition(String project) {
        String review = reviewOf(project);
        as("jp-reviewer").post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/assignment"))
                .then().statusCode(200);
        List<Map<String, Object>> items = getAs("secretariat", ProcessPlatform.REVIEWS, "/reviews/" + review)
                .jsonPath().getList("items");
        String critical = items.stream().filter(item -> (Boolean) item.get("critical"))
                .map(item -> (String) item.get("code")).findFirst().orElseThrow();
        for (Map<String, Object> item : items) {
            String code = (String) item.get("code");
            as("jp-reviewer").contentType(ContentType.JSON).body(code.equals(critical)
                            ? Map.of("rating", "PARTIAL", "comment", "Resettlement plan agreed, not yet carried out")
                            : Map.of("rating", "MEETS"))
                    .put(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/items/" + code))
                    .then().statusCode(200);
        }
        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("riskCategory", "B"))
                .post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/complete"))
                .then().statusCode(200).body("outcome", equalTo("CLEARED_WITH_CONDITIONS"));
        await("the action plan of " + project).atMost(WAIT).until(() -> get(ProcessPlatform.PROJECTS,
                "/projects/" + project + "/action-plan").jsonPath().getList("items.code"), equalTo(List.of(critical)));
        return critical;
    }

    /** partner-service learns a project's status from events; support is judged by what it knows. */
    static void awaitSupportStatus(String project, String status) {
        await("partner-service sees " + project + " " + status).atMost(WAIT).until(() -> get(ProcessPlatform.PARTNERS,
                "/projects/" + project + "/interests").path("status"), equalTo(status));
    }

    static void awaitProjectStatus(String project, String status) {
        await(project + " " + status).atMost(WAIT).until(() -> get(ProcessPlatform.PROJECTS, "/projects/" + project)
                .path("status"), equalTo(status));
    }

    /** A partnership as the secretariat registers it (POST and PUT /partnerships). */
    static Map<String, Object> partnershipBody(String name) {
        return Map.of("name", name, "kind", "MEMORANDUM_OF_UNDERSTANDING", "parties", List.of("GB", "ZM"),
                "signedOn", "2025-04-10", "source", Map.of("reference", "e2e fixture", "url", "https://example.org/mou"),
                "objectives", "Processing in Zambia", "disclosureLevel", "TEXT_PUBLISHED");
    }

    static Map<String, Object> milestoneBody() {
        return Map.of("title", "Working group convened", "dueOn", "2026-06-30", "status", "MET", "metOn", "2026-05-02",
                "evidenceUrl", "https://example.org/minutes.pdf");
    }

    /** A new partnership, registered by the secretariat; its id. */
    static String createPartnership(String name) {
        return as("secretariat").contentType(ContentType.JSON).body(partnershipBody(name))
                .post(SharedPlatform.url(ProcessPlatform.PARTNERS, "/partnerships")).then().statusCode(201)
                .extract().path("id");
    }

    /** A milestone added to {@code partnership} by the secretariat; its id (the end of its Location). */
    static String addMilestone(String partnership, String title) {
        Map<String, Object> body = new java.util.HashMap<>(milestoneBody());
        body.put("title", title);
        String location = as("secretariat").contentType(ContentType.JSON).body(body)
                .post(SharedPlatform.url(ProcessPlatform.PARTNERS, "/partnerships/" + partnership + "/milestones"))
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** partner-service learns of a project from project-service's events: waits until it has. */
    static void awaitKnownToPartnerService(String project) {
        await("partner-service knows " + project).atMost(WAIT)
                .until(() -> get(ProcessPlatform.PARTNERS, "/projects/" + project + "/partnership").statusCode() == 200);
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
