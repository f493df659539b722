package org.msp.esg;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.msp.esg.domain.EvidenceDocument;
import org.msp.esg.domain.ItemRating;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.domain.RiskCategory;
import org.msp.esg.service.ReviewService;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.project.DocumentType;
import org.msp.infra.testing.PlatformTestResource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * review-items.csv and its datapackage.json as a re-user reads them (SPEC §10): the published columns,
 * exactly the items the API shows of completed reviews (and no draft rating), their values as the API
 * gives them, the licence, 304 for an unchanged platform, a hash that holds for the download, and gzip.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenDataTest {
    static final String LICENCE = "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"";
    static final String CSV = "/api/v1/open-data/review-items.csv";
    static final String PACKAGE = "/api/v1/open-data/datapackage.json";
    /** Text that needs RFC 4180 quoting (comma, quote, line break) and UTF-8 beyond ASCII. */
    static final String AWKWARD = "Resettlement plan, \"draft 2\" — 340 households\nin Chingola; ñandú, Ōsaka, 北京";
    private static final Reviewer FI = new Reviewer("fi-reviewer", "FI");
    private static final String SHA = "5e".repeat(32);

    @Inject
    ReviewService reviews;

    @TestHTTPResource(CSV)
    URL csvUrl;

    /** A review of a project hosted by MN, completed by the FI reviewer with one shortfall and cited evidence. */
    private String completedReview(UUID documentId) {
        Facts project = TestReviews.facts("MN", "KR");
        String reviewId = TestReviews.open(reviews, project);
        UUID id = UUID.fromString(reviewId);
        reviews.assign(id, FI, "secretariat-user");
        reviews.learnDocument(EventSamples.documentPublished(project, documentId, DocumentType.environmentalImpact, SHA));
        TestReviews.rateAll(reviews, reviewId, FI, Map.of());
        reviews.rate(id, "IFC-PS5-RESETTLEMENT", ItemRating.PARTIAL, AWKWARD,
                List.of("https://example.org/rap.pdf", "https://example.org/census;v=2"),
                List.of(new EvidenceDocument(documentId, SHA)), "Livelihood restoration, \"not yet\" budgeted", FI);
        reviews.complete(id, RiskCategory.B, FI);
        return reviewId;
    }

    /** A review assigned to the FI reviewer with one draft rating, not completed. */
    private String reviewWithADraftRating() {
        String reviewId = TestReviews.open(reviews, "MN", "KR");
        reviews.assign(UUID.fromString(reviewId), FI, "secretariat-user");
        reviews.rate(UUID.fromString(reviewId), "IFC-PS3-WATER", ItemRating.DOES_NOT_MEET, "draft", List.of(),
                "draft finding", FI);
        return reviewId;
    }

    static List<CSVRecord> rows(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader().get())) {
            return parser.getRecords();
        }
    }

    @Test
    void theCsvKeepsItsPublishedColumnsAndTheDataPackageDescribesThem() throws IOException {
        String golden = null;
        for (String line : resource("opendata/csv-headers.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertEquals("review-items", line.substring(0, line.indexOf(':')));
                golden = line.substring(line.indexOf(':') + 1).strip();
            }
        }
        Response csv = given().when().get(CSV);
        csv.then().statusCode(200).header("Link", equalTo(LICENCE)).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"review-items.csv\""));
        assertEquals(golden, csv.asString().lines().findFirst().orElse(""), "review-items.csv columns");

        JsonPath pkg = given().when().get(PACKAGE).then().statusCode(200).header("Link", equalTo(LICENCE))
                .extract().jsonPath();
        assertEquals(List.of(golden.split(",")), pkg.getList("resources[0].schema.fields.name"));
        assertEquals("CC-BY-4.0", pkg.getString("licenses[0].name"));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", pkg.getString("licenses[0].path"));
        assertEquals("tabular-data-resource", pkg.getString("resources[0].profile"));
        assertEquals("http://localhost:8083" + CSV, pkg.getString("resources[0].path"));
        assertEquals(List.of("review_id", "item_code"), pkg.getList("resources[0].schema.primaryKey"));
        assertEquals("number", pkg.getString("resources[0].schema.fields.find { it.name == 'review_score' }.type"));
        assertEquals(List.of("MEETS", "PARTIAL", "DOES_NOT_MEET", "NOT_APPLICABLE"),
                pkg.getList("resources[0].schema.fields.find { it.name == 'rating' }.constraints.enum"));
    }

    @Test
    void aCompletedReviewsItemsAreRowsWithTheValuesTheApiShowsAndDraftRatingsAreNot() throws IOException {
        UUID documentId = UUID.randomUUID();
        String reviewId = completedReview(documentId);
        String draft = reviewWithADraftRating();

        List<CSVRecord> rows = rows(given().when().get(CSV).then().statusCode(200).extract().asString()).stream()
                .filter(r -> r.get("review_id").equals(reviewId)).toList();
        JsonPath review = given().when().get("/api/v1/reviews/{id}", reviewId).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = review.getList("items");
        assertEquals(TestReviews.SEEDED_ITEMS, items.size());
        assertEquals(items.size(), rows.size(), "one row per item");
        for (int n = 0; n < rows.size(); n++) {
            CSVRecord row = rows.get(n);
            Map<String, Object> item = items.get(n);
            assertEquals(review.getString("projectId"), row.get("project_id"));
            assertEquals(review.getString("templateId"), row.get("template_id"));
            assertEquals(review.getString("templateVersion"), row.get("template_version"));
            assertEquals("FI", row.get("reviewer_country"));
            assertEquals("B", row.get("risk_category"));
            assertEquals("CLEARED_WITH_CONDITIONS", row.get("review_outcome"));
            assertEquals(0, new BigDecimal(review.getString("score")).compareTo(new BigDecimal(row.get("review_score"))));
            assertEquals(instant(review.getString("completedAt")), row.get("completed_at"));
            assertEquals(String.valueOf(n + 1), row.get("position"), "checklist order");
            assertEquals(item.get("code"), row.get("item_code"));
            assertEquals(item.get("title"), row.get("item_title"));
            assertEquals(item.get("framework"), row.get("framework"));
            assertEquals(String.valueOf(item.get("weight")), row.get("weight"));
            assertEquals(String.valueOf(item.get("critical")), row.get("critical"));
            assertEquals(item.get("rating"), row.get("rating"));
            assertEquals(item.get("evidence"), row.get("evidence"));
            assertEquals(item.get("comment") == null ? "" : item.get("comment"), row.get("comment"));
            assertEquals(instant((String) item.get("ratedAt")), row.get("rated_at"));
        }
        CSVRecord resettlement = rows.stream().filter(r -> r.get("item_code").equals("IFC-PS5-RESETTLEMENT"))
                .findFirst().orElseThrow();
        assertEquals("PARTIAL", resettlement.get("rating"));
        assertEquals(AWKWARD, resettlement.get("evidence"), "quoting and UTF-8 survive the round trip");
        assertEquals("Livelihood restoration, \"not yet\" budgeted", resettlement.get("comment"));
        assertEquals("https://example.org/rap.pdf https://example.org/census;v=2", resettlement.get("evidence_urls"));
        assertEquals(documentId.toString(), resettlement.get("evidence_document_ids"));
        assertEquals("true", rows.stream().filter(r -> r.get("item_code").equals("IFC-PS2-CHILD-LABOUR"))
                .findFirst().orElseThrow().get("critical"));

        String csv = given().when().get(CSV).asString();
        assertTrue(!csv.contains(draft) && !csv.contains("draft finding"), "an open review's draft ratings stay private");
        assertTrue(!csv.contains("fi-reviewer"), "the reviewer is named by country, not by account");
    }

    @Test
    void everyRowIsAnItemTheApiShowsOfACompletedReview() throws IOException {
        completedReview(UUID.randomUUID());
        reviewWithADraftRating();
        Set<String> expected = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonPath completed = given().queryParam("status", "COMPLETED").queryParam("size", 100)
                    .queryParam("page", page).when().get("/api/v1/reviews").then().statusCode(200).extract().jsonPath();
            for (String id : completed.<String>getList("items.id")) {
                List<String> codes = given().when().get("/api/v1/reviews/{id}", id).then().statusCode(200)
                        .extract().path("items.code");
                codes.forEach(code -> expected.add(id + " " + code));
            }
            if ((page + 1) * 100L >= completed.getLong("total")) {
                break;
            }
        }
        List<String> published = new ArrayList<>();
        rows(given().when().get(CSV).asString()).forEach(r -> published.add(r.get("review_id") + " " + r.get("item_code")));
        assertEquals(expected.size(), published.size(), "as many rows as the API shows items of completed reviews");
        assertEquals(expected, new HashSet<>(published), "the same items");
    }

    @Test
    void anUnchangedPlatformIsA304AndACompletionIsANewVersion() {
        completedReview(UUID.randomUUID());
        for (String path : List.of(CSV, PACKAGE)) {
            String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304)
                    .header("Link", equalTo(LICENCE)).header("ETag", equalTo(etag));
            // an open review and its draft ratings change nothing the export shows
            reviewWithADraftRating();
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304);
            completedReview(UUID.randomUUID());
            String after = given().header("If-None-Match", etag).when().get(path).then().statusCode(200)
                    .header("Link", equalTo(LICENCE)).extract().header("ETag");
            assertNotEquals(etag, after, path);
        }
    }

    @Test
    void theDataPackageHashesExactlyTheBytesTheDownloadGives() throws Exception {
        completedReview(UUID.randomUUID());
        JsonPath pkg = given().when().get(PACKAGE).then().statusCode(200).extract().jsonPath();
        byte[] bytes = given().when().get(CSV).then().statusCode(200).extract().asByteArray();
        assertEquals(pkg.getLong("resources[0].bytes"), bytes.length, "size");
        assertEquals(pkg.getString("resources[0].hash"), "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(bytes)), "hash");
        // measured once per version: a second read is the same description
        assertEquals(pkg.getString("resources[0].hash"), given().when().get(PACKAGE).jsonPath()
                .getString("resources[0].hash"));
    }

    @Test
    void theCsvIsGzippedForAClientThatAsksAndTheSameBytesUnzipped() throws Exception {
        completedReview(UUID.randomUUID());
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(csvUrl.toURI()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(csvUrl.toURI())
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "identity unless asked");
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertArrayEquals(plain.body(), unzipped);
        assertTrue(gzipped.body().length < plain.body().length, "smaller on the wire");
        HttpResponse<byte[]> pkg = client.send(HttpRequest.newBuilder(URI.create(csvUrl.toString()
                .replace("review-items.csv", "datapackage.json"))).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", pkg.headers().firstValue("Content-Encoding").orElse(""));
    }

    private static String instant(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant().toString();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = OpenDataTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
