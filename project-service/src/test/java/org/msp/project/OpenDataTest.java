package org.msp.project;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.events.esg.ReviewOutcome;
import org.msp.events.partner.Instrument;
import org.msp.events.project.HostConsent;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.platform.inbox.Inbox;
import org.msp.project.service.ProposalService;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The open-data exports as a re-user reads them (SPEC §10): the OC4IDS package validates against the
 * official 0.9 schemas, holds every public project and no draft, names its licence, and answers an
 * unchanged platform with 304.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenDataTest {
    static final String SCHEMAS = "https://standard.open-contracting.org/infrastructure/schema/0__9__4/";
    static final String LICENCE = "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"";

    @Inject
    ProposalService proposals;
    @Inject
    Inbox inbox;

    /** The official OC4IDS schemas, read from the test resources under the ids they reference each other by. */
    static Schema oc4idsPackageSchema() throws IOException {
        Map<String, String> schemas = Map.of(
                SCHEMAS + "project-package-schema.json", resource("oc4ids/project-package-schema.json"),
                SCHEMAS + "project-schema.json", resource("oc4ids/project-schema.json"));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemas(schemas));
        return registry.getSchema(SchemaLocation.of(SCHEMAS + "project-package-schema.json"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = OpenDataTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void sendAndAwait(EventData data) {
        CloudEvent<?> event = CloudEvent.of(data);
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.outcomeOf(event.source(), event.id()) != null);
    }

    /** A GB project in Zambia cleared with the sample condition (its action plan), and {@code partner}'s interest. */
    UUID clearedWithInterest(String title, String partner, Instrument instrument) {
        ProposalService.Actor gb = new ProposalService.Actor("gb-officer", "test");
        UUID cleared = proposals.create(Fixtures.draft(title), "GB", gb).id();
        proposals.submit(cleared, gb);
        Facts facts = Facts.of(cleared, "ZM", "GB", Mineral.COPPER, Mineral.COBALT);
        UUID review = UUID.randomUUID();
        sendAndAwait(EventSamples.reviewOpened(facts, review));
        sendAndAwait(EventSamples.reviewCompleted(facts, review, ReviewOutcome.CLEARED_WITH_CONDITIONS,
                new BigDecimal("77.25")));
        sendAndAwait(EventSamples.interest(facts, partner, instrument, new BigDecimal("15000000.00")));
        return cleared;
    }

    @Test
    void theOc4idsPackageValidatesAgainstTheOfficialSchemaAndHoldsEveryPublicProject() throws Exception {
        ProposalService.Actor gb = new ProposalService.Actor("gb-officer", "test");
        // a project with a review, its conditions as the action plan, interest, the host's word
        UUID cleared = clearedWithInterest("Open data: Ndola refinery", "US", Instrument.LOAN);
        proposals.recordHostConsent(cleared, HostConsent.OBJECTED, "Not before the resettlement", gb);
        UUID commitment = UUID.randomUUID();
        Facts facts = Facts.of(cleared, "ZM", "GB", Mineral.COPPER, Mineral.COBALT);
        sendAndAwait(EventSamples.commitment(facts, commitment, "KR", new BigDecimal("12500000.00")));
        UUID draft = proposals.create(Fixtures.draft("Open data: a private draft"), "GB", gb).id();

        Response response = given().when().get("/api/v1/open-data/oc4ids.json");
        response.then().statusCode(200).header("Link", equalTo(LICENCE));
        String body = response.asString();
        List<com.networknt.schema.Error> errors = oc4idsPackageSchema().validate(body, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList());

        JsonPath pkg = JsonPath.from(body);
        assertEquals("0.9", pkg.getString("version"));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", pkg.getString("license"));
        long publicProjects = given().when().get("/api/v1/projects?size=1").then().extract().jsonPath().getLong("total");
        assertEquals(publicProjects, pkg.getList("projects").size(), "every public project, as the API counts them");
        List<String> ids = pkg.getList("projects.collect { it.identifiers[0].id }");
        assertTrue(ids.contains(cleared.toString()));
        assertTrue(!ids.contains(draft.toString()), "a draft is private");

        String p = "projects.find { it.identifiers[0].id == '" + cleared + "' }";
        assertEquals("oc4ids-msp000-" + cleared, pkg.getString(p + ".id"));
        assertEquals("identification", pkg.getString(p + ".status"));
        assertEquals(List.of("publicAuthority"), pkg.getList(p + ".parties.find { it.id == 'GOV-ZM' }.roles"));
        assertEquals(List.of("funder"), pkg.getList(p + ".parties.find { it.id == 'MSP-US' }.roles"));
        assertEquals(EventSamples.SAMPLE_CONDITION, pkg.getString(p + ".milestones[0].code"));
        assertEquals("scheduled", pkg.getString(p + ".milestones[0].status"));
        assertEquals("CLEARED_WITH_CONDITIONS", pkg.getString(p + ".msp.esgReview.outcome"));
        assertEquals("OBJECTED", pkg.getString(p + ".msp.hostConsent.consent"));
        assertEquals("Not before the resettlement", pkg.getString(p + ".msp.hostConsent.reason"));
        // the partner's commitment is the project's finance, in the agreement's currency
        assertEquals(1, pkg.getList(p + ".budget.finance").size());
        assertEquals(commitment.toString(), pkg.getString(p + ".budget.finance[0].id"));
        assertEquals("loan", pkg.getString(p + ".budget.finance[0].type"));
        assertEquals("MSP-KR", pkg.getString(p + ".budget.finance[0].financingParty.id"));
        assertEquals(12500000.00, pkg.getDouble(p + ".budget.finance[0].value.amount"));
        assertEquals(List.of("funder"), pkg.getList(p + ".parties.find { it.id == 'MSP-KR' }.roles"));
        assertTrue(given().when().get("/api/v1/open-data/commitments.csv").asString()
                .contains(commitment + "," + cleared + ",KR,LOAN,12500000.00,USD,12500000.00,2026-11-30,,"));

        // one project alone, also a valid package
        Response one = given().when().get("/api/v1/open-data/oc4ids/{id}.json", cleared);
        one.then().statusCode(200).header("Link", equalTo(LICENCE));
        assertEquals(List.of(), oc4idsPackageSchema().validate(one.asString(), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList());
        given().when().get("/api/v1/open-data/oc4ids/{id}.json", draft).then().statusCode(404);
    }

    @Test
    void theIatiActivitiesValidateAgainstTheOfficialXsdAndHoldEveryPublicProject() throws Exception {
        UUID cleared = clearedWithInterest("Open data: Kabwe recycling", "JP", Instrument.GRANT);

        Response response = given().when().get("/api/v1/open-data/iati-activities.xml");
        response.then().statusCode(200).header("Link", equalTo(LICENCE));
        byte[] xml = response.asByteArray();
        javax.xml.validation.Validator validator = javax.xml.validation.SchemaFactory
                .newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(OpenDataTest.class.getClassLoader().getResource("iati/iati-activities-schema.xsd"))
                .newValidator();
        validator.validate(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(xml)));

        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
        var activities = document.getElementsByTagName("iati-activity");
        long publicProjects = given().when().get("/api/v1/projects?size=1").then().extract().jsonPath().getLong("total");
        assertEquals(publicProjects, activities.getLength(), "every public project, as the API counts them");
        org.w3c.dom.Element activity = null;
        for (int i = 0; i < activities.getLength(); i++) {
            var candidate = (org.w3c.dom.Element) activities.item(i);
            if (candidate.getElementsByTagName("iati-identifier").item(0).getTextContent().endsWith(cleared.toString())) {
                activity = candidate;
            }
        }
        assertTrue(activity != null, "the project is an activity");
        assertEquals("XI-IATI-MSP-DEMO-" + cleared, activity.getElementsByTagName("iati-identifier").item(0).getTextContent());
        assertEquals("ZM", ((org.w3c.dom.Element) activity.getElementsByTagName("recipient-country").item(0)).getAttribute("code"));
        assertEquals("32170", ((org.w3c.dom.Element) activity.getElementsByTagName("sector").item(0)).getAttribute("code"),
                "recycling counts as non-ferrous metal industries");
        assertEquals("1", ((org.w3c.dom.Element) activity.getElementsByTagName("conditions").item(0)).getAttribute("attached"));
        assertTrue(((org.w3c.dom.Element) activity.getElementsByTagName("condition").item(0)).getTextContent()
                .startsWith(EventSamples.SAMPLE_CONDITION));
        assertEquals("en", activity.getAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "lang"));
    }

    @Test
    void everyCsvKeepsItsPublishedColumnsAndTheDataPackageHashesWhatADownloadGives() throws Exception {
        UUID cleared = clearedWithInterest("Open data: Kitwe smelter", "EU", Instrument.EQUITY);
        for (String line : resource("opendata/csv-headers.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = line.substring(0, line.indexOf(':'));
            String header = line.substring(line.indexOf(':') + 1).strip();
            Response csv = given().when().get("/api/v1/open-data/{name}.csv", name);
            csv.then().statusCode(200).header("Link", equalTo(LICENCE)).contentType(startsWith("text/csv"));
            assertEquals(header, csv.asString().lines().findFirst().orElse(""), name + ".csv columns");
        }
        String projectsCsv = given().when().get("/api/v1/open-data/projects.csv").asString();
        long publicProjects = given().when().get("/api/v1/projects?size=1").then().extract().jsonPath().getLong("total");
        org.apache.commons.csv.CSVParser parsed = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .get().parse(new java.io.StringReader(projectsCsv));
        List<org.apache.commons.csv.CSVRecord> rows = parsed.getRecords();
        assertEquals(publicProjects, rows.size(), "one row per public project");
        assertTrue(rows.stream().anyMatch(r -> r.get("project_id").equals(cleared.toString())
                && r.get("esg_outcome").equals("CLEARED_WITH_CONDITIONS") && r.get("minerals").equals("COPPER;COBALT")));
        assertTrue(given().when().get("/api/v1/open-data/conditions.csv").asString()
                .contains(cleared + "," + EventSamples.SAMPLE_CONDITION + ","));
        given().when().get("/api/v1/open-data/nothing.csv").then().statusCode(404);

        JsonPath pkg = given().when().get("/api/v1/open-data/datapackage.json").then().statusCode(200)
                .header("Link", equalTo(LICENCE)).extract().jsonPath();
        assertEquals("CC-BY-4.0", pkg.getString("licenses[0].name"));
        List<Map<String, Object>> resources = pkg.getList("resources");
        assertEquals(11, resources.size(), "nine CSV files, the OC4IDS package and the IATI file");
        for (Map<String, Object> resource : resources) {
            String path = (String) resource.get("path");
            byte[] bytes = given().when().get(path.substring(path.indexOf("/api/v1"))).asByteArray();
            assertEquals(((Number) resource.get("bytes")).longValue(), bytes.length, path + " size");
            assertEquals(resource.get("hash"), "sha256:" + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes)), path + " hash");
        }
        assertEquals(List.of("project_id", "oc4ids_id"), pkg.getList(
                "resources.find { it.name == 'projects' }.schema.fields.name").subList(0, 2));
    }

    @Test
    void anUnchangedPlatformIsA304AndAChangeIsANewVersion() {
        ProposalService.Actor gb = new ProposalService.Actor("gb-officer", "test");
        UUID id = proposals.create(Fixtures.draft("Open data: ETag"), "GB", gb).id();
        proposals.submit(id, gb);
        String etag = given().when().get("/api/v1/open-data/oc4ids.json").then().statusCode(200)
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/open-data/oc4ids.json").then().statusCode(304)
                .header("Link", equalTo(LICENCE));
        // another service's event changes what the exports show without a history entry: a new version too
        sendAndAwait(EventSamples.interest(Facts.of(id, "ZM", "GB", Mineral.COPPER, Mineral.COBALT), "KR",
                Instrument.EQUITY, new BigDecimal("3000000.00")));
        String afterInterest = given().header("If-None-Match", etag).when().get("/api/v1/open-data/oc4ids.json")
                .then().statusCode(200).extract().header("ETag");
        proposals.withdraw(id, gb, "no longer pursued");
        given().header("If-None-Match", afterInterest).when().get("/api/v1/open-data/oc4ids.json").then().statusCode(200)
                .body("projects.find { it.identifiers[0].id == '" + id + "' }.status", equalTo("cancelled"));
        // compressed for a client that asks
        given().header("Accept-Encoding", "gzip").when().get("/api/v1/open-data/oc4ids.json").then()
                .header("Content-Encoding", equalTo("gzip"));
        given().when().get("/api/v1/open-data/publication-policy").then().statusCode(200)
                .body(startsWith("Publication policy"));
    }

    @Test
    void theDailyArchiveHoldsEveryFileAndItsManifestHashesEqualThemAndItNeverChanges() throws Exception {
        UUID cleared = clearedWithInterest("Open data: Solwezi archive", "AU", Instrument.GRANT);
        JsonPath listing = given().when().get("/api/v1/open-data/bulk").then().statusCode(200)
                .header("Link", equalTo(LICENCE)).extract().jsonPath();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertEquals(today, listing.getString("archives[0].day"), "today's archive is made when first asked for");
        Response download = given().when().get("/api/v1/open-data/bulk/{day}.zip", today);
        download.then().statusCode(200).contentType("application/zip").header("Link", equalTo(LICENCE))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        byte[] zip = download.asByteArray();
        assertEquals(listing.getLong("archives[0].bytes"), zip.length);
        assertEquals(listing.getString("archives[0].sha256"), sha256(zip));

        Map<String, byte[]> entries = unzip(zip);
        JsonPath manifest = JsonPath.from(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        List<Map<String, Object>> files = manifest.getList("files");
        assertEquals(entries.keySet().stream().filter(name -> !name.equals("manifest.json")).sorted().toList(),
                files.stream().map(f -> (String) f.get("path")).sorted().toList(), "the manifest names every file");
        for (Map<String, Object> file : files) {
            byte[] bytes = entries.get((String) file.get("path"));
            assertEquals(((Number) file.get("bytes")).longValue(), bytes.length, file.get("path") + " size");
            assertEquals(file.get("sha256"), sha256(bytes), file.get("path") + " hash");
        }
        assertTrue(entries.containsKey("oc4ids.json") && entries.containsKey("iati-activities.xml")
                && entries.containsKey("commitments.csv"));
        JsonPath inner = JsonPath.from(new String(entries.get("datapackage.json"), StandardCharsets.UTF_8));
        assertEquals("projects.csv", inner.getString("resources.find { it.name == 'projects' }.path"),
                "the archive's data package points inside the zip");
        long publicProjects = given().when().get("/api/v1/projects?size=1").then().extract().jsonPath().getLong("total");
        assertEquals(publicProjects, manifest.getLong("publicProjects"));
        String projectsCsv = new String(entries.get("projects.csv"), StandardCharsets.UTF_8);
        assertEquals(publicProjects, projectsCsv.lines().count() - 1, "one row per public project");
        assertTrue(projectsCsv.contains(cleared.toString()));

        // a change later in the day leaves the day's archive as it was: it can be cited by its hash
        ProposalService.Actor gb = new ProposalService.Actor("gb-officer", "test");
        UUID later = proposals.create(Fixtures.draft("Open data: after the archive"), "GB", gb).id();
        proposals.submit(later, gb);
        byte[] again = given().when().get("/api/v1/open-data/bulk/{day}.zip", today).asByteArray();
        assertEquals(sha256(zip), sha256(again));
        given().header("If-None-Match", download.header("ETag")).when().get("/api/v1/open-data/bulk/{day}.zip", today)
                .then().statusCode(304);
        assertEquals(manifest.getString("day"), given().when().get("/api/v1/open-data/bulk/{day}/manifest.json", today)
                .then().statusCode(200).extract().jsonPath().getString("day"));

        given().when().get("/api/v1/open-data/bulk/{day}.zip", "2020-01-01").then().statusCode(404);
        given().when().get("/api/v1/open-data/bulk/{day}.zip", "yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("day"));
        // the live files compress for a client that asks
        given().header("Accept-Encoding", "gzip").when().get("/api/v1/open-data/projects.csv").then()
                .header("Content-Encoding", equalTo("gzip"));
        given().header("Accept-Encoding", "gzip").when().get("/api/v1/open-data/iati-activities.xml").then()
                .header("Content-Encoding", equalTo("gzip"));
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
