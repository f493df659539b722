package org.msp.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.platform.inbox.Inbox;
import org.msp.project.service.ProposalService;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents as a partner publishes them and anyone reads them (SPEC §9): the bytes come back exactly,
 * with the SHA-256 the history recorded; what is not a document of an allowed type stores nothing.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class DocumentsTest {
    @Inject
    ProposalService proposals;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Inbox inbox;

    /** A small but real PDF (header, one object, trailer), padded to {@code size} bytes. */
    static byte[] pdf(int size) {
        byte[] head = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[Math.max(size, head.length + tail.length)];
        new Random(size).nextBytes(bytes);
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, bytes.length - tail.length, tail.length);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    String submittedProject(String title) {
        ProposalService.Actor actor = new ProposalService.Actor("gb-officer", "test");
        UUID id = proposals.create(Fixtures.draft(title), "GB", actor).id();
        proposals.submit(id, actor);
        return id.toString();
    }

    Response upload(String projectId, String fileName, byte[] bytes, String type) {
        return given().multiPart("file", fileName, bytes, "application/pdf")
                .multiPart("documentType", type).multiPart("title", "Bankable feasibility study")
                .multiPart("language", "en")
                .when().post("/api/v1/projects/{id}/documents", projectId);
    }

    long rows(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aPublishedStudyComesBackByteForByteWithTheHashTheHistoryRecorded() throws Exception {
        String project = submittedProject("Kolwezi cobalt hydroxide refinery");
        // larger than one chunk, not a multiple of it
        byte[] study = pdf(1_300_017);
        String hash = sha256(study);

        String documentId = upload(project, "study.pdf", study, "feasibilityStudy").then().statusCode(201)
                .header("Location", containsString("/api/v1/documents/"))
                .body("sha256", equalTo(hash)).body("sizeBytes", equalTo(study.length))
                .body("mediaType", equalTo("application/pdf")).body("documentType", equalTo("feasibilityStudy"))
                .extract().path("id");

        Response content = given().when().get("/api/v1/documents/{id}/content", documentId);
        content.then().statusCode(200).contentType("application/pdf")
                .header("ETag", equalTo("\"" + hash + "\""))
                .header("Repr-Digest", equalTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hash)) + ":"))
                .header("Accept-Ranges", "bytes");
        assertArrayEquals(study, content.asByteArray());

        // a part across a chunk boundary, the tail, and a range past the end
        byte[] part = given().header("Range", "bytes=524000-524999").when()
                .get("/api/v1/documents/{id}/content", documentId).then().statusCode(206)
                .header("Content-Range", "bytes 524000-524999/" + study.length).extract().asByteArray();
        assertArrayEquals(java.util.Arrays.copyOfRange(study, 524000, 525000), part);
        byte[] tail = given().header("Range", "bytes=-17").when().get("/api/v1/documents/{id}/content", documentId)
                .then().statusCode(206).extract().asByteArray();
        assertArrayEquals(java.util.Arrays.copyOfRange(study, study.length - 17, study.length), tail);
        given().header("Range", "bytes=" + study.length + "-").when().get("/api/v1/documents/{id}/content", documentId)
                .then().statusCode(416).header("Content-Range", "bytes */" + study.length);
        given().header("If-None-Match", "\"" + hash + "\"").when().get("/api/v1/documents/{id}/content", documentId)
                .then().statusCode(304);

        given().when().get("/api/v1/documents/{id}/verify", documentId).then().statusCode(200)
                .body("intact", equalTo(true)).body("computedSha256", equalTo(hash));
        given().when().get("/api/v1/projects/{id}/documents", project).then().statusCode(200)
                .body("id", hasItem(documentId));
        // the history names the hash, and the chain that now includes it is intact
        given().when().get("/api/v1/projects/{id}/history", project).then()
                .body("reason", hasItem(containsString("sha256 " + hash)));
        given().when().get("/api/v1/projects/{id}/history/verify", project).then().body("intact", equalTo(true));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil("msp.projects", read -> read.stream()
                .anyMatch(r -> project.equals(r.key()) && r.value().contains("document-published")), Duration.ofSeconds(30));
        JsonNode event = new ObjectMapper().readTree(records.stream().filter(r -> project.equals(r.key())
                && r.value().contains("document-published")).findFirst().orElseThrow().value());
        assertEquals(hash, event.at("/data/sha256").asText());
        assertEquals(documentId, event.at("/data/documentId").asText());
        String head = given().when().get("/api/v1/projects/{id}/history/verify", project).then().extract().path("headHash");
        assertEquals(head, event.at("/data/historyHead").asText(), "the event witnesses the chain's new head");

        // someone changes a stored byte: verify says so
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE document_chunk SET bytes = overlay(bytes placing '\\x00'::bytea from 100 for 1) "
                    + "WHERE document_id = '" + documentId + "' AND seq = 1");
        }
        given().when().get("/api/v1/documents/{id}/verify", documentId).then().statusCode(200)
                .body("intact", equalTo(false)).body("recordedSha256", equalTo(hash));
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void whatIsNotAnAllowedDocumentIsRefusedNamingFileAndStoresNothing() throws Exception {
        String project = submittedProject("Copperbelt tailings");
        long documents = rows("project_document");
        long chunks = rows("document_chunk");

        byte[] executable = new byte[4096];
        executable[0] = 'M';
        executable[1] = 'Z';
        System.arraycopy("This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII), 0, executable, 78, 38);
        refusedNamingFile(upload(project, "study.pdf", executable, "feasibilityStudy"), 400);
        refusedNamingFile(upload(project, "empty.pdf", new byte[0], "feasibilityStudy"), 400);
        refusedNamingFile(upload(project, "bomb.docx", zipBomb(), "feasibilityStudy"), 400);
        refusedNamingFile(upload(project, "plain.docx", zip("notes.txt", "hello".getBytes()), "feasibilityStudy"), 400);
        refusedNamingFile(upload(project, "big.pdf", pdf(26 * 1024 * 1024), "feasibilityStudy"), 413);
        upload(project, "study.pdf", pdf(2000), "prospectus").then().statusCode(400)
                .body("errors.field", hasItem("documentType"));
        given().multiPart("file", "study.pdf", pdf(2000), "application/pdf").multiPart("documentType", "feasibilityStudy")
                .multiPart("title", "Study").multiPart("language", "english!")
                .when().post("/api/v1/projects/{id}/documents", project).then().statusCode(400)
                .body("errors.field", hasItem("language"));
        given().multiPart("file", "study.pdf", pdf(2000), "application/pdf").multiPart("documentType", "feasibilityStudy")
                .multiPart("title", "Study").multiPart("language", "en").multiPart("supersedes", UUID.randomUUID().toString())
                .when().post("/api/v1/projects/{id}/documents", project).then().statusCode(400)
                .body("errors.field", hasItem("supersedes"));

        assertEquals(documents, rows("project_document"), "no document row from a refused upload");
        assertEquals(chunks, rows("document_chunk"), "no bytes from a refused upload");

        // a CSV and a GeoJSON are welcome, whatever Content-Type the browser guessed
        upload(project, "sites.csv", "site,lat,lon\nKolwezi,-10.7,25.4\n".getBytes(), "projectScope").then()
                .statusCode(201).body("mediaType", equalTo("text/csv"));
        upload(project, "sites.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}".getBytes(), "projectScope")
                .then().statusCode(201).body("mediaType", equalTo("application/geo+json"));
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aNewVersionSupersedesTheOldOnceAndDraftsTakeNoDocuments() {
        String project = submittedProject("Kabwe zinc-lead recycling");
        String first = upload(project, "v1.pdf", pdf(3000), "environmentalImpact").then().statusCode(201)
                .extract().path("id");
        String second = given().multiPart("file", "v2.pdf", pdf(3100), "application/pdf")
                .multiPart("documentType", "environmentalImpact").multiPart("title", "ESIA, revised")
                .multiPart("language", "fr").multiPart("supersedes", first)
                .when().post("/api/v1/projects/{id}/documents", project).then().statusCode(201)
                .body("supersedes", equalTo(first)).extract().path("id");
        given().when().get("/api/v1/documents/{id}", first).then().body("supersededBy", equalTo(second));
        given().multiPart("file", "v2b.pdf", pdf(3200), "application/pdf")
                .multiPart("documentType", "environmentalImpact").multiPart("title", "ESIA, other revision")
                .multiPart("language", "fr").multiPart("supersedes", first)
                .when().post("/api/v1/projects/{id}/documents", project).then().statusCode(409);

        String draft = proposals.create(Fixtures.draft("Private draft"), "GB",
                new ProposalService.Actor("gb-officer", "test")).id().toString();
        upload(draft, "v1.pdf", pdf(3000), "feasibilityStudy").then().statusCode(409)
                .body("detail", containsString("draft"));
    }

    @Test
    @TestSecurity(user = "us-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "US"))
    void onlyTheSubmittingPartnerPublishesTheProjectsDocuments() {
        String project = submittedProject("Someone else's project");
        upload(project, "study.pdf", pdf(2000), "feasibilityStudy").then().statusCode(403);
        given().when().get("/api/v1/projects/{id}/documents", project).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aClosedConsultationIsRecordedInTheHistory() {
        String project = submittedProject("Consulted project");
        CloudEvent<?> closed = CloudEvent.of(EventSamples.consultationClosed(LifecycleEventsTest.facts(project),
                UUID.randomUUID(), OffsetDateTime.now(), 2));
        KafkaTestClient.send(closed.topic().address(), closed.subject(), EventSamples.json(closed));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.outcomeOf(closed.source(), closed.id()) != null);
        given().when().get("/api/v1/projects/{id}/history", project).then()
                .body("reason", hasItem(startsWith("public consultation closed with 2 comments")));
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aBrokenMultipartBodyIsABadRequestNotAServerError() throws Exception {
        String project = submittedProject("Broken uploads");
        long documents = rows("project_document");
        String whole = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"study.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + new String(pdf(600), StandardCharsets.ISO_8859_1)
                + "\r\n--b1\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nfeasibilityStudy"
                + "\r\n--b1\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nStudy"
                + "\r\n--b1\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n--b1--\r\n";
        byte[] bytes = whole.getBytes(StandardCharsets.ISO_8859_1);
        for (var broken : List.of(
                java.util.Map.entry("multipart/form-data; boundary=b1", java.util.Arrays.copyOf(bytes, bytes.length / 2)),
                java.util.Map.entry("multipart/form-data", bytes),
                java.util.Map.entry("multipart/form-data; boundary=another", bytes),
                java.util.Map.entry("multipart/form-data; boundary=b1", "{\"title\": \"json\"}".getBytes()))) {
            int status = given().contentType(broken.getKey()).body(broken.getValue())
                    .when().post("/api/v1/projects/{id}/documents", project).then()
                    .contentType("application/problem+json").extract().statusCode();
            assertEquals(400, status, broken.getKey() + " " + broken.getValue().length + " bytes");
        }
        assertEquals(documents, rows("project_document"));
    }

    private static void refusedNamingFile(Response response, int status) {
        response.then().statusCode(status).contentType("application/problem+json").body("errors.field", hasItem("file"));
    }

    /** A .docx-named package of one entry that inflates 10 MB of zeros per kilobyte stored. */
    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 600; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] zip(String entry, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
        }
        return out.toByteArray();
    }
}
