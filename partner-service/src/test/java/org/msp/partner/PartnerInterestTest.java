package org.msp.partner;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventType;
import org.msp.events.Mineral;
import org.msp.events.partner.Instrument;
import org.msp.events.partner.InterestExpressed;
import org.msp.infra.testing.PlatformTestResource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.msp.events.project.ProjectStatus.ESG_REVIEW;
import static org.msp.events.project.ProjectStatus.OPEN_FOR_SUPPORT;
import static org.msp.events.project.ProjectStatus.SUBMITTED;
import static org.msp.events.project.ProjectStatus.WITHDRAWN;
import static org.msp.partner.ProjectFeed.T0;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class PartnerInterestTest {
    static final String LOAN = """
            {"instrument": "LOAN", "indicativeAmountUsd": 25000000, "note": "via the national development bank"}""";

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void interestIsTakenOnlyOnceAProjectEventOpenedItForSupport() {
        UUID project = UUID.randomUUID();
        interest(project, LOAN).then().statusCode(404).contentType("application/problem+json");

        ProjectFeed.submitted(project, T0);
        ProjectFeed.awaitStatus(project, "SUBMITTED");
        interest(project, LOAN).then().statusCode(409).contentType("application/problem+json");

        ProjectFeed.statusChanged(project, SUBMITTED, ESG_REVIEW, T0.plusHours(1));
        ProjectFeed.statusChanged(project, ESG_REVIEW, OPEN_FOR_SUPPORT, T0.plusHours(2));
        ProjectFeed.awaitStatus(project, "OPEN_FOR_SUPPORT");
        interest(project, LOAN).then().statusCode(201)
                .body("partner", equalTo("ZM"))
                .body("instrument", equalTo("LOAN"));

        List<CloudEvent<?>> events = SupportEventsOnTopic.until(project, EventType.of(InterestExpressed.class));
        CloudEvent<?> event = events.get(0);
        assertEquals("/msp/partner-service", event.source());
        assertEquals(project.toString(), event.subject());
        InterestExpressed interest = (InterestExpressed) event.data();
        assertEquals("ZM", interest.partner());
        assertEquals(Instrument.LOAN, interest.instrument());
        assertEquals(new BigDecimal("25000000.00"), interest.indicativeAmountUsd());
        assertEquals("via the national development bank", interest.note());
        assertEquals(project, interest.projectId());
        // the project facts, as the read model learned them from msp.projects
        assertEquals(ProjectFeed.TITLE, interest.title());
        assertEquals("ZM", interest.hostCountry());
        assertEquals("GB", interest.submittingPartner());
        assertEquals(List.of(Mineral.COBALT, Mineral.COPPER), interest.minerals());

        ProjectFeed.statusChanged(project, OPEN_FOR_SUPPORT, WITHDRAWN, T0.plusHours(3));
        ProjectFeed.awaitStatus(project, "WITHDRAWN");
        interest(project, LOAN).then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aPrioritisedProjectTakesNoMoreInterest() {
        UUID project = UUID.randomUUID();
        ProjectFeed.prioritised(project, T0);
        ProjectFeed.awaitStatus(project, "PRIORITISED");
        interest(project, LOAN).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aPartnerUpdatesItsInterestAndEveryVersionIsKept() {
        UUID project = ProjectFeed.openProject();
        interest(project, LOAN).then().statusCode(201);
        // the same terms again change nothing
        interest(project, LOAN).then().statusCode(200);
        interest(project, """
                {"instrument": "EQUITY", "indicativeAmountUsd": 40000000.50}""").then().statusCode(200)
                .body("instrument", equalTo("EQUITY"));

        given().when().get("/api/v1/projects/{id}/interests", project)
                .then().statusCode(200)
                .body("partners", contains("ZM"))
                .body("instruments", contains("EQUITY"))
                .body("totalIndicativeAmountUsd", equalTo(40000000.50f))
                .body("interests", hasSize(1));
        given().when().get("/api/v1/projects/{id}/support-history", project)
                .then().statusCode(200)
                .body("action", contains("INTEREST_EXPRESSED", "INTEREST_UPDATED"))
                .body("instrument", contains("LOAN", "EQUITY"))
                .body("actor", contains("zm-officer", "zm-officer"));
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        UUID project = ProjectFeed.openProject();
        Map<String, String> badBodies = Map.of(
                "indicativeAmountUsd", """
                        {"instrument": "LOAN", "indicativeAmountUsd": -5}""",
                "instrument", """
                        {"instrument": "BARTER", "indicativeAmountUsd": 1000}""",
                "note", """
                        {"instrument": "LOAN", "indicativeAmountUsd": 1000, "note": "%s"}""".formatted("x".repeat(10_240)),
                "sponsor", """
                        {"instrument": "LOAN", "indicativeAmountUsd": 1000, "sponsor": "someone else"}""");
        badBodies.forEach((field, body) -> interest(project, body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field)));
        interest(project, "{\"instrument\": \"LOAN\", \"indicativeAmountUsd\": ").then().statusCode(400)
                .contentType("application/problem+json");
        interest(project, """
                {"instrument": "LOAN", "indicativeAmountUsd": 5000000000000}""").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("indicativeAmountUsd"));

        given().when().get("/api/v1/projects/{id}/interests", project)
                .then().statusCode(200).body("interests", empty()).body("totalIndicativeAmountUsd", equalTo(0));
        given().when().get("/api/v1/projects/{id}/support-history", project).then().statusCode(200).body("$", empty());
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aPartnerCannotExpressInterestAsAnotherPartner() {
        UUID project = ProjectFeed.openProject();
        interest(project, """
                {"partner": "US", "instrument": "GRANT", "indicativeAmountUsd": 1000000}""")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/projects/{id}/interests", project)
                .then().statusCode(200).body("interests", empty());

        interest(project, """
                {"partner": "ZM", "instrument": "GRANT", "indicativeAmountUsd": 1000000}""")
                .then().statusCode(201).body("partner", equalTo("ZM"));
    }

    @Test
    void expressingInterestNeedsAToken() {
        interest(UUID.randomUUID(), LOAN).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "FI"))
    void onlyPartnerGovernmentsExpressInterest() {
        UUID project = ProjectFeed.openProject();
        interest(project, LOAN).then().statusCode(403);
        given().when().get("/api/v1/projects/{id}/interests", project).then().body("interests", empty());
    }

    private static io.restassured.response.Response interest(UUID project, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/projects/{id}/interests", project);
    }
}
