package org.msp.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.msp.infra.ProcessPlatform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.e2e.Journeys.*;

/**
 * The document story of SPEC §9 on the real platform: a feasibility study declared but not published
 * counts for nothing in the score; once the partner publishes it, a client that recomputes the SHA-256
 * of what it downloads finds the hash the history and the event recorded, notification-service tells
 * its readers, and the transparency component says which document backs the declaration.
 */
class DocumentsEndToEndTest {

    @Test
    void aPublishedStudyIsVerifiableByAnyoneAndMovesTheTransparencyComponent() throws Exception {
        String project = projectOpenForSupport();
        for (String officer : List.of("us-officer", "jp-officer")) {
            as(officer).put(SharedPlatform.url(ProcessPlatform.PARTNERS, "/projects/" + project + "/endorsement"))
                    .then().statusCode(201);
        }
        awaitProjectStatus(project, "ENDORSED");
        Map<String, Object> before = transparency(project);
        assertEquals(0.0, ((Number) before.get("value")).doubleValue(), "declared, but nothing backs it: " + before);
        assertTrue(before.get("explanation").toString().startsWith("feasibility study: declared, no document"),
                before.toString());

        // 3 MB: several chunks in the service, a realistic study
        byte[] study = new byte[3_000_017];
        new Random(7).nextBytes(study);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, study, 0, head.length);
        String documentId = as("gb-officer").multiPart("file", "bankable-feasibility-study.pdf", study, "application/pdf")
                .multiPart("documentType", "feasibilityStudy").multiPart("title", "Bankable feasibility study")
                .multiPart("language", "en")
                .post(SharedPlatform.url(ProcessPlatform.PROJECTS, "/projects/" + project + "/documents"))
                .then().statusCode(201).extract().path("id");

        // a client that trusts nothing but its own SHA-256
        Response content = get(ProcessPlatform.PROJECTS, "/documents/" + documentId + "/content");
        content.then().statusCode(200);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.asByteArray());
        String computed = HexFormat.of().formatHex(digest);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(study)), computed);
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":", content.header("Repr-Digest"));
        get(ProcessPlatform.PROJECTS, "/documents/" + documentId).then().body("sha256", equalTo(computed));
        get(ProcessPlatform.PROJECTS, "/documents/" + documentId + "/verify").then().body("intact", equalTo(true));
        List<String> reasons = get(ProcessPlatform.PROJECTS, "/projects/" + project + "/history").jsonPath().getList("reason");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("sha256 " + computed)), reasons.toString());

        await("the timeline announces the document").atMost(WAIT).until(() -> given()
                .queryParam("projectIds", project).queryParam("eventTypes", "org.msp.project.document-published.v1")
                .get(SharedPlatform.url(ProcessPlatform.NOTIFICATIONS, "/timeline")).jsonPath().getList("summary"),
                summaries -> summaries.stream().anyMatch(s -> s.toString().contains("document published — feasibility study")
                        && s.toString().contains(computed.substring(0, 12))));

        Map<String, Object> after = transparency(project);
        assertEquals(0.3333, ((Number) after.get("value")).doubleValue(), 1e-4, after.toString());
        assertTrue(after.get("explanation").toString().startsWith("feasibility study: document \u201cBankable feasibility study\u201d (sha256 "
                + computed.substring(0, 12)), after.toString());
    }

    /** The project's transparency component in the current ranking (ENDORSED projects are ranked). */
    private static Map<String, Object> transparency(String project) {
        List<Map<String, Object>> ranking = get(ProcessPlatform.PROJECTS, "/prioritisation").jsonPath().getList("ranking");
        Map<String, Object> ranked = ranking.stream().filter(r -> project.equals(r.get("projectId"))).findFirst()
                .orElseThrow(() -> new AssertionError(project + " is not in the ranking " + ranking));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> breakdown = (List<Map<String, Object>>) ranked.get("breakdown");
        return breakdown.stream().filter(c -> "transparency".equals(c.get("name"))).findFirst().orElseThrow();
    }
}
