package org.msp.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.Tokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.msp.e2e.Journeys.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call which endpoint, as one table: the authorization matrix in the README (between the
 * {@code authorization-matrix} markers) is read here and every cell is tried on the real platform
 * with a real Keycloak token of that column's user. A refused call must leave its target exactly as
 * it was. Rows run top to bottom and some build on the row before (a review is claimed, then rated,
 * then completed, which opens its project for support), as a user's day would.
 */
@Order(2)
class AuthorizationMatrixTest {
    private static final String START = "<!-- authorization-matrix:start -->";
    private static final String END = "<!-- authorization-matrix:end -->";
    /** The users behind the table's columns, left to right; null is no token at all. */
    private static final List<String> USERS = Arrays.asList(null, "gb-officer", "us-officer", "jp-reviewer",
            "zm-reviewer", "secretariat", "civil-society");

    private final Tokens tokens = SharedPlatform.tokens();
    private final Map<String, String> target = new LinkedHashMap<>();

    /** A multipart upload's file and fields, for the document rows. */
    private record Upload(String fileName, byte[] bytes, Map<String, String> fields) {
    }

    private static final byte[] STUDY = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** One row of the table: how to call it, what to prepare first, and what a refusal must leave alone. */
    private record Row(String method, String service, String path, Supplier<Object> body, Runnable prepare,
            Supplier<String> state) {
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheTableSays() throws IOException {
        Map<String, List<String>> table = readTable();
        Map<String, Row> rows = rows();
        assertEquals(rows.keySet(), table.keySet(), "the README's rows and the test's rows");

        List<String> mismatches = new ArrayList<>();
        StringBuilder actualTable = new StringBuilder();
        for (Map.Entry<String, List<String>> line : table.entrySet()) {
            Row row = rows.get(line.getKey());
            row.prepare().run();
            String[] actual = new String[USERS.size()];
            // refusals first, on the prepared target; then the calls that succeed, which may change it
            List<Integer> order = new ArrayList<>();
            for (int pass = 0; pass < 2; pass++) {
                for (int column = 0; column < USERS.size(); column++) {
                    boolean succeeds = line.getValue().get(column).startsWith("2");
                    if (succeeds == (pass == 1)) {
                        order.add(column);
                    }
                }
            }
            for (int column : order) {
                String expected = line.getValue().get(column);
                String before = row.state().get();
                int status = call(row, USERS.get(column)).statusCode();
                actual[column] = String.valueOf(status);
                if (!expected.equals(actual[column])) {
                    mismatches.add(line.getKey() + " as " + label(column) + ": expected " + expected + ", got " + status);
                } else if (status >= 400 && !before.equals(row.state().get())) {
                    mismatches.add(line.getKey() + " as " + label(column) + ": refused with " + status
                            + " but changed its target");
                }
            }
            actualTable.append("| `").append(line.getKey()).append("` | ").append(String.join(" | ", actual)).append(" |\n");
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches) + "\nwhat the platform answered:\n" + actualTable);
    }

    // --- the rows: what each endpoint needs before it can be called meaningfully

    private Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        String projects = ProcessPlatform.PROJECTS;
        String partners = ProcessPlatform.PARTNERS;
        String reviews = ProcessPlatform.REVIEWS;
        String notifications = ProcessPlatform.NOTIFICATIONS;

        rows.put("POST /projects", new Row("POST", projects, "/projects", () -> proposal("Matrix create"),
                () -> { }, () -> String.valueOf(projectCount())));
        rows.put("PUT /projects/{id}", new Row("PUT", projects, "/projects/{draft}", () -> proposal("Matrix edit"),
                () -> target.put("draft", gbDraft()), () -> projectState(target.get("draft"))));
        rows.put("POST /projects/{id}/submit", new Row("POST", projects, "/projects/{draft}/submit", () -> null,
                () -> target.put("draft", gbDraft()), () -> projectState(target.get("draft"))));
        rows.put("POST /projects/{id}/withdraw", new Row("POST", projects, "/projects/{submitted}/withdraw",
                () -> Map.of("reason", "no longer pursued"),
                () -> {
                    // wait for its review to open, which moves it on by itself: only the request may change it
                    String submitted = submit(gbDraft());
                    awaitProjectStatus(submitted, "ESG_REVIEW");
                    target.put("submitted", submitted);
                },
                () -> projectState(target.get("submitted"))));

        rows.put("POST /projects/{id}/documents", new Row("POST", projects, "/projects/{documented}/documents",
                () -> new Upload("study.pdf", STUDY, Map.of("documentType", "feasibilityStudy",
                        "title", "Matrix feasibility study", "language", "en")),
                () -> target.put("documented", submit(gbDraft())),
                () -> get(projects, "/projects/" + target.get("documented") + "/documents").asString()));

        // follow-through (SPEC §11): the host government's word, and the action plan of a project cleared
        // with a critical condition (hosted in Zambia, so the ZM reviewer is the host's and is refused)
        rows.put("PUT /projects/{id}/host-consent", new Row("PUT", projects, "/projects/{hostedInUs}/host-consent",
                () -> Map.of("consent", "OBJECTED", "reason", "Matrix objection"),
                () -> {
                    Map<String, Object> draft = new java.util.HashMap<>(proposal("Matrix US-hosted"));
                    draft.put("hostCountry", "US");
                    String hostedInUs = submit(as("gb-officer").contentType(ContentType.JSON).body(draft)
                            .post(url(projects, "/projects")).then().statusCode(201).extract().path("id"));
                    // its review opens by itself and moves it on: wait, so that only the request may change it
                    awaitProjectStatus(hostedInUs, "ESG_REVIEW");
                    target.put("hostedInUs", hostedInUs);
                },
                () -> get(projects, "/projects/" + target.get("hostedInUs")).asString()));
        rows.put("PUT /projects/{id}/action-plan/{code}", new Row("PUT", projects, "/projects/{planned}/action-plan/{condition}",
                () -> Map.of("responsibleParty", "Zambezi Metals Ltd", "dueDate", "2027-06-30"),
                () -> {
                    Map.Entry<String, String> cleared = projectWithCriticalCondition("ZM");
                    target.put("planned", cleared.getKey());
                    target.put("condition", cleared.getValue());
                },
                () -> get(projects, "/projects/" + target.get("planned") + "/action-plan").asString()));
        rows.put("POST /projects/{id}/action-plan/{code}/verification", new Row("POST", projects,
                "/projects/{planned}/action-plan/{condition}/verification",
                () -> Map.of("status", "PARTIALLY_MET", "note", "Half of the households resettled"), () -> { },
                () -> get(projects, "/projects/" + target.get("planned") + "/action-plan").asString()));

        rows.put("POST /checklist-templates", new Row("POST", reviews, "/checklist-templates",
                () -> template("MATRIX-" + shortId()), () -> { },
                () -> get(reviews, "/checklist-templates").asString()));
        rows.put("PUT /checklist-templates/{id}", new Row("PUT", reviews, "/checklist-templates/{template}",
                () -> template(target.get("templateKey")),
                () -> {
                    String key = "MATRIX-" + shortId();
                    target.put("templateKey", key);
                    target.put("template", as("secretariat").contentType(ContentType.JSON).body(template(key))
                            .post(url(reviews, "/checklist-templates")).then().statusCode(201).extract().path("id"));
                },
                () -> get(reviews, "/checklist-templates/" + target.get("template")).asString()));
        rows.put("POST /reviews/{id}/assignment (a reviewer claims it)", new Row("POST", reviews,
                "/reviews/{review}/assignment", () -> null,
                () -> {
                    // this review's project goes on to be cleared, supported, endorsed and ranked below
                    target.put("supported", submit(gbDraft()));
                    target.put("review", reviewOf(target.get("supported")));
                },
                () -> reviewState(target.get("review"))));
        rows.put("POST /reviews/{id}/assignment (naming the NO reviewer)", new Row("POST", reviews,
                "/reviews/{otherReview}/assignment",
                () -> Map.of("reviewer", tokens.subjectOf("no-reviewer"), "reviewerCountry", "NO"),
                () -> target.put("otherReview", reviewOf(submit(gbDraft()))),
                () -> reviewState(target.get("otherReview"))));
        rows.put("PUT /reviews/{id}/items/{code}", new Row("PUT", reviews, "/reviews/{review}/items/{item}",
                () -> Map.of("rating", "MEETS", "evidence", "site visit report"),
                () -> target.put("item", itemCodes(target.get("review")).get(0)),
                () -> reviewState(target.get("review"))));
        rows.put("POST /reviews/{id}/complete", new Row("POST", reviews, "/reviews/{review}/complete",
                () -> Map.of("riskCategory", "B"),
                () -> rateAll(target.get("review"), "jp-reviewer"),
                () -> reviewState(target.get("review"))));

        // the public consultation (SPEC §9): on a review of its own, claimed by the JP reviewer and screened
        // in category A (a window of minutes in this suite), so that the comment rows find it open
        rows.put("POST /reviews/{id}/screening", new Row("POST", reviews, "/reviews/{consulted}/screening",
                () -> Map.of("riskCategory", "A", "summary", "Matrix screening: tailings beside a river."),
                () -> {
                    String consulted = reviewOf(submit(gbDraft()));
                    as("jp-reviewer").post(url(reviews, "/reviews/" + consulted + "/assignment")).then().statusCode(200);
                    target.put("consulted", consulted);
                },
                () -> consultationState(target.get("consulted"))));
        rows.put("POST /reviews/{id}/comments", new Row("POST", reviews, "/reviews/{consulted}/comments",
                () -> Map.of("body", "Matrix comment on the water permit", "language", "en",
                        "itemCodes", List.of("IFC-PS3-WATER")),
                () -> { }, () -> consultationState(target.get("consulted"))));
        rows.put("PUT /reviews/{id}/comments/{cid}/response", new Row("PUT", reviews,
                "/reviews/{consulted}/comments/{comment}/response",
                () -> Map.of("disposition", "ACCEPTED", "response", "Taken up as a condition."),
                () -> target.put("comment", commentAs("civil-society", target.get("consulted"))),
                () -> consultationState(target.get("consulted"))));
        rows.put("PUT /reviews/{id}/comments/{cid}/moderation", new Row("PUT", reviews,
                "/reviews/{consulted}/comments/{comment}/moderation",
                () -> Map.of("reason", "Names a private person."),
                () -> target.put("comment", commentAs("civil-society", target.get("consulted"))),
                () -> consultationState(target.get("consulted"))));

        rows.put("POST /partners", new Row("POST", partners, "/partners",
                () -> Map.of("code", target.get("newPartner"), "name", "Matrix partner", "kind", "PRODUCER_COUNTRY",
                        "joinedOn", "2024-01-01"),
                () -> target.put("newPartner", unusedPartnerCode()), () -> get(partners, "/partners").asString()));
        rows.put("POST /projects/{id}/interests", new Row("POST", partners, "/projects/{supported}/interests",
                () -> Map.of("instrument", "LOAN", "indicativeAmountUsd", 1_000_000, "note", "subject to approval"),
                this::awaitProjectOpenForSupport, () -> supportState(target.get("supported"))));
        rows.put("PUT /projects/{id}/endorsement", new Row("PUT", partners, "/projects/{supported}/endorsement",
                () -> null, () -> { }, () -> supportState(target.get("supported"))));
        rows.put("DELETE /projects/{id}/endorsement", new Row("DELETE", partners, "/projects/{supported}/endorsement",
                () -> null, () -> { }, () -> supportState(target.get("supported"))));
        // the partnerships registry (SPEC §11): secretariat writes; a project's partnership is named by its
        // submitting partner's officer (GB) or the secretariat
        rows.put("POST /partnerships", new Row("POST", partners, "/partnerships",
                () -> partnershipBody("Matrix partnership " + shortId()), () -> { },
                () -> get(partners, "/partnerships").asString()));
        rows.put("PUT /partnerships/{id}", new Row("PUT", partners, "/partnerships/{partnership}",
                () -> partnershipBody("Matrix partnership, edited"),
                () -> target.put("partnership", createPartnership("Matrix partnership " + shortId())),
                () -> get(partners, "/partnerships/" + target.get("partnership")).asString()));
        rows.put("POST /partnerships/{id}/milestones", new Row("POST", partners, "/partnerships/{partnership}/milestones",
                Journeys::milestoneBody, () -> { },
                () -> get(partners, "/partnerships/" + target.get("partnership")).asString()));
        rows.put("PUT /partnerships/{id}/milestones/{mid}", new Row("PUT", partners,
                "/partnerships/{partnership}/milestones/{milestone}", Journeys::milestoneBody,
                () -> target.put("milestone", addMilestone(target.get("partnership"), "Matrix milestone")),
                () -> get(partners, "/partnerships/" + target.get("partnership")).asString()));
        rows.put("PUT /projects/{id}/partnership", new Row("PUT", partners, "/projects/{named}/partnership",
                () -> Map.of("partnershipId", target.get("partnership")),
                () -> {
                    String named = submit(gbDraft());
                    awaitKnownToPartnerService(named);
                    target.put("named", named);
                },
                () -> get(partners, "/projects/" + target.get("named") + "/partnership").asString()
                        + get(partners, "/projects/" + target.get("named") + "/support-history").asString()));
        rows.put("POST /prioritisation/rounds", new Row("POST", projects, "/prioritisation/rounds", () -> null,
                this::endorseSupportedProject, () -> get(projects, "/prioritisation").jsonPath().getString("ranking")));
        // the round above prioritised the supported project: partners commit financing to it and disburse
        rows.put("POST /projects/{id}/commitments", new Row("POST", partners, "/projects/{supported}/commitments",
                () -> Map.of("instrument", "LOAN", "amount", 2_000_000, "currency", "USD", "amountUsd", 2_000_000,
                        "usdRateDate", "2026-11-30"),
                () -> awaitSupportStatus(target.get("supported"), "PRIORITISED"),
                () -> financingState(target.get("supported"))));
        rows.put("POST /projects/{id}/commitments/{cid}/disbursements (against the US commitment)", new Row("POST",
                partners, "/projects/{supported}/commitments/{commitment}/disbursements",
                () -> Map.of("amount", 500_000, "currency", "USD", "amountUsd", 500_000, "disbursedOn", "2026-12-01"),
                () -> target.put("commitment", get(partners, "/projects/" + target.get("supported") + "/commitments")
                        .jsonPath().getString("commitments.find { it.partner == 'US' }.id")),
                () -> financingState(target.get("supported"))));

        rows.put("POST /subscriptions", new Row("POST", notifications, "/subscriptions",
                () -> Map.of("channel", "WEBHOOK", "target", "http://127.0.0.1:9/matrix",
                        "filter", Map.of("projectIds", List.of(UUID.randomUUID().toString()))),
                () -> { }, () -> ""));
        rows.put("DELETE /subscriptions/{id} (without its secret)", new Row("DELETE", notifications,
                "/subscriptions/{subscription}", () -> null,
                () -> {
                    Response created = given().contentType(ContentType.JSON)
                            .body(Map.of("channel", "WEBHOOK", "target", "http://127.0.0.1:9/matrix",
                                    "filter", Map.of("projectIds", List.of(UUID.randomUUID().toString()))))
                            .post(url(notifications, "/subscriptions"));
                    created.then().statusCode(201);
                    target.put("subscription", created.path("id"));
                    target.put("subscriptionSecret", created.path("secret"));
                },
                () -> String.valueOf(given().header("X-MSP-Subscription-Secret", target.get("subscriptionSecret"))
                        .get(url(notifications, "/subscriptions/" + target.get("subscription") + "/deliveries"))
                        .statusCode())));
        return rows;
    }

    // --- fixtures, built through the public API like a user would (see Journeys)

    /** The project whose review the matrix completed: partner-service must know it is open for support. */
    private void awaitProjectOpenForSupport() {
        awaitSupportStatus(target.get("supported"), "OPEN_FOR_SUPPORT");
    }

    /**
     * Two partners other than the submitting one endorse (the quorum), so the round has something to rank.
     * Neither has a standing endorsement here (the matrix's own endorsements were withdrawn by its DELETE row).
     */
    private void endorseSupportedProject() {
        String project = target.get("supported");
        for (String partner : List.of("us-officer", "eu-officer")) {
            as(partner).put(url(ProcessPlatform.PARTNERS, "/projects/" + project + "/endorsement"))
                    .then().statusCode(201);
        }
        awaitProjectStatus(project, "ENDORSED");
    }

    private String unusedPartnerCode() {
        for (String code : List.of("KE", "NA", "BW", "MW", "TZ", "UG", "GH", "SN", "PE", "CL", "BO", "MN", "KZ", "VN")) {
            if (get(ProcessPlatform.PARTNERS, "/partners/" + code).statusCode() == 404) {
                return code;
            }
        }
        throw new IllegalStateException("every candidate partner code is taken");
    }

    // --- what a refused call must leave alone

    private long projectCount() {
        return countRows(ProcessPlatform.PROJECTS, "proposal");
    }

    private String projectState(String project) {
        Response response = getAs("gb-officer", ProcessPlatform.PROJECTS, "/projects/" + project);
        return response.path("status") + " v" + response.header("ETag");
    }

    private String reviewState(String review) {
        Response response = getAs("secretariat", ProcessPlatform.REVIEWS, "/reviews/" + review);
        return response.path("status") + " " + response.path("reviewer") + " " + response.jsonPath().getList("items.rating");
    }

    private String consultationState(String review) {
        return get(ProcessPlatform.REVIEWS, "/reviews/" + review + "/consultation").asString();
    }

    private String commentAs(String user, String review) {
        return as(user).contentType(ContentType.JSON)
                .body(Map.of("body", "Matrix comment " + shortId(), "language", "en"))
                .post(url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/comments"))
                .then().statusCode(201).extract().path("id");
    }

    private String supportState(String project) {
        return get(ProcessPlatform.PARTNERS, "/projects/" + project + "/interests").asString()
                + get(ProcessPlatform.PARTNERS, "/projects/" + project + "/endorsements").asString();
    }

    private String financingState(String project) {
        return get(ProcessPlatform.PARTNERS, "/projects/" + project + "/commitments").asString();
    }

    // --- HTTP

    private Response call(Row row, String user) {
        RequestSpecification request = as(user);
        if (row.path().startsWith("/projects/{draft}") && row.method().equals("PUT")) {
            request.header("If-Match", getAs("gb-officer", row.service(), "/projects/" + target.get("draft")).header("ETag"));
        }
        if (row.path().equals("/partnerships/{partnership}") && row.method().equals("PUT")) {
            request.header("If-Match", get(row.service(), "/partnerships/" + target.get("partnership")).header("ETag"));
        }
        Object body = row.body().get();
        if (body instanceof Upload upload) {
            request.multiPart("file", upload.fileName(), upload.bytes(), "application/pdf");
            upload.fields().forEach(request::multiPart);
        } else if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(row.method(), url(row.service(), fill(row.path())));
    }

    private String fill(String path) {
        String filled = path;
        for (Map.Entry<String, String> value : target.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private static String url(String service, String path) {
        return SharedPlatform.url(service, path);
    }

    private static String label(int column) {
        return USERS.get(column) == null ? "anonymous" : USERS.get(column);
    }

    /** The table between the markers in the README: endpoint → expected status per column. */
    static Map<String, List<String>> readTable() throws IOException {
        Path readme = Path.of(System.getProperty("msp.root", "../..")).resolve("README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md holds the authorization matrix between " + START + " and " + END);
        Map<String, List<String>> table = new LinkedHashMap<>();
        Function<String, List<String>> cells = line -> Arrays.stream(line.split("\\|")).map(String::strip)
                .filter(cell -> !cell.isEmpty()).toList();
        for (String line : text.substring(start + START.length(), end).split("\n")) {
            List<String> row = cells.apply(line);
            if (!line.startsWith("| `") || row.isEmpty()) {
                continue; // header, separator, blank
            }
            assertEquals(USERS.size() + 1, row.size(), "cells in " + line);
            table.put(row.get(0).replace("`", ""), row.subList(1, row.size()));
        }
        return table;
    }
}
