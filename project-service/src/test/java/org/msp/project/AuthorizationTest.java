package org.msp.project;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msp.events.esg.ReviewOutcome;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.StandingEndorsement;
import org.msp.project.service.ProposalService;

import java.math.BigDecimal;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Who may call each write endpoint (SPEC §4): the GB partner's project against every role, and a
 * partner of another country. Each case also checks that nothing changed when refused.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class AuthorizationTest {
    @Inject
    ProposalService proposals;

    String gbDraft;
    String gbSubmitted;

    @BeforeEach
    void gbProjects() {
        ProposalService.Actor gb = new ProposalService.Actor("gb-officer", "test");
        gbDraft = proposals.create(Fixtures.draft("GB draft"), "GB", gb).id().toString();
        gbSubmitted = proposals.create(Fixtures.draft("GB submitted"), "GB", gb).id().toString();
        proposals.submit(UUID.fromString(gbSubmitted), gb);
    }

    void expectWrites(int create, int update, int submit, int withdraw, int round) {
        given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL)
                .when().post("/api/v1/projects").then().statusCode(create);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(ProposalSubmissionTest.PROPOSAL)
                .when().put("/api/v1/projects/{id}", gbDraft).then().statusCode(update);
        given().when().post("/api/v1/projects/{id}/submit", gbDraft).then().statusCode(submit);
        given().when().post("/api/v1/projects/{id}/withdraw", gbSubmitted).then().statusCode(withdraw);
        given().when().post("/api/v1/prioritisation/rounds").then().statusCode(round);
        if (submit != 200) {
            assertStatus(gbDraft, "DRAFT");
        }
        if (withdraw != 200) {
            assertStatus(gbSubmitted, "SUBMITTED");
        }
    }

    void assertStatus(String id, String status) {
        org.junit.jupiter.api.Assertions.assertEquals(status, proposals.statusOf(UUID.fromString(id)));
    }

    @Test
    void anonymous() {
        expectWrites(401, 401, 401, 401, 401);
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void theSubmittingPartnerActsOnItsOwnProjects() {
        // the round is the secretariat's; 403 before anything else is looked at
        expectWrites(201, 200, 200, 200, 403);
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aPartnerOfAnotherCountryCannotActForGb() {
        expectWrites(201, 403, 403, 403, 403);
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aBodyThatNamesAnotherSubmittingPartnerIsRefused() {
        long before = ProposalApiTest.countProposals();
        String forged = ProposalSubmissionTest.PROPOSAL.replaceFirst("\\{", "{\"submittingPartner\": \"GB\", ");
        given().contentType(ContentType.JSON).body(forged).when().post("/api/v1/projects").then().statusCode(403)
                .contentType("application/problem+json");
        org.junit.jupiter.api.Assertions.assertEquals(before, ProposalApiTest.countProposals(), "nothing written");

        String honest = ProposalSubmissionTest.PROPOSAL.replaceFirst("\\{", "{\"submittingPartner\": \"ZM\", ");
        given().contentType(ContentType.JSON).body(honest).when().post("/api/v1/projects").then().statusCode(201)
                .body("submittingPartner", org.hamcrest.Matchers.is("ZM"));
    }

    @Test
    @TestSecurity(user = "partner-without-country", roles = "partner-government")
    void aPartnerTokenWithoutCountryCannotCreate() {
        expectWrites(403, 403, 403, 403, 403);
    }

    @Test
    @TestSecurity(user = "jp-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "JP"))
    void aReviewerCannotWriteProposals() {
        expectWrites(403, 403, 403, 403, 403);
    }

    @Test
    @TestSecurity(user = "civil-society", roles = "civil-society")
    void civilSocietyReadsOnly() {
        expectWrites(403, 403, 403, 403, 403);
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void theSecretariatRunsRoundsButDoesNotWriteProposals() {
        given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL)
                .when().post("/api/v1/projects").then().statusCode(403);
        given().when().post("/api/v1/projects/{id}/submit", gbDraft).then().statusCode(403);
        given().when().post("/api/v1/projects/{id}/withdraw", gbSubmitted).then().statusCode(403);
        assertStatus(gbSubmitted, "SUBMITTED");

        endorse(gbSubmitted);
        given().when().post("/api/v1/prioritisation/rounds").then().statusCode(201);
        assertStatus(gbSubmitted, "PRIORITISED");
    }

    /**
     * Moves a submitted project to ENDORSED through the proposal's own decisions, as the review and
     * endorsement events would (no review or partner service runs in this module's tests).
     */
    private void endorse(String id) {
        ProposalService.Actor events = new ProposalService.Actor("event:test", "test");
        QuarkusTransaction.requiringNew().run(() -> {
            Proposal proposal = proposals.lockedForUpdate(UUID.fromString(id)).orElseThrow();
            proposals.record(proposal, proposal.reviewOpened("review-1", events.id(), proposals.now()).orElseThrow(),
                    events);
            proposals.record(proposal, proposal.reviewCompleted("review-1", ReviewOutcome.CLEARED,
                    new BigDecimal("80"), "[]", events.id(), proposals.now()).orElseThrow(), events);
            StandingEndorsement.stand(proposal.id(), "US", true, proposals.now());
            StandingEndorsement.stand(proposal.id(), "EU", true, proposals.now());
            proposals.reconsiderQuorum(proposal, events);
        });
        assertStatus(id, "ENDORSED");
    }
}
