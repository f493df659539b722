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
import org.msp.events.EventData;
import org.msp.events.EventType;
import org.msp.events.Mineral;
import org.msp.events.partner.EndorsementGiven;
import org.msp.events.partner.EndorsementWithdrawn;
import org.msp.infra.testing.PlatformTestResource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.msp.events.project.ProjectStatus.ENDORSED;
import static org.msp.events.project.ProjectStatus.ESG_REVIEW;
import static org.msp.events.project.ProjectStatus.OPEN_FOR_SUPPORT;
import static org.msp.events.project.ProjectStatus.SUBMITTED;
import static org.msp.partner.ProjectFeed.T0;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class EndorsementTest {
    static final EventType GIVEN = EventType.of(EndorsementGiven.class);
    static final EventType WITHDRAWN = EventType.of(EndorsementWithdrawn.class);

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void endorsingTwicePublishesOneEventAndWithdrawingPublishesAnother() {
        UUID project = ProjectFeed.openProject();
        given().when().put("/api/v1/projects/{id}/endorsement", project)
                .then().statusCode(201).body("partner", equalTo("ZM"));
        given().when().put("/api/v1/projects/{id}/endorsement", project)
                .then().statusCode(200).body("partner", equalTo("ZM"));
        given().when().get("/api/v1/projects/{id}/endorsements", project)
                .then().statusCode(200).body("count", equalTo(1)).body("endorsements.partner", contains("ZM"));

        given().when().delete("/api/v1/projects/{id}/endorsement", project).then().statusCode(204);
        given().when().delete("/api/v1/projects/{id}/endorsement", project)
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/projects/{id}/endorsements", project).then().body("count", equalTo(0));

        // the outbox publishes in commit order: once the withdrawal is on the topic, every earlier event is too
        List<CloudEvent<?>> events = SupportEventsOnTopic.until(project, WITHDRAWN);
        assertEquals(1, SupportEventsOnTopic.count(events, GIVEN), "one endorsement-given event for two PUTs");
        assertEquals(1, SupportEventsOnTopic.count(events, WITHDRAWN));
        assertEquals(List.of(GIVEN, WITHDRAWN), events.stream().map(CloudEvent::type).toList());
        assertEquals("ZM", ((EndorsementGiven) events.get(0).data()).partner());
        // Zambia is a producer country in the registry: project-service will not count it toward the quorum
        assertEquals(org.msp.events.partner.PartnerKind.PRODUCER_COUNTRY, ((EndorsementGiven) events.get(0).data()).partnerKind());
        assertEquals("ZM", ((EndorsementWithdrawn) events.get(1).data()).partner());
        events.forEach(e -> {
            EventData data = e.data();
            assertEquals(project, data.projectId());
            // the project facts partner-service learned from msp.projects travel with every event
            assertEquals(ProjectFeed.TITLE, data.title());
            assertEquals("ZM", data.hostCountry());
            assertEquals("GB", data.submittingPartner());
            assertEquals(List.of(Mineral.COBALT, Mineral.COPPER), data.minerals());
        });
        given().when().get("/api/v1/projects/{id}/support-history", project)
                .then().body("action", contains("ENDORSEMENT_GIVEN", "ENDORSEMENT_WITHDRAWN"));
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aZambianOfficerCannotEndorseAsTheUnitedStates() {
        UUID project = ProjectFeed.openProject();
        given().contentType(ContentType.JSON).body("{\"partner\": \"US\"}")
                .when().put("/api/v1/projects/{id}/endorsement", project)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"partner\": \"US\", \"onBehalfOf\": \"US\"}")
                .when().put("/api/v1/projects/{id}/endorsement", project)
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/projects/{id}/endorsements", project).then().body("count", equalTo(0));

        given().contentType(ContentType.JSON).body("{\"partner\": \"ZM\"}")
                .when().put("/api/v1/projects/{id}/endorsement", project)
                .then().statusCode(201).body("partner", equalTo("ZM"));
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void endorsementsAreTakenOnlyWhileOpenForSupportOrEndorsed() {
        UUID project = UUID.randomUUID();
        given().when().put("/api/v1/projects/{id}/endorsement", project).then().statusCode(404);
        ProjectFeed.submitted(project, T0);
        ProjectFeed.awaitStatus(project, "SUBMITTED");
        given().when().put("/api/v1/projects/{id}/endorsement", project).then().statusCode(409);

        ProjectFeed.statusChanged(project, SUBMITTED, ESG_REVIEW, T0.plusHours(1));
        ProjectFeed.statusChanged(project, ESG_REVIEW, OPEN_FOR_SUPPORT, T0.plusHours(2));
        ProjectFeed.statusChanged(project, OPEN_FOR_SUPPORT, ENDORSED, T0.plusHours(3));
        ProjectFeed.awaitStatus(project, "ENDORSED");
        given().when().put("/api/v1/projects/{id}/endorsement", project).then().statusCode(201);

        ProjectFeed.prioritised(project, T0.plusHours(4));
        ProjectFeed.awaitStatus(project, "PRIORITISED");
        given().when().delete("/api/v1/projects/{id}/endorsement", project).then().statusCode(409);
        given().when().get("/api/v1/projects/{id}/endorsements", project).then().body("count", equalTo(1));
    }

    @Test
    @TestSecurity(user = "is-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "IS"))
    void aCountryOutsideTheRegistryCannotEndorse() {
        UUID project = ProjectFeed.openProject();
        given().when().put("/api/v1/projects/{id}/endorsement", project)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/projects/{id}/endorsements", project).then().body("count", equalTo(0));
    }

    @Test
    void endorsingNeedsAToken() {
        given().when().put("/api/v1/projects/{id}/endorsement", UUID.randomUUID()).then().statusCode(401);
        given().when().delete("/api/v1/projects/{id}/endorsement", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "watcher", roles = "civil-society")
    void civilSocietyCannotEndorse() {
        UUID project = ProjectFeed.openProject();
        given().when().put("/api/v1/projects/{id}/endorsement", project).then().statusCode(403);
        given().when().get("/api/v1/projects/{id}/endorsements", project).then().body("count", equalTo(0));
    }
}
