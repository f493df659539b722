package org.msp.partner;

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
import org.msp.events.Mineral;
import org.msp.events.partner.CommitmentRecorded;
import org.msp.events.partner.DisbursementRecorded;
import org.msp.events.project.ActionItemStatus;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.partner.domain.Commitment;
import org.msp.partner.domain.Instrument;
import org.msp.partner.service.FinancingService;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.msp.events.EventSamples.SAMPLE_CONDITION;
import static org.msp.events.project.ProjectStatus.FINANCED;
import static org.msp.events.project.ProjectStatus.PRIORITISED;
import static org.msp.partner.ProjectFeed.T0;

/** Financing commitments and disbursements (SPEC §11), against the real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class FinancingTest {
    static final String LOAN = """
            {"instrument": "LOAN", "amount": 18000000, "currency": "EUR", "amountUsd": 19500000.50,
             "usdRateDate": "2026-11-30", "agreementDocumentId": "4f0c7a52-9a31-4f39-8a7e-2b0f5d6c1e11"}""";

    @Inject
    FinancingService financing;

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aCommitmentIsTakenOnlyOnceTheProjectIsPrioritisedAndIsPublished() {
        UUID project = ProjectFeed.openProject();
        commit(project, LOAN).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("PRIORITISED"));
        given().get("/api/v1/projects/{id}/commitments", project).then().statusCode(200).body("commitments", empty());

        ProjectFeed.prioritised(project, T0.plusHours(5));
        ProjectFeed.awaitStatus(project, "PRIORITISED");
        Response created = commit(project, LOAN);
        created.then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/projects/" + project + "/commitments/" + created.path("id")))
                .body("partner", equalTo("GB")).body("instrument", equalTo("LOAN"))
                .body("amount", equalTo(18000000.00f)).body("currency", equalTo("EUR"));
        String commitment = created.path("id");
        given().get(created.header("Location")).then().statusCode(200).body("id", equalTo(commitment));

        CommitmentRecorded event = SupportEventsOnTopic.first(project, CommitmentRecorded.class);
        assertEquals(UUID.fromString(commitment), event.commitmentId());
        assertEquals("GB", event.partner());
        assertEquals(org.msp.events.partner.Instrument.LOAN, event.instrument());
        assertEquals(new BigDecimal("18000000.00"), event.amount());
        assertEquals("EUR", event.currency());
        assertEquals(new BigDecimal("19500000.50"), event.amountUsd());
        assertEquals(LocalDate.parse("2026-11-30"), event.usdRateDate());
        assertEquals(UUID.fromString("4f0c7a52-9a31-4f39-8a7e-2b0f5d6c1e11"), event.agreementDocumentId());
        assertEquals("gb-officer", event.actor());
        assertEquals(ProjectFeed.TITLE, event.title());
        assertEquals(List.of(Mineral.COBALT, Mineral.COPPER), event.minerals());

        // the first commitment finances the project (project-service says so); a FINANCED project takes more
        ProjectFeed.statusChanged(project, PRIORITISED, FINANCED, T0.plusHours(6));
        ProjectFeed.awaitStatus(project, "FINANCED");
        commit(project, """
                {"instrument": "GUARANTEE", "amount": 5000000, "currency": "USD", "amountUsd": 5000000,
                 "usdRateDate": "2026-12-01"}""").then().statusCode(201);

        given().get("/api/v1/projects/{id}/commitments", project).then().statusCode(200)
                .body("status", equalTo("FINANCED"))
                .body("commitments", hasSize(2))
                .body("partners.partner", contains("GB"))
                .body("partners[0].committedUsd", equalTo(24500000.50f))
                .body("partners[0].disbursedUsd", equalTo(0.0f))
                .body("totalCommittedUsd", equalTo(24500000.50f));
        given().get("/api/v1/projects/{id}/support-history", project).then()
                .body("action", contains("COMMITMENT_RECORDED", "COMMITMENT_RECORDED"))
                .body("[0].commitmentId", equalTo(commitment))
                .body("[0].currency", equalTo("EUR"));
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aDisbursementTiedToAnUnmetCriticalConditionNeedsAPublicOverrideReason() {
        Committed committed = committedUnder(ActionItemStatus.SCHEDULED);
        UUID project = committed.project();
        String commitment = committed.commitment();

        String tranche = """
                {"amount": 4000000, "currency": "EUR", "amountUsd": 4330000, "disbursedOn": "2026-12-01",
                 "conditions": ["%s"]%s}""";
        disburse(project, commitment, tranche.formatted(SAMPLE_CONDITION, "")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(SAMPLE_CONDITION))
                .body("errors.field", contains("conditions", "overrideReason"));
        disburse(project, commitment, tranche.formatted(SAMPLE_CONDITION, ", \"overrideReason\": \"  \""))
                .then().statusCode(409);
        given().get("/api/v1/projects/{id}/commitments", project).then()
                .body("commitments[0].disbursements", empty());

        String reason = "The resettlement plan is drafted; paying the first tranche keeps the site safe";
        disburse(project, commitment, tranche.formatted(SAMPLE_CONDITION, ", \"overrideReason\": \"" + reason + "\""))
                .then().statusCode(201)
                .body("conditions", contains(SAMPLE_CONDITION))
                .body("overriddenConditions", contains(SAMPLE_CONDITION))
                .body("overrideReason", equalTo(reason));

        given().get("/api/v1/projects/{id}/commitments", project).then()
                .body("commitments[0].disbursements[0].overrideReason", equalTo(reason))
                .body("commitments[0].disbursedAmount", equalTo(4000000.00f))
                .body("commitments[0].remainingAmount", equalTo(14000000.00f))
                .body("partners[0].disbursedUsd", equalTo(4330000.00f))
                .body("conditions[0].holdsDisbursements", equalTo(true));
        given().get("/api/v1/projects/{id}/support-history", project).then()
                .body("action", contains("COMMITMENT_RECORDED", "DISBURSEMENT_OVERRIDE"))
                .body("[1].overriddenConditions", contains(SAMPLE_CONDITION))
                .body("[1].overrideReason", equalTo(reason));

        DisbursementRecorded event = SupportEventsOnTopic.first(project, DisbursementRecorded.class);
        assertEquals(UUID.fromString(commitment), event.commitmentId());
        assertEquals(List.of(SAMPLE_CONDITION), event.conditions());
        assertEquals(List.of(SAMPLE_CONDITION), event.overriddenConditions());
        assertEquals(reason, event.overrideReason());
        assertEquals(new BigDecimal("4000000.00"), event.amount());
        assertEquals("GB", event.partner());
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aConditionVerifiedMetLetsTheDisbursementThroughWithoutAReason() {
        Committed committed = committedUnder(ActionItemStatus.NOT_MET);
        UUID project = committed.project();
        String commitment = committed.commitment();
        String tranche = """
                {"amount": 2500000.25, "currency": "EUR", "amountUsd": 2700000, "disbursedOn": "2026-12-01",
                 "conditions": ["%s"]}""".formatted(SAMPLE_CONDITION);
        disburse(project, commitment, tranche).then().statusCode(409);

        ProjectFeed.actionPlan(project, ActionItemStatus.MET, T0.plusHours(2));
        awaitCondition(project, "MET");
        // a late copy of the older plan does not bring the hold back
        ProjectFeed.actionPlan(project, ActionItemStatus.NOT_MET, T0.plusMinutes(90));
        disburse(project, commitment, tranche).then().statusCode(201)
                .body("overriddenConditions", empty())
                .body("overrideReason", equalTo(null));
        // nothing to override now: a reason would say something that is not so
        disburse(project, commitment, tranche.replace("]}", "], \"overrideReason\": \"just in case\"}"))
                .then().statusCode(400).body("errors.field", contains("overrideReason"));
        given().get("/api/v1/projects/{id}/commitments", project).then()
                .body("conditions[0].status", equalTo("MET"))
                .body("commitments[0].disbursements", hasSize(1));
        given().get("/api/v1/projects/{id}/support-history", project).then()
                .body("action", contains("COMMITMENT_RECORDED", "DISBURSEMENT_RECORDED"));
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void disbursementsNeverAddUpToMoreThanTheCommitment() {
        UUID project = ProjectFeed.prioritisedProject();
        String commitment = commit(project, """
                {"instrument": "GRANT", "amount": 1000000, "currency": "USD", "amountUsd": 1000000,
                 "usdRateDate": "2026-11-30"}""").then().statusCode(201).extract().path("id");
        String tranche = """
                {"amount": %s, "currency": "USD", "amountUsd": %s, "disbursedOn": "2026-12-01"}""";
        disburse(project, commitment, tranche.formatted(600000, 600000)).then().statusCode(201);
        disburse(project, commitment, tranche.formatted(500000, 500000)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("100000.00 USD more than the commitment of 1000000.00 USD"));
        disburse(project, commitment, tranche.formatted(400000, 400000)).then().statusCode(201);
        disburse(project, commitment, tranche.formatted("0.01", "0.01")).then().statusCode(409);
        given().get("/api/v1/projects/{id}/commitments", project).then()
                .body("commitments[0].remainingAmount", equalTo(0.0f))
                .body("partners[0].disbursedUsd", equalTo(1000000.00f));
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        UUID project = ProjectFeed.prioritisedProject();
        ProjectFeed.actionPlan(project, ActionItemStatus.MET, T0.plusHours(1));
        awaitCondition(project, "MET");
        String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
        Map<String, String> badCommitments = new LinkedHashMap<>();
        badCommitments.put("instrument", LOAN.replace("\"LOAN\"", "\"BARTER\""));
        badCommitments.put("amount", LOAN.replace("18000000", "-5"));
        badCommitments.put("amountUsd", LOAN.replace("19500000.50", "0"));
        badCommitments.put("currency", LOAN.replace("\"EUR\"", "\"XYZ\""));
        badCommitments.put("usdRateDate", LOAN.replace("2026-11-30", tomorrow));
        badCommitments.put("agreementDocumentId", LOAN.replace("4f0c7a52-9a31-4f39-8a7e-2b0f5d6c1e11", "not-a-uuid"));
        badCommitments.put("sponsor", LOAN.replace("{", "{\"sponsor\": \"someone\", "));
        badCommitments.forEach((field, body) -> commit(project, body).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains(field)));
        Map<String, String> moreCommitments = Map.of(
                "currency", LOAN.replace("\"EUR\"", "\"eur\""),
                "amount", LOAN.replace("\"EUR\"", "\"JPY\"").replace("18000000", "18000000.50"),
                "amountUsd", LOAN.replace("\"EUR\"", "\"USD\""));
        moreCommitments.forEach((field, body) -> commit(project, body).then().statusCode(400)
                .body("errors.field", contains(field)));
        commit(project, LOAN.replace("18000000", "18000000.005")).then().statusCode(400)
                .body("errors.field", contains("amount"));
        given().get("/api/v1/projects/{id}/commitments", project).then().body("commitments", empty());

        String commitment = commit(project, LOAN).then().statusCode(201).extract().path("id");
        String tranche = """
                {"amount": 1000, "currency": "EUR", "amountUsd": 1080, "disbursedOn": "2026-12-01",
                 "conditions": ["%s"]}""".formatted(SAMPLE_CONDITION);
        Map<String, String> badTranches = new LinkedHashMap<>();
        badTranches.put("disbursedOn", tranche.replace("2026-12-01", tomorrow));
        badTranches.put("conditions", tranche.replace(SAMPLE_CONDITION, "NO-SUCH-CONDITION"));
        badTranches.put("conditions[0]", tranche.replace(SAMPLE_CONDITION, " "));
        badTranches.put("currency", tranche.replace("\"EUR\"", "\"GBP\""));
        badTranches.put("amount", tranche.replace("1000,", "0,"));
        badTranches.put("amountUsd", tranche.replace("1080", "10.999"));
        badTranches.forEach((field, body) -> disburse(project, commitment, body).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems(field)));
        disburse(project, commitment, tranche.replace("]", ", \"" + SAMPLE_CONDITION + "\"]")).then().statusCode(400)
                .body("errors.field", contains("conditions"));
        disburse(project, UUID.randomUUID().toString(), tranche).then().statusCode(404);
        given().get("/api/v1/projects/{id}/commitments", project).then().body("commitments[0].disbursements", empty());
        given().get("/api/v1/projects/{id}/support-history", project).then().body("action", contains("COMMITMENT_RECORDED"));
    }

    @Test
    @TestSecurity(user = "us-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "US"))
    void onlyTheCommittingPartnerDisbursesAndNoPartnerCommitsAsAnother() {
        UUID project = ProjectFeed.prioritisedProject();
        Commitment gb = financing.commit(project, "GB", new Commitment.Terms(Instrument.LOAN, new BigDecimal("100.00"),
                "USD", new BigDecimal("100.00"), LocalDate.parse("2026-11-30"), null), "gb-officer");
        disburse(project, gb.id.toString(), """
                {"amount": 10, "currency": "USD", "amountUsd": 10, "disbursedOn": "2026-12-01"}""")
                .then().statusCode(403).contentType("application/problem+json");
        commit(project, LOAN.replace("{", "{\"partner\": \"GB\", ")).then().statusCode(403);
        given().get("/api/v1/projects/{id}/commitments", project).then()
                .body("commitments", hasSize(1)).body("commitments[0].disbursements", empty());
        commit(project, LOAN.replace("{", "{\"partner\": \"US\", ")).then().statusCode(201).body("partner", equalTo("US"));
    }

    @Test
    @TestSecurity(user = "is-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "IS"))
    void aCountryOutsideTheRegistryCannotCommit() {
        UUID project = ProjectFeed.prioritisedProject();
        commit(project, LOAN).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("registry"));
        given().get("/api/v1/projects/{id}/commitments", project).then().body("commitments", empty());
    }

    @Test
    @TestSecurity(user = "jp-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "JP"))
    void aReviewerCannotCommitNorDisburse() {
        refusedToOtherRoles();
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void theSecretariatCannotCommitNorDisburse() {
        refusedToOtherRoles();
    }

    @Test
    @TestSecurity(user = "watcher", roles = "civil-society")
    void civilSocietyCannotCommitNorDisburse() {
        refusedToOtherRoles();
    }

    @Test
    void committingNeedsAToken() {
        commit(UUID.randomUUID(), LOAN).then().statusCode(401);
        disburse(UUID.randomUUID(), UUID.randomUUID().toString(), "{}").then().statusCode(401);
        given().get("/api/v1/projects/{id}/commitments", UUID.randomUUID()).then().statusCode(404);
    }

    private void refusedToOtherRoles() {
        UUID project = ProjectFeed.prioritisedProject();
        Commitment gb = financing.commit(project, "GB", new Commitment.Terms(Instrument.GRANT, new BigDecimal("100.00"),
                "USD", new BigDecimal("100.00"), LocalDate.parse("2026-11-30"), null), "gb-officer");
        commit(project, LOAN).then().statusCode(403);
        disburse(project, gb.id.toString(), """
                {"amount": 10, "currency": "USD", "amountUsd": 10, "disbursedOn": "2026-12-01"}""").then().statusCode(403);
        given().get("/api/v1/projects/{id}/commitments", project).then()
                .body("commitments", hasSize(1)).body("commitments[0].disbursements", empty());
    }

    private record Committed(UUID project, String commitment) {
    }

    /** A prioritised project whose action plan holds the sample condition as {@code status}, and a commitment to it. */
    private static Committed committedUnder(ActionItemStatus status) {
        UUID project = ProjectFeed.prioritisedProject();
        ProjectFeed.actionPlan(project, status, T0.plusHours(1));
        awaitCondition(project, status.name());
        return new Committed(project, commit(project, LOAN).then().statusCode(201).extract().path("id"));
    }

    /** Waits until partner-service's copy of the action plan shows the sample condition as {@code status}. */
    private static void awaitCondition(UUID project, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> status.equals(
                given().get("/api/v1/projects/{id}/commitments", project).path("conditions[0].status")));
    }

    private static Response commit(UUID project, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/projects/{id}/commitments", project);
    }

    private static Response disburse(UUID project, String commitment, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/projects/{id}/commitments/{cid}/disbursements", project, commitment);
    }
}
