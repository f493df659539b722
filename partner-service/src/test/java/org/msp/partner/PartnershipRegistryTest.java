package org.msp.partner;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The partnerships registry as a user meets it: the seeded partnerships with exactly their sources'
 * facts, the scorecard, the secretariat's writes (and everyone else refused), bad input refused naming
 * the field, and a history chain that verifies and catches tampering.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class PartnershipRegistryTest {
    static final String MSP = "a5e0d000-0000-4000-8000-000000000001";
    static final String UK_US = "a5e0d000-0000-4000-8000-000000000002";
    static final String US_EU = "a5e0d000-0000-4000-8000-000000000003";
    static final String UK_INDIA = "a5e0d000-0000-4000-8000-000000000004";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theMspIsSeededWithItsPartnersAndItsAnnouncementAndNothingTheSourceDoesNotSay() {
        given().when().get("/api/v1/partnerships/{id}", MSP).then().statusCode(200)
                .body("name", equalTo("Minerals Security Partnership"))
                .body("kind", equalTo("MULTILATERAL_PARTNERSHIP"))
                .body("parties.code", contains("AU", "CA", "FI", "FR", "JP", "KR", "NO", "SE", "GB", "US", "EU"))
                .body("parties.inRegistry", everyItem(equalTo(true)))
                .body("parties.registryKind", everyItem(equalTo("MSP_PARTNER")))
                .body("announced", equalTo("2022-06"))
                .body("year", equalTo(2022))
                .body("signedOn", nullValue())
                .body("signingPlace", nullValue())
                .body("source.reference", equalTo("seeds/002_a44bfd808c694c67.txt"))
                .body("source.url", nullValue())
                .body("source.publishedOn", nullValue())
                .body("disclosureLevel", equalTo("ANNOUNCEMENT_ONLY"))
                .body("disclosureBasis", containsString("June 2022"))
                .body("milestones", emptyIterable())
                .body("history.action", contains("SEEDED"))
                .body("history[0].actor", equalTo("seed"))
                .body("chain.intact", equalTo(true));
    }

    @Test
    void theUkUsMemorandumHasItsPlaceAndSourceDateButNoInventedSigningDate() {
        given().when().get("/api/v1/partnerships/{id}", UK_US).then().statusCode(200)
                .body("kind", equalTo("MEMORANDUM_OF_UNDERSTANDING"))
                .body("parties.code", contains("GB", "US"))
                .body("signedOn", nullValue())
                .body("announced", nullValue())
                .body("year", nullValue())
                .body("signingPlace", equalTo("Washington DC"))
                .body("source.reference", equalTo("seeds/000_62ae63fa03ffe8e6.txt"))
                .body("source.publishedOn", equalTo("2026-02-05"))
                .body("disclosureLevel", nullValue())
                .body("milestones.status", contains("PLANNED"))
                .body("milestones[0].dueOn", nullValue())
                .body("chain.intact", equalTo(true));
        given().when().get("/api/v1/partnerships/{id}", US_EU).then().statusCode(200)
                .body("name", equalTo("US–EU Critical Minerals dialogue"))
                .body("kind", equalTo("DIALOGUE"))
                .body("parties.code", contains("US", "EU"))
                .body("announced", equalTo("2020-10"))
                .body("signedOn", nullValue())
                .body("source.reference", equalTo("seeds/001_c9faea0ecc85b0fe.txt"))
                .body("disclosureLevel", nullValue());
    }

    @Test
    void indiaIsAPartyOutsideTheRegistryAndSaidToBe() {
        given().when().get("/api/v1/partnerships/{id}", UK_INDIA).then().statusCode(200)
                .body("name", equalTo("UK–India Technology Security Initiative"))
                .body("kind", equalTo("INITIATIVE"))
                .body("parties.code", contains("GB", "IN"))
                .body("parties.inRegistry", contains(true, false))
                .body("parties[1].name", equalTo("India"))
                .body("parties[1].registryKind", nullValue())
                .body("signedOn", nullValue())
                .body("announced", nullValue())
                .body("source.reference", equalTo("seeds/003_1e4d6479074e6eb5.txt"))
                .body("disclosureLevel", nullValue());
    }

    @Test
    void theListFiltersByKindAndParty() {
        given().when().get("/api/v1/partnerships").then().statusCode(200)
                .body("id", hasItem(MSP)).body("id", hasItem(UK_INDIA));
        given().when().get("/api/v1/partnerships?kind=DIALOGUE").then().statusCode(200)
                .body("id", hasItem(US_EU)).body("kind", everyItem(equalTo("DIALOGUE")));
        given().when().get("/api/v1/partnerships?party=IN").then().statusCode(200)
                .body("id", hasItem(UK_INDIA)).body("id", not(hasItem(MSP)));
        given().when().get("/api/v1/partnerships?kind=TREATY").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("kind"));
        given().when().get("/api/v1/partnerships?party=XX").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("party"));
        given().when().get("/api/v1/partnerships/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/partnerships/not-an-id").then().statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    @Test
    void theScorecardCountsTheSeedsByYearAndLevel() {
        Response scorecard = given().when().get("/api/v1/partnerships/scorecard");
        scorecard.then().statusCode(200)
                .body("levels", contains("ANNOUNCEMENT_ONLY", "TEXT_PUBLISHED", "ROADMAP_PUBLISHED",
                        "IMPLEMENTATION_REPORTS_PUBLISHED", "NOT_ASSESSED"))
                .body("years.find { it.year == '2022' }.counts.ANNOUNCEMENT_ONLY", equalTo(1))
                .body("years.find { it.year == '2020' }.counts.NOT_ASSESSED", equalTo(1))
                .body("years.find { it.year == 'not stated' }.counts.NOT_ASSESSED", equalTo(2))
                .body("years.find { it.year == 'not stated' }.total", equalTo(2))
                .body("years[-1].year", equalTo("not stated"))
                .body("partnerships.find { it.id == '" + UK_US + "' }.milestones", equalTo(1))
                .body("partnerships.find { it.id == '" + UK_US + "' }.shareMetOnTime", nullValue());
    }

    @Test
    @TestSecurity(user = "secretariat-1", roles = "secretariat")
    void milestonesMetOnTimeGiveTheShareAndOverdueOnesAreFlagged() {
        String id = create(partnership("Scorecard test partnership", "1999-05-01", "TEXT_PUBLISHED"));
        addMilestone(id, Map.of("title", "On time", "dueOn", "2000-01-01", "status", "MET", "metOn", "1999-12-01"));
        addMilestone(id, Map.of("title", "Late", "dueOn", "2000-01-01", "status", "MET", "metOn", "2000-02-01"));
        addMilestone(id, Map.of("title", "Overdue", "dueOn", "2001-01-01", "status", "IN_PROGRESS"));
        addMilestone(id, Map.of("title", "Undated", "status", "PLANNED"));

        given().when().get("/api/v1/partnerships/{id}", id).then().statusCode(200)
                .body("milestones.title", contains("On time", "Late", "Overdue", "Undated"))
                .body("milestones.metOnTime", contains(true, false, false, false))
                .body("milestones.overdue", contains(false, false, true, false))
                .body("history.action", contains("CREATED", "MILESTONE_ADDED", "MILESTONE_ADDED", "MILESTONE_ADDED",
                        "MILESTONE_ADDED"))
                .body("chain.intact", equalTo(true));
        given().when().get("/api/v1/partnerships/scorecard").then().statusCode(200)
                .body("years.find { it.year == '1999' }.counts.TEXT_PUBLISHED", equalTo(1))
                .body("partnerships.find { it.id == '" + id + "' }.counted", equalTo(3))
                .body("partnerships.find { it.id == '" + id + "' }.metOnTime", equalTo(1))
                .body("partnerships.find { it.id == '" + id + "' }.overdue", equalTo(1))
                .body("partnerships.find { it.id == '" + id + "' }.shareMetOnTime", equalTo(0.333f));

        // the overdue one is met at last: late, so the share stays, and it is no longer overdue
        String overdue = given().get("/api/v1/partnerships/{id}", id).path("milestones[2].id");
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Overdue", "dueOn", "2001-01-01", "status", "MET", "metOn", "2001-03-01",
                        "evidenceUrl", "https://example.org/report.pdf"))
                .when().put("/api/v1/partnerships/{id}/milestones/{mid}", id, overdue).then().statusCode(200)
                .body("milestones[2].overdue", equalTo(false))
                .body("milestones[2].evidenceUrl", equalTo("https://example.org/report.pdf"))
                .body("history.action[-1]", equalTo("MILESTONE_UPDATED"));
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "status", "PLANNED"))
                .when().put("/api/v1/partnerships/{id}/milestones/{mid}", id, UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "secretariat-1", roles = "secretariat")
    void theSecretariatEditsWithTheVersionItReadOnly() {
        Response created = given().contentType(ContentType.JSON)
                .body(partnership("Edit test partnership", "1998-03-01", null))
                .when().post("/api/v1/partnerships");
        created.then().statusCode(201).header("Location", containsString("/api/v1/partnerships/"))
                .header("ETag", equalTo("\"1\"")).body("history.action", contains("CREATED"))
                .body("history[0].actor", equalTo("secretariat-1"));
        String id = created.path("id");
        Map<String, Object> edited = partnership("Edit test partnership, renamed", "1998-03-01", "ROADMAP_PUBLISHED");

        given().contentType(ContentType.JSON).body(edited).when().put("/api/v1/partnerships/{id}", id)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(edited).header("If-Match", "\"7\"")
                .when().put("/api/v1/partnerships/{id}", id).then().statusCode(412);
        given().get("/api/v1/partnerships/{id}", id).then().body("name", equalTo("Edit test partnership"));

        given().contentType(ContentType.JSON).body(edited).header("If-Match", "\"1\"")
                .when().put("/api/v1/partnerships/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("name", equalTo("Edit test partnership, renamed"))
                .body("disclosureLevel", equalTo("ROADMAP_PUBLISHED"))
                .body("history.action", contains("CREATED", "EDITED"))
                .body("chain.intact", equalTo(true));
        // the editor who read version 1 is now stale
        given().contentType(ContentType.JSON).body(edited).header("If-Match", "\"1\"")
                .when().put("/api/v1/partnerships/{id}", id).then().statusCode(412);
    }

    @Test
    @TestSecurity(user = "secretariat-1", roles = "secretariat")
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        int before = given().get("/api/v1/partnerships").path("size()");
        refused(with(partnership("Bad", "1997-01-01", null), "parties", List.of("GB", "XX")), "parties[1]");
        refused(with(partnership("Bad", "1997-01-01", null), "parties", List.of("GB", "GB")), "parties");
        refused(with(partnership("Bad", "1997-01-01", null), "parties", List.of()), "parties");
        refused(with(partnership("Bad", "1997-01-01", null), "name", " "), "name");
        refused(with(partnership("Bad", "1997-01-01", null), "kind", "TREATY"), "kind");
        refused(with(partnership("Bad", "1997-01-01", null), "announced", "2022-13"), "announced");
        refused(with(partnership("Bad", "1997-01-01", null), "announced", "June 2022"), "announced");
        refused(with(partnership("Bad", "3000-01-01", null), "signedOn", "3000-01-01"), "signedOn");
        refused(with(partnership("Bad", "1997-01-01", null), "source", null), "source");
        refused(with(partnership("Bad", "1997-01-01", null), "source", Map.of("reference", "x", "url", "javascript:alert(1)")),
                "source.url");
        refused(with(partnership("Bad", "1997-01-01", null), "name", "x".repeat(301)), "name");
        given().get("/api/v1/partnerships").then().body("size()", equalTo(before));

        String id = UK_US;
        int version = Integer.parseInt(given().get("/api/v1/partnerships/{id}", id).header("ETag").replace("\"", ""));
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "status", "PLANNED", "metOn", "2020-01-01"))
                .when().post("/api/v1/partnerships/{id}/milestones", id).then().statusCode(400)
                .body("errors.field", hasItem("metOn"));
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "status", "DONE"))
                .when().post("/api/v1/partnerships/{id}/milestones", id).then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "status", "PLANNED", "dueOn", "+99999-01-01"))
                .when().post("/api/v1/partnerships/{id}/milestones", id).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "status", "PLANNED"))
                .when().post("/api/v1/partnerships/{id}/milestones", UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/partnerships/{id}", id).then().header("ETag", equalTo("\"" + version + "\""));
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aPartnerOfficerCannotWriteTheRegistry() {
        given().contentType(ContentType.JSON).body(partnership("Officer's own", "1996-01-01", null))
                .when().post("/api/v1/partnerships").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "status", "PLANNED"))
                .when().post("/api/v1/partnerships/{id}/milestones", UK_US).then().statusCode(403);
        given().contentType(ContentType.JSON).body(partnership("Renamed", "1996-01-01", null)).header("If-Match", "\"1\"")
                .when().put("/api/v1/partnerships/{id}", UK_US).then().statusCode(403);
        given().get("/api/v1/partnerships/{id}", UK_US).then().body("name", not(equalTo("Renamed")));
    }

    @Test
    @TestSecurity(user = "watcher", roles = "civil-society")
    void civilSocietyReadsButCannotWrite() {
        given().contentType(ContentType.JSON).body(partnership("Watcher's own", "1996-01-01", null))
                .when().post("/api/v1/partnerships").then().statusCode(403);
        given().get("/api/v1/partnerships/{id}", MSP).then().statusCode(200);
    }

    @Test
    void writingWithoutATokenIsUnauthorised() {
        given().contentType(ContentType.JSON).body(partnership("Anonymous", "1996-01-01", null))
                .when().post("/api/v1/partnerships").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "status", "PLANNED"))
                .when().put("/api/v1/partnerships/{id}/milestones/{mid}", UK_US, UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "secretariat-1", roles = "secretariat")
    void theChainDetectsAChangedRecordAChangedEntryAndDeletedEntries() throws SQLException {
        String changedRecord = create(partnership("Tamper test: record", "1995-01-01", null));
        sql("UPDATE partnership SET name = 'Quietly renamed' WHERE id = ?", changedRecord);
        given().get("/api/v1/partnerships/{id}", changedRecord).then()
                .body("chain.intact", equalTo(false)).body("chain.brokenAtSeq", equalTo(1))
                .body("chain.problem", containsString("changed without being recorded"));

        String changedEntry = create(partnership("Tamper test: entry", "1994-01-01", null));
        addMilestone(changedEntry, Map.of("title", "A", "status", "PLANNED"));
        addMilestone(changedEntry, Map.of("title", "B", "status", "PLANNED"));
        sql("UPDATE partnership_history SET actor = 'someone-else' WHERE partnership_id = ? AND seq = 2", changedEntry);
        given().get("/api/v1/partnerships/{id}", changedEntry).then()
                .body("chain.intact", equalTo(false)).body("chain.brokenAtSeq", equalTo(2))
                .body("chain.problem", containsString("does not match its hash"));

        String truncated = create(partnership("Tamper test: truncated", "1993-01-01", null));
        addMilestone(truncated, Map.of("title", "A", "status", "PLANNED"));
        sql("DELETE FROM partnership_history WHERE partnership_id = ? AND seq = 2", truncated);
        given().get("/api/v1/partnerships/{id}", truncated).then()
                .body("chain.intact", equalTo(false))
                .body("chain.problem", containsString("entries were deleted"));
    }

    // --- helpers

    static Map<String, Object> partnership(String name, String signedOn, String level) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "MEMORANDUM_OF_UNDERSTANDING");
        body.put("parties", List.of("GB", "ZM"));
        body.put("signedOn", signedOn);
        body.put("source", Map.of("reference", "test fixture", "url", "https://example.org/mou"));
        body.put("objectives", "Test objectives");
        body.put("disclosureLevel", level);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static void refused(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/partnerships")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/partnerships")
                .then().statusCode(201).extract().path("id");
    }

    static void addMilestone(String partnership, Map<String, Object> milestone) {
        given().contentType(ContentType.JSON).body(milestone)
                .when().post("/api/v1/partnerships/{id}/milestones", partnership).then().statusCode(201);
    }

    private void sql(String statement, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, UUID.fromString(id));
            update.executeUpdate();
        }
    }
}
