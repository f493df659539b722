package org.msp.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.msp.infra.ProcessPlatform;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.e2e.Journeys.*;

/**
 * Partnerships and follow-through (SPEC §11) on the real platform, as issue 20 tells the story: a
 * project proposed under the UK–US MOU is endorsed by two MSP partners while a producer country's
 * endorsement does not count, the host government consents, a round prioritises it, the first
 * commitment finances it, and a disbursement tied to an unmet critical condition is refused until the
 * partner gives an override reason, which the history and the Atom feed then show to everyone.
 */
@Order(5) // with the other API stories, before the outage test stops PostgreSQL
class FollowThroughEndToEndTest {

    @Test
    void aProjectUnderTheUkUsMouIsFinancedAndAnOverrideOfItsCriticalConditionIsPublic() throws Exception {
        String project = submit(gbDraft());
        String title = get(ProcessPlatform.PROJECTS, "/projects/" + project).path("title");

        // --- proposed under the UK–US MOU of the partnership registry
        String mou = get(ProcessPlatform.PARTNERS, "/partnerships?kind=MEMORANDUM_OF_UNDERSTANDING&party=US")
                .then().statusCode(200).extract().jsonPath()
                .getString("find { it.parties.code.contains('GB') }.id");
        awaitSupportStatus(project, "ESG_REVIEW");
        as("gb-officer").contentType(ContentType.JSON).body(Map.of("partnershipId", mou))
                .put(SharedPlatform.url(ProcessPlatform.PARTNERS, "/projects/" + project + "/partnership"))
                .then().statusCode(200);
        await("project-service names the partnership").atMost(WAIT).until(() ->
                get(ProcessPlatform.PROJECTS, "/projects/" + project).path("partnership.id"), equalTo(mou));

        // --- cleared with one condition on a critical checklist item: it becomes the action plan
        String critical = clearWithCriticalCondition(project);
        awaitSupportStatus(project, "OPEN_FOR_SUPPORT");
        JsonPath plan = get(ProcessPlatform.PROJECTS, "/projects/" + project + "/action-plan").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(critical), plan.getList("items.code"));
        assertEquals(true, plan.getBoolean("items[0].critical"));
        assertEquals(1, plan.getInt("criticalUnmet"));
        // the host's reviewer does not verify its own government's conditions
        as("zm-reviewer").contentType(ContentType.JSON).body(Map.of("status", "MET"))
                .post(SharedPlatform.url(ProcessPlatform.PROJECTS, "/projects/" + project + "/action-plan/" + critical
                        + "/verification")).then().statusCode(409).body("errors[0].field", equalTo("verifiedBy"));

        // --- a producer country's endorsement is recorded but does not count; two MSP partners make the quorum
        endorse("cd-officer", project);
        endorse("us-officer", project);
        awaitSupportStatus(project, "OPEN_FOR_SUPPORT");
        assertEquals("OPEN_FOR_SUPPORT", get(ProcessPlatform.PROJECTS, "/projects/" + project).path("status"),
                "US alone is one MSP partner; the DR Congo's endorsement does not count");
        endorse("eu-officer", project);
        awaitProjectStatus(project, "ENDORSED");

        // --- the host government consents, and the score says so
        as("zm-officer").contentType(ContentType.JSON).body(Map.of("consent", "CONSENTED",
                        "reason", "Agreed with the provincial administration"))
                .put(SharedPlatform.url(ProcessPlatform.PROJECTS, "/projects/" + project + "/host-consent"))
                .then().statusCode(200).body("hostConsent.consent", equalTo("CONSENTED"));
        JsonPath round = as("secretariat").post(SharedPlatform.url(ProcessPlatform.PROJECTS, "/prioritisation/rounds"))
                .then().statusCode(201).extract().jsonPath();
        String support = round.getString("ranking.find { it.projectId == '" + project
                + "' }.breakdown.find { it.name == 'support' }.explanation");
        assertTrue(support.endsWith("the host government (ZM) consented"), support);
        awaitProjectStatus(project, "PRIORITISED");
        awaitSupportStatus(project, "PRIORITISED");

        // --- the first commitment finances it
        String commitment = as("gb-officer").contentType(ContentType.JSON).body(Map.of("instrument", "LOAN",
                        "amount", "8000000.00", "currency", "GBP", "amountUsd", "10080000.00",
                        "usdRateDate", LocalDate.now().minusDays(1).toString()))
                .post(SharedPlatform.url(ProcessPlatform.PARTNERS, "/projects/" + project + "/commitments"))
                .then().statusCode(201).extract().path("id");
        awaitProjectStatus(project, "FINANCED");

        // --- a disbursement tied to the unmet critical condition is refused, then made with a public override
        Map<String, Object> tranche = Map.of("amount", "2000000.00", "currency", "GBP", "amountUsd", "2520000.00",
                "disbursedOn", LocalDate.now().toString(), "conditions", List.of(critical));
        String disbursements = SharedPlatform.url(ProcessPlatform.PARTNERS, "/projects/" + project + "/commitments/"
                + commitment + "/disbursements");
        await("partner-service knows the action plan").atMost(WAIT).until(() -> as("gb-officer")
                .contentType(ContentType.JSON).body(tranche).post(disbursements).statusCode(), equalTo(409));
        String reason = "The tranche pays for the resettlement itself";
        Map<String, Object> overridden = new java.util.HashMap<>(tranche);
        overridden.put("overrideReason", reason);
        as("gb-officer").contentType(ContentType.JSON).body(overridden).post(disbursements).then().statusCode(201);

        await("the override is in the project history").atMost(WAIT).until(() ->
                get(ProcessPlatform.PROJECTS, "/projects/" + project + "/history").jsonPath().<String>getList("reason")
                        .stream().anyMatch(r -> r != null && r.contains("OVERRIDE of unmet critical condition " + critical
                                + ": " + reason)));
        get(ProcessPlatform.PROJECTS, "/projects/" + project + "/history/verify").then().body("intact", equalTo(true));
        String headline = title + ": GB disbursed GBP 2,000,000 overriding unmet critical condition " + critical + " ("
                + reason + ")";
        await("the override is in the Atom feed").atMost(WAIT).until(() -> AtomFeed.parse(get(
                ProcessPlatform.NOTIFICATIONS, "/feed.atom?projectIds=" + project).asByteArray()).stream()
                .map(AtomFeed.Entry::title).toList(), hasItem(headline));
        get(ProcessPlatform.PROJECTS, "/projects/" + project + "/history").then()
                // one step out of PRIORITISED, to FINANCED (the commitments are entries that change no status)
                .body("findAll { it.from == 'PRIORITISED' && it.to != 'PRIORITISED' }.to", equalTo(List.of("FINANCED")))
                .body("reason", hasItem(containsString("proposed under the partnership")));
    }

    private static void endorse(String officer, String project) {
        as(officer).put(SharedPlatform.url(ProcessPlatform.PARTNERS, "/projects/" + project + "/endorsement"))
                .then().statusCode(201);
    }
}
