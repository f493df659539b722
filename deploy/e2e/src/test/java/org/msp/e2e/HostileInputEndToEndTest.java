package org.msp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.BodyMutations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.e2e.Journeys.*;

/**
 * Hostile input against every write endpoint of the four services, on the real platform with real
 * Keycloak tokens: broken, truncated, oversized, deeply nested and mistyped bodies, markup and SQL in
 * text, boundary numbers, unknown fields and seeded random mutations of a valid body; and tokens that
 * must not get in (none, expired, another realm's, another audience's, unsigned, signed by another
 * key, tampered with). Never a 5xx; every refusal is problem+json; and a refused request changes no
 * row of the service's own tables (fingerprinted before and after each request).
 */
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MUTATIONS_PER_ENDPOINT = 120;

    /** The tables each service's endpoints write themselves (not read models fed by other services' events). */
    private static final Map<String, List<String>> OWN_TABLES = Map.of(
            // a document's chunks are written only with its project_document row, in one transaction
            ProcessPlatform.PROJECTS, List.of("proposal", "project_history", "prioritisation_round", "project_document",
                    "action_item"),
            ProcessPlatform.PARTNERS, List.of("partner", "partner_interest", "endorsement", "support_history",
                    "partnership", "partnership_party", "partnership_milestone", "partnership_history", "commitment",
                    "disbursement", "disbursement_condition"),
            ProcessPlatform.REVIEWS, List.of("checklist_template", "checklist_item", "review", "review_item", "review_history",
                    "consultation_comment"),
            ProcessPlatform.NOTIFICATIONS, List.of("subscription"));

    /** A write endpoint, who may call it, on what, and a body it accepts (JSON, or multipart for uploads). */
    private record Endpoint(String label, String service, String method, Supplier<String> path, String user,
            Supplier<Map<String, String>> headers, String validBody, String contentType) {
        Endpoint(String label, String service, String method, Supplier<String> path, String user,
                Supplier<Map<String, String>> headers, String validBody) {
            this(label, service, method, path, user, headers, validBody, "application/json");
        }

        /** Endpoints without a body (submit, rounds) only meet the bad tokens. */
        boolean takesBody() {
            return validBody != null;
        }

        boolean isUpload() {
            return contentType.startsWith("multipart/");
        }
    }

    private static final String BOUNDARY = "msp-hostile-boundary";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private final Map<String, Connection> databases = new HashMap<>();
    private int requests;
    private int serverErrors;
    private int changedByRefused;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    void connect() throws SQLException {
        ProcessPlatform platform = SharedPlatform.get();
        for (String service : ProcessPlatform.SERVICES) {
            databases.put(service, DriverManager.getConnection(platform.jdbcUrl(service), "postgres", "postgres"));
        }
    }

    @AfterAll
    void disconnect() throws SQLException {
        for (Connection connection : databases.values()) {
            connection.close();
        }
    }

    @Test
    void noHostileRequestCausesA5xxOrChangesARowWhenRefused() throws Exception {
        List<Endpoint> endpoints = endpoints();
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.takesBody()) {
                continue;
            }
            if (endpoint.isUpload()) {
                for (Map.Entry<String, byte[]> upload : uploadCorpus()) {
                    send(endpoint, tokens(endpoint.user()), upload.getKey(), upload.getValue());
                }
                continue;
            }
            for (byte[] body : corpus(endpoint.validBody(), endpoint.label().hashCode())) {
                send(endpoint, endpoint.user() == null ? null : tokens(endpoint.user()), body);
            }
        }
        for (Endpoint endpoint : endpoints) {
            for (Map.Entry<String, String> badToken : badTokens().entrySet()) {
                Response response = send(endpoint, badToken.getValue(), validBytes(endpoint));
                if (response.statusCode() != 401) {
                    problems.add(endpoint.label() + " with " + badToken.getKey() + " token: " + response.statusCode());
                }
            }
            if (endpoint.user() != null) {
                Response response = send(endpoint, "", validBytes(endpoint));
                if (response.statusCode() != 401) {
                    problems.add(endpoint.label() + " without a token: " + response.statusCode());
                }
            }
        }
        System.out.printf("hostile input, all services: %d requests, %d 5xx, %d rows changed by refused requests%n",
                requests, serverErrors, changedByRefused);
        assertTrue(problems.isEmpty(), String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
        assertEquals(0, serverErrors, "5xx answers");
        assertEquals(0, changedByRefused, "refused requests that changed a row");
        assertTrue(requests >= 2000, "at least 2,000 hostile requests, tried " + requests);
    }

    @Test
    void aValidTokenCannotActForAnotherCountryThroughTheBody() {
        String project = projectOpenForSupport();
        as("gb-officer").contentType(ContentType.JSON).body(withField(proposal("Forged"), "submittingPartner", "US"))
                .post(url(ProcessPlatform.PROJECTS, "/projects")).then().statusCode(403);
        as("zm-officer").contentType(ContentType.JSON).body(Map.of("partner", "US"))
                .put(url(ProcessPlatform.PARTNERS, "/projects/" + project + "/endorsement")).then().statusCode(403);
        String review = reviewOf(submit(gbDraft()));
        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("reviewer", "someone-else", "reviewerCountry", "NO"))
                .post(url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/assignment")).then().statusCode(403);
        get(ProcessPlatform.PARTNERS, "/projects/" + project + "/endorsements").then().body("count", is(0));
    }

    @Test
    void markupInTextIsStoredVerbatimAndEscapedInTheAtomFeed() throws Exception {
        String title = "<script>alert('x')</script> & '; DROP TABLE proposal; --";
        String project = as("gb-officer").contentType(ContentType.JSON).body(withField(proposal("x"), "title", title))
                .post(url(ProcessPlatform.PROJECTS, "/projects")).then().statusCode(201).extract().path("id");
        submit(project);
        get(ProcessPlatform.PROJECTS, "/projects/" + project).then().body("title", equalTo(title));
        byte[] feed = await("the feed entry of " + project).atMost(WAIT).until(
                () -> given().queryParam("projectIds", project).get(url(ProcessPlatform.NOTIFICATIONS, "/feed.atom")).asByteArray(),
                xml -> new String(xml, StandardCharsets.UTF_8).contains("&lt;script&gt;"));
        List<AtomFeed.Entry> entries = AtomFeed.parse(feed); // well-formed XML: the markup was escaped
        assertFalse(entries.isEmpty());
        assertFalse(new String(feed, StandardCharsets.UTF_8).contains("<script>"), "raw markup in the feed");
    }

    @Test
    void noServiceOpensItselfToOtherOriginsOrOmitsItsSecurityHeaders() {
        for (String service : ProcessPlatform.SERVICES) {
            Response preflight = given().header("Origin", "https://elsewhere.example")
                    .header("Access-Control-Request-Method", "POST")
                    .options(url(service, "/projects"));
            assertEquals(null, preflight.header("Access-Control-Allow-Origin"), service + " allows another origin");
            Response refused = given().auth().oauth2("not-a-jwt").contentType(ContentType.JSON).body("{}")
                    .post(url(service, ProcessPlatform.NOTIFICATIONS.equals(service) ? "/subscriptions" : "/projects"));
            assertEquals(401, refused.statusCode(), service);
            assertEquals("nosniff", refused.header("X-Content-Type-Options"), service + " on a 401");
            assertEquals("DENY", refused.header("X-Frame-Options"), service + " on a 401");
        }
    }

    // --- the endpoints, each with a target it may act on

    private List<Endpoint> endpoints() throws Exception {
        String draft = gbDraft();
        String withdrawable = submit(gbDraft());
        String supported = projectOpenForSupport();
        String template = as("secretariat").contentType(ContentType.JSON).body(template("HOSTILE-" + shortId()))
                .post(url(ProcessPlatform.REVIEWS, "/checklist-templates")).then().statusCode(201).extract().path("id");
        String assignable = reviewOf(submit(gbDraft()));
        String rated = reviewOf(submit(gbDraft()));
        as("jp-reviewer").post(url(ProcessPlatform.REVIEWS, "/reviews/" + rated + "/assignment")).then().statusCode(200);
        String item = itemCodes(rated).get(0);
        String noReviewer = SharedPlatform.tokens().subjectOf("no-reviewer");
        // the consultation: one review to screen, one screened (category A: minutes here) with two comments
        String screenable = reviewOf(submit(gbDraft()));
        as("jp-reviewer").post(url(ProcessPlatform.REVIEWS, "/reviews/" + screenable + "/assignment")).then().statusCode(200);
        String consulted = reviewOf(submit(gbDraft()));
        as("jp-reviewer").post(url(ProcessPlatform.REVIEWS, "/reviews/" + consulted + "/assignment")).then().statusCode(200);
        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("riskCategory", "A", "summary", "Hostile input target"))
                .post(url(ProcessPlatform.REVIEWS, "/reviews/" + consulted + "/screening")).then().statusCode(200);
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            comments.add(as("civil-society").contentType(ContentType.JSON)
                    .body(Map.of("body", "A comment to answer and to hide", "language", "en"))
                    .post(url(ProcessPlatform.REVIEWS, "/reviews/" + consulted + "/comments"))
                    .then().statusCode(201).extract().path("id"));
        }

        // follow-through: a project cleared with a critical condition, hosted in Zambia
        Map.Entry<String, String> cleared = projectWithCriticalCondition("ZM");
        String planned = cleared.getKey();
        String condition = cleared.getValue();
        // financing (SPEC §11): a project endorsed and prioritised in a round, with a US commitment to disburse against
        String prioritised = projectOpenForSupport();
        for (String officer : List.of("us-officer", "eu-officer")) {
            as(officer).put(url(ProcessPlatform.PARTNERS, "/projects/" + prioritised + "/endorsement")).then().statusCode(201);
        }
        awaitProjectStatus(prioritised, "ENDORSED");
        as("secretariat").post(url(ProcessPlatform.PROJECTS, "/prioritisation/rounds")).then().statusCode(201);
        awaitSupportStatus(prioritised, "PRIORITISED");
        String commitment = as("us-officer").contentType(ContentType.JSON)
                .body(Map.of("instrument", "LOAN", "amount", 900_000_000, "currency", "USD", "amountUsd", 900_000_000,
                        "usdRateDate", "2026-11-30"))
                .post(url(ProcessPlatform.PARTNERS, "/projects/" + prioritised + "/commitments"))
                .then().statusCode(201).extract().path("id");

        String projects = ProcessPlatform.PROJECTS;
        String partners = ProcessPlatform.PARTNERS;
        String reviews = ProcessPlatform.REVIEWS;
        Supplier<Map<String, String>> none = Map::of;
        // the partnerships registry: one partnership with a milestone to edit, a GB project to name one for
        String partnership = createPartnership("Hostile input target");
        String milestone = addMilestone(partnership, "Hostile input milestone");
        String named = submit(gbDraft());
        awaitKnownToPartnerService(named);
        return List.of(
                new Endpoint("POST /projects", projects, "POST", () -> "/projects", "gb-officer", none,
                        json(proposal("Hostile proposal"))),
                new Endpoint("PUT /projects/{id}", projects, "PUT", () -> "/projects/" + draft, "gb-officer",
                        () -> Map.of("If-Match", getAs("gb-officer", projects, "/projects/" + draft).header("ETag")),
                        json(proposal("Hostile edit"))),
                new Endpoint("POST /projects/{id}/withdraw", projects, "POST", () -> "/projects/" + withdrawable + "/withdraw",
                        "gb-officer", none, json(Map.of("reason", "the sponsor withdrew"))),
                new Endpoint("POST /projects/{id}/documents", projects, "POST", () -> "/projects/" + withdrawable
                        + "/documents", "gb-officer", none, new String(upload(filePart("study.pdf", "application/pdf",
                        PDF), part("documentType", "feasibilityStudy"), part("title", "Feasibility study"),
                        part("language", "en")), StandardCharsets.ISO_8859_1), MULTIPART),
                new Endpoint("POST /projects/{id}/submit", projects, "POST", () -> "/projects/" + draft + "/submit",
                        "gb-officer", none, null),
                new Endpoint("POST /prioritisation/rounds", projects, "POST", () -> "/prioritisation/rounds",
                        "secretariat", none, null),
                new Endpoint("PUT /projects/{id}/host-consent", projects, "PUT", () -> "/projects/" + planned
                        + "/host-consent", "zm-officer", none, json(Map.of("consent", "OBJECTED",
                        "reason", "No agreement with the affected communities yet"))),
                new Endpoint("PUT /projects/{id}/action-plan/{code}", projects, "PUT", () -> "/projects/" + planned
                        + "/action-plan/" + condition, "gb-officer", none, json(Map.of("responsibleParty",
                        "Zambezi Metals Ltd", "dueDate", "2027-06-30"))),
                new Endpoint("POST /projects/{id}/action-plan/{code}/verification", projects, "POST",
                        () -> "/projects/" + planned + "/action-plan/" + condition + "/verification", "jp-reviewer", none,
                        json(Map.of("status", "PARTIALLY_MET", "note", "Half of the households resettled"))),
                new Endpoint("POST /partners", partners, "POST", () -> "/partners", "secretariat", none,
                        json(Map.of("code", "KE", "name", "Kenya", "kind", "PRODUCER_COUNTRY", "joinedOn", "2025-03-01"))),
                new Endpoint("POST /projects/{id}/interests", partners, "POST", () -> "/projects/" + supported + "/interests",
                        "us-officer", none, json(Map.of("instrument", "LOAN", "indicativeAmountUsd", 20_000_000,
                        "note", "subject to board approval"))),
                new Endpoint("PUT /projects/{id}/endorsement", partners, "PUT", () -> "/projects/" + supported + "/endorsement",
                        "us-officer", none, json(Map.of("partner", "US"))),
                new Endpoint("DELETE /projects/{id}/endorsement", partners, "DELETE",
                        () -> "/projects/" + supported + "/endorsement", "us-officer", none, json(Map.of("partner", "US"))),
                new Endpoint("POST /partnerships", partners, "POST", () -> "/partnerships", "secretariat", none,
                        json(partnershipBody("Hostile partnership"))),
                new Endpoint("PUT /partnerships/{id}", partners, "PUT", () -> "/partnerships/" + partnership, "secretariat",
                        () -> Map.of("If-Match", get(partners, "/partnerships/" + partnership).header("ETag")),
                        json(partnershipBody("Hostile partnership, edited"))),
                new Endpoint("POST /partnerships/{id}/milestones", partners, "POST",
                        () -> "/partnerships/" + partnership + "/milestones", "secretariat", none, json(milestoneBody())),
                new Endpoint("PUT /partnerships/{id}/milestones/{mid}", partners, "PUT",
                        () -> "/partnerships/" + partnership + "/milestones/" + milestone, "secretariat", none,
                        json(milestoneBody())),
                new Endpoint("PUT /projects/{id}/partnership", partners, "PUT", () -> "/projects/" + named + "/partnership",
                        "gb-officer", none, json(Map.of("partnershipId", "a5e0d000-0000-4000-8000-000000000002"))),
                new Endpoint("POST /projects/{id}/commitments", partners, "POST",
                        () -> "/projects/" + prioritised + "/commitments", "us-officer", none,
                        json(Map.of("instrument", "GRANT", "amount", 1_500_000, "currency", "EUR", "amountUsd", 1_620_000,
                                "usdRateDate", "2026-11-30", "agreementDocumentId", "4f0c7a52-9a31-4f39-8a7e-2b0f5d6c1e11"))),
                new Endpoint("POST /projects/{id}/commitments/{cid}/disbursements", partners, "POST",
                        () -> "/projects/" + prioritised + "/commitments/" + commitment + "/disbursements", "us-officer",
                        none, json(Map.of("amount", 1000, "currency", "USD", "amountUsd", 1000, "disbursedOn", "2026-12-01",
                        "conditions", List.of()))),
                new Endpoint("POST /checklist-templates", reviews, "POST", () -> "/checklist-templates", "secretariat", none,
                        json(template("HOSTILE-NEW"))),
                new Endpoint("PUT /checklist-templates/{id}", reviews, "PUT", () -> "/checklist-templates/" + template,
                        "secretariat", none, json(template("HOSTILE-EDIT"))),
                new Endpoint("POST /reviews/{id}/assignment", reviews, "POST", () -> "/reviews/" + assignable + "/assignment",
                        "secretariat", none, json(Map.of("reviewer", noReviewer, "reviewerCountry", "NO"))),
                new Endpoint("PUT /reviews/{id}/items/{code}", reviews, "PUT", () -> "/reviews/" + rated + "/items/" + item,
                        "jp-reviewer", none, json(Map.of("rating", "PARTIAL", "evidence", "ESIA draft",
                        "comment", "publish the final ESIA"))),
                new Endpoint("POST /reviews/{id}/complete", reviews, "POST", () -> "/reviews/" + rated + "/complete",
                        "jp-reviewer", none, json(Map.of("riskCategory", "B"))),
                new Endpoint("POST /reviews/{id}/screening", reviews, "POST", () -> "/reviews/" + screenable + "/screening",
                        "jp-reviewer", none, json(Map.of("riskCategory", "A", "summary", "Lithium brine, water use"))),
                new Endpoint("POST /reviews/{id}/comments", reviews, "POST", () -> "/reviews/" + consulted + "/comments",
                        "civil-society", none, json(Map.of("body", "Who monitors the aquifer?", "language", "pt-BR",
                        "itemCodes", List.of("IFC-PS3-WATER"), "onBehalfOf", "Comunidade do Vale"))),
                new Endpoint("PUT /reviews/{id}/comments/{cid}/response", reviews, "PUT",
                        () -> "/reviews/" + consulted + "/comments/" + comments.get(0) + "/response", "jp-reviewer", none,
                        json(Map.of("disposition", "PARTIALLY_ACCEPTED", "response", "Monitoring becomes a condition"))),
                new Endpoint("PUT /reviews/{id}/comments/{cid}/moderation", reviews, "PUT",
                        () -> "/reviews/" + consulted + "/comments/" + comments.get(1) + "/moderation", "secretariat", none,
                        json(Map.of("reason", "Names a private person"))),
                new Endpoint("POST /subscriptions", ProcessPlatform.NOTIFICATIONS, "POST", () -> "/subscriptions", null, none,
                        json(Map.of("channel", "WEBHOOK", "target", "http://127.0.0.1:9/hostile",
                                "filter", Map.of("countries", List.of("ZM"), "minerals", List.of("COBALT"))))));
    }

    // --- the bodies

    /** Fixed hostile shapes, one variant per field and kind of damage, then seeded random mutations. */
    static List<byte[]> corpus(String valid, long seed) throws Exception {
        List<String> bodies = new ArrayList<>(List.of("", " ", "null", "[]", "42", "\"text\"", "{", "}", "{}",
                "{\"a\":", valid.substring(0, valid.length() / 2), valid + "}", valid.replaceFirst("\\{", "{\"unexpected\": 1, "),
                valid.replaceFirst("\\{", "{\"__proto__\": {\"admin\": true}, "),
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                valid.replaceFirst("\\{", "{\"padding\": \"" + "x".repeat(70_000) + "\", ")));
        JsonNode parsed = JSON.readTree(valid);
        if (parsed instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                JsonNode value = object.get(field);
                List<Object> replacements = new ArrayList<>(List.of("", 123, List.of(), Map.of(), true));
                replacements.add(null);
                if (value.isTextual()) {
                    replacements.addAll(List.of("<script>alert(1)</script>", "'; DROP TABLE proposal; --",
                            "\u0000", "\u202e\ud83d\ude00", "x".repeat(6000)));
                }
                if (value.isNumber()) {
                    replacements.addAll(List.of(0, -1, 0.001, 2147483648L, "1e309", "-0", "NaN", "9".repeat(400)));
                }
                for (Object replacement : replacements) {
                    ObjectNode copy = object.deepCopy();
                    if (replacement instanceof String text && (text.equals("1e309") || text.equals("-0")
                            || text.equals("NaN") || text.startsWith("999"))) {
                        bodies.add(JSON.writeValueAsString(copy.put(field, 0)).replace("\"" + field + "\":0",
                                "\"" + field + "\":" + text));
                    } else {
                        copy.set(field, JSON.valueToTree(replacement));
                        bodies.add(JSON.writeValueAsString(copy));
                    }
                }
                ObjectNode without = object.deepCopy();
                without.remove(field);
                bodies.add(JSON.writeValueAsString(without));
            }
        }
        bodies.addAll(BodyMutations.of(valid, seed, MUTATIONS_PER_ENDPOINT));
        List<byte[]> bytes = new ArrayList<>(bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList());
        byte[] invalidUtf8 = valid.getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length / 2] = (byte) 0xFF; // not UTF-8 anywhere
        bytes.add(invalidUtf8);
        return bytes;
    }

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** Damaged uploads: each field missing or wrong in every way, files that are not documents, broken multipart. */
    static List<Map.Entry<String, byte[]>> uploadCorpus() throws Exception {
        byte[] executable = new byte[1024];
        executable[0] = 'M';
        executable[1] = 'Z';
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write(new byte[5_000_000]);
        }
        byte[] file = filePart("study.pdf", "application/pdf", PDF);
        byte[] type = part("documentType", "feasibilityStudy");
        byte[] title = part("title", "Feasibility study");
        byte[] language = part("language", "en");
        List<byte[]> bodies = new ArrayList<>(List.of(upload(), upload(type, title, language),
                upload(filePart("empty.pdf", "application/pdf", new byte[0]), type, title, language),
                upload(filePart("study.pdf", "application/pdf", executable), type, title, language),
                upload(filePart("study.pdf", "application/pdf", "<html><script>alert(1)</script></html>".getBytes()), type, title, language),
                upload(filePart("study.docx", "application/octet-stream", zipped.toByteArray()), type, title, language),
                upload(filePart("study.pdf\u0000.exe", "application/pdf", PDF), type, title, language),
                upload(file, file, type, title, language)));
        Map<String, List<String>> damage = Map.of(
                "documentType", List.of("", "prospectus", "FEASIBILITYSTUDY", "feasibilityStudy\u0000", "x".repeat(6000)),
                "title", List.of("", " ", "\u0000", "x".repeat(301), "x".repeat(5000)),
                "language", List.of("", "english!", "\u0000", "en-" + "x".repeat(6000)),
                "supersedes", List.of("not-a-uuid", java.util.UUID.randomUUID().toString(), "\u0000", "1".repeat(6000)));
        Map<String, byte[]> valid = Map.of("documentType", type, "title", title, "language", language);
        for (Map.Entry<String, List<String>> field : damage.entrySet()) {
            List<byte[]> others = valid.entrySet().stream().filter(e -> !e.getKey().equals(field.getKey()))
                    .map(Map.Entry::getValue).toList();
            List<byte[]> without = new ArrayList<>(others);
            without.add(0, file);
            if (valid.containsKey(field.getKey())) {
                bodies.add(upload(without.toArray(byte[][]::new)));
            }
            for (String value : field.getValue()) {
                List<byte[]> parts = new ArrayList<>(without);
                parts.add(part(field.getKey(), value));
                bodies.add(upload(parts.toArray(byte[][]::new)));
            }
        }
        List<Map.Entry<String, byte[]>> corpus = new ArrayList<>(bodies.stream().map(b -> Map.entry(MULTIPART, b)).toList());
        byte[] whole = upload(file, type, title, language);
        corpus.add(Map.entry(MULTIPART, java.util.Arrays.copyOf(whole, whole.length / 2)));
        corpus.add(Map.entry("multipart/form-data", whole));
        corpus.add(Map.entry("multipart/form-data; boundary=another-boundary", whole));
        corpus.add(Map.entry(MULTIPART, "{\"title\": \"json\"}".getBytes(StandardCharsets.UTF_8)));
        corpus.add(Map.entry("application/json", "{\"title\": \"json\"}".getBytes(StandardCharsets.UTF_8)));
        corpus.add(Map.entry("text/plain", PDF));
        return corpus;
    }

    private static byte[] part(String name, String value) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filePart(String fileName, String contentType, byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] upload(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    // --- tokens that must not get in

    private Map<String, String> badTokens() throws Exception {
        String valid = SharedPlatform.tokens().of("gb-officer");
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);

        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.generateKeyPair().getPrivate());
        String unsigned = parts[0] + "." + parts[1];
        rs256.update(unsigned.getBytes(StandardCharsets.US_ASCII));

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("garbage", "not-a-jwt");
        bad.put("unsigned (alg none)", b64.encodeToString(header.replaceFirst("\"alg\"\\s*:\\s*\"[^\"]+\"", "\"alg\":\"none\"")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".");
        bad.put("signed by another key", unsigned + "." + b64.encodeToString(rs256.sign()));
        bad.put("tampered country", parts[0] + "." + b64.encodeToString(payload.replace("\"GB\"", "\"US\"")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        bad.put("another realm (wrong issuer)", keycloakToken("master", "admin-cli", "admin", "admin"));
        bad.put("another audience", keycloakToken("msp", "admin-cli", "gb-officer", "gb-officer-pw"));
        bad.put("expired", expiredToken());
        return bad;
    }

    /** A real token of the msp realm that has expired: from a client whose tokens live one second. */
    private String expiredToken() throws Exception {
        String admin = keycloakToken("master", "admin-cli", "admin", "admin");
        String client = "msp-hostile-short-lived";
        String definition = json(Map.of("clientId", client, "publicClient", true, "directAccessGrantsEnabled", true,
                "attributes", Map.of("access.token.lifespan", "1"),
                "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.client.audience", "msp-backend", "access.token.claim", "true")))));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloakBase() + "/admin/realms/msp/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(definition)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(created.statusCode() == 201 || created.statusCode() == 409, "short-lived client: " + created.body());
        String token = keycloakToken("msp", client, "gb-officer", "gb-officer-pw");
        long expiresAt = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("exp").asLong();
        await("the token to expire").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> System.currentTimeMillis() / 1000 > expiresAt + 2);
        return token;
    }

    private static String keycloakToken(String realm, String client, String user, String password) throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + user + "&password=" + password;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloakBase() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "token from realm " + realm + " for " + user + ": " + response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static String keycloakBase() {
        String realm = SharedPlatform.get().realmUrl();
        return realm.substring(0, realm.indexOf("/realms/"));
    }

    // --- sending and checking

    private static String tokens(String user) {
        return SharedPlatform.tokens().of(user);
    }

    /** Sends one request; a 5xx, a refusal that is not problem+json, or a refusal that wrote something is noted. */
    private Response send(Endpoint endpoint, String token, byte[] body) throws SQLException {
        return send(endpoint, token, endpoint.contentType(), body);
    }

    private Response send(Endpoint endpoint, String token, String contentType, byte[] body) throws SQLException {
        String before = fingerprint(endpoint.service());
        RequestSpecification request = given().contentType(contentType).body(body);
        if (token != null && !token.isEmpty()) {
            request.auth().oauth2(token);
        }
        endpoint.headers().get().forEach(request::header);
        Response response = request.request(endpoint.method(), url(endpoint.service(), endpoint.path().get()));
        requests++;
        int status = response.statusCode();
        String shown = abbreviate(new String(body, StandardCharsets.UTF_8));
        if (status >= 500) {
            serverErrors++;
            problems.add(endpoint.label() + " answered " + status + " to " + shown);
        } else if (status >= 400) {
            if (status != 413 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                problems.add(endpoint.label() + " refused with " + status + " but not as problem+json: " + shown);
            }
            if (!before.equals(fingerprint(endpoint.service()))) {
                changedByRefused++;
                problems.add(endpoint.label() + " refused with " + status + " but changed a row: " + shown);
            }
        }
        return response;
    }

    /** A digest of every row of the service's own tables. */
    private String fingerprint(String service) throws SQLException {
        StringBuilder digest = new StringBuilder();
        try (Statement statement = databases.get(service).createStatement()) {
            for (String table : OWN_TABLES.get(service)) {
                try (ResultSet rows = statement.executeQuery("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                        + " FROM " + table + " t")) {
                    rows.next();
                    digest.append(rows.getString(1));
                }
            }
        }
        return digest.toString();
    }

    private static byte[] validBytes(Endpoint endpoint) {
        if (!endpoint.takesBody()) {
            return new byte[0];
        }
        return endpoint.validBody().getBytes(endpoint.isUpload() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> withField(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static String url(String service, String path) {
        return SharedPlatform.url(service, path);
    }

    private static String abbreviate(String body) {
        return body.length() > 100 ? body.substring(0, 100) + "…(" + body.length() + " chars)" : body;
    }
}
