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
import org.msp.events.partner.PartnershipKind;
import org.msp.events.partner.PartnershipNamed;
import org.msp.infra.testing.PlatformTestResource;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.msp.events.project.ProjectStatus.ESG_REJECTED;
import static org.msp.events.project.ProjectStatus.ESG_REVIEW;
import static org.msp.events.project.ProjectStatus.SUBMITTED;
import static org.msp.events.project.ProjectStatus.WITHDRAWN;
import static org.msp.partner.PartnershipRegistryTest.MSP;
import static org.msp.partner.PartnershipRegistryTest.UK_US;
import static org.msp.partner.ProjectFeed.T0;

/**
 * A project names the partnership it is proposed under: its submitting partner's officer (GB, in the
 * feed's projects) or the secretariat may, no one else; the change is published as partnership-named
 * through the outbox, kept in the project's support history and shown on the partnership.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class PartnershipNamingTest {
    static final EventType NAMED = EventType.of(PartnershipNamed.class);

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void theSubmittingOfficerNamesThePartnershipAndTheEventSaysSo() {
        UUID project = submitted();
        given().get("/api/v1/projects/{id}/partnership", project).then().statusCode(200)
                .body("partnership", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", UK_US))
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(200)
                .body("partnership.id", equalTo(UK_US)).body("partnership.kind", equalTo("MEMORANDUM_OF_UNDERSTANDING"));
        // a repeat changes nothing and publishes nothing
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", UK_US))
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(200);
        given().get("/api/v1/projects/{id}/partnership", project).then()
                .body("partnership.name", equalTo("UK–US Memorandum of Understanding on critical minerals"));
        given().get("/api/v1/partnerships/{id}", UK_US).then()
                .body("linkedProjects.id", hasItem(project.toString()))
                .body("linkedProjects.find { it.id == '" + project + "' }.submittingPartner", equalTo("GB"));

        // then it moves it to the MSP, and finally to none
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", MSP))
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(200);
        given().get("/api/v1/partnerships/{id}", UK_US).then().body("linkedProjects.id", not(hasItem(project.toString())));
        given().contentType(ContentType.JSON).body(Collections.singletonMap("partnershipId", null))
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(200)
                .body("partnership", nullValue());

        List<CloudEvent<?>> events = SupportEventsOnTopic.untilCount(project, NAMED, 3);
        List<PartnershipNamed> named = events.stream().filter(e -> e.type() == NAMED)
                .map(e -> (PartnershipNamed) e.data()).toList();
        assertEquals(3, named.size(), "one event per change, none for the repeat");
        assertEquals(UUID.fromString(UK_US), named.get(0).partnershipId());
        assertEquals("UK–US Memorandum of Understanding on critical minerals", named.get(0).partnershipName());
        assertEquals(PartnershipKind.MEMORANDUM_OF_UNDERSTANDING, named.get(0).partnershipKind());
        assertEquals("gb-officer", named.get(0).actor());
        assertEquals(ProjectFeed.TITLE, named.get(0).title());
        assertEquals("ZM", named.get(0).hostCountry());
        assertEquals("GB", named.get(0).submittingPartner());
        assertEquals(List.of(Mineral.COBALT, Mineral.COPPER), named.get(0).minerals());
        assertEquals(PartnershipKind.MULTILATERAL_PARTNERSHIP, named.get(1).partnershipKind());
        assertNull(named.get(2).partnershipId());
        assertNull(named.get(2).partnershipName());

        given().get("/api/v1/projects/{id}/support-history", project).then()
                .body("action", contains("PARTNERSHIP_NAMED", "PARTNERSHIP_NAMED", "PARTNERSHIP_NAMED"))
                .body("partnershipId", contains(UK_US, MSP, null))
                .body("partner", contains("GB", "GB", "GB"));
    }

    @Test
    @TestSecurity(user = "us-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "US"))
    void anotherPartnersOfficerCannotNameIt() {
        UUID project = submitted();
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", UK_US))
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/projects/{id}/partnership", project).then().body("partnership", nullValue());
        given().get("/api/v1/projects/{id}/support-history", project).then().body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "secretariat-1", roles = "secretariat")
    void theSecretariatNamesItAndAnUnknownOneIsA404NamingTheField() {
        UUID project = submitted();
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", UUID.randomUUID().toString()))
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(404)
                .contentType("application/problem+json").body("errors.field", contains("partnershipId"));
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", "not-a-uuid"))
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(400)
                .body("errors.field", contains("partnershipId"));
        given().contentType(ContentType.JSON).body(Map.of("partnership", MSP))
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(400);
        given().contentType(ContentType.JSON).body("null")
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", MSP))
                .when().put("/api/v1/projects/{id}/partnership", UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/projects/{id}/partnership", project).then().body("partnership", nullValue());

        given().contentType(ContentType.JSON).body(Map.of("partnershipId", MSP))
                .when().put("/api/v1/projects/{id}/partnership", project).then().statusCode(200)
                .body("partnership.id", equalTo(MSP));
        given().get("/api/v1/projects/{id}/support-history", project).then()
                .body("actor", contains("secretariat-1")).body("partner", contains("GB"));
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aWithdrawnOrRejectedProjectKeepsWhatItHad() {
        UUID withdrawn = submitted();
        ProjectFeed.statusChanged(withdrawn, SUBMITTED, WITHDRAWN, T0.plusHours(1));
        ProjectFeed.awaitStatus(withdrawn, "WITHDRAWN");
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", MSP))
                .when().put("/api/v1/projects/{id}/partnership", withdrawn).then().statusCode(409)
                .contentType("application/problem+json");

        UUID rejected = submitted();
        ProjectFeed.statusChanged(rejected, SUBMITTED, ESG_REVIEW, T0.plusHours(1));
        ProjectFeed.statusChanged(rejected, ESG_REVIEW, ESG_REJECTED, T0.plusHours(2));
        ProjectFeed.awaitStatus(rejected, "ESG_REJECTED");
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", MSP))
                .when().put("/api/v1/projects/{id}/partnership", rejected).then().statusCode(409);
        given().get("/api/v1/projects/{id}/partnership", rejected).then().body("partnership", nullValue());
    }

    @Test
    void namingNeedsAToken() {
        given().contentType(ContentType.JSON).body(Map.of("partnershipId", MSP))
                .when().put("/api/v1/projects/{id}/partnership", UUID.randomUUID()).then().statusCode(401);
    }

    private static UUID submitted() {
        UUID project = UUID.randomUUID();
        ProjectFeed.submitted(project, T0);
        ProjectFeed.awaitStatus(project, "SUBMITTED");
        return project;
    }
}
