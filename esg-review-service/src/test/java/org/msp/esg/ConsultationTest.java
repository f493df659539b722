package org.msp.esg;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.msp.esg.domain.CommentDisposition;
import org.msp.esg.domain.Commenter;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.domain.RiskCategory;
import org.msp.esg.service.ConsultationService;
import org.msp.esg.service.ReviewService;
import org.msp.events.EventSamples.Facts;
import org.msp.infra.testing.PlatformTestResource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public consultation (SPEC §9): screening opens a window whose length follows the risk category,
 * registered civil society and partner officers comment while it is open, the reviewer answers, the
 * secretariat hides, and completion waits for the window and the answers. The other actors act through
 * the services, the one under test over HTTP with its own token.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsultationTest {
    private static final Reviewer JP = new Reviewer("jp-reviewer", "JP");
    private static final Commenter AMARA = new Commenter("amara-subject", "amara", "civil-society");

    @Inject
    ReviewService reviews;
    @Inject
    ConsultationService consultations;
    @Inject
    MovableClock clock;

    /** A ZM/GB review assigned to the JP reviewer, every item rated MEETS. */
    private String ratedReview(Facts project) {
        String reviewId = TestReviews.open(reviews, project);
        reviews.assign(UUID.fromString(reviewId), JP, "secretariat-user");
        TestReviews.rateAll(reviews, reviewId, JP, Map.of());
        return reviewId;
    }

    private String screenedReview(RiskCategory category) {
        String reviewId = ratedReview(TestReviews.facts("ZM", "GB"));
        consultations.screen(UUID.fromString(reviewId), category, "Tailings next to two villages.", JP);
        return reviewId;
    }

    private static ValidatableResponse postComment(String reviewId, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/reviews/{id}/comments", reviewId).then();
    }

    private static final String GOOD_COMMENT = """
            {"body": "Le plan de réinstallation ignore le village de Chibuluma.", "language": "fr",
             "itemCodes": ["IFC-PS5-RESETTLEMENT"], "onBehalfOf": "Chibuluma residents' association"}""";

    private static ValidatableResponse consultation(String reviewId) {
        return given().when().get("/api/v1/reviews/{id}/consultation", reviewId).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "amara", roles = "civil-society")
    void aRegisteredCitizenCommentsWhileTheWindowIsOpenAndEveryoneReadsIt() {
        String reviewId = screenedReview(RiskCategory.B);
        String commentId = postComment(reviewId, GOOD_COMMENT).statusCode(201)
                .body("authorName", equalTo("amara"))
                .body("authorRole", equalTo("civil-society"))
                .body("onBehalfOf", equalTo("Chibuluma residents' association"))
                .extract().path("id");

        String json = consultation(reviewId)
                .body("state", equalTo("OPEN"))
                .body("riskCategory", equalTo("B"))
                .body("summary", equalTo("Tailings next to two villages."))
                .body("comments", hasSize(1))
                .body("comments[0].id", equalTo(commentId))
                .body("comments[0].number", equalTo(1))
                .body("comments[0].body", startsWith("Le plan de réinstallation"))
                .body("comments[0].language", equalTo("fr"))
                .body("comments[0].itemCodes", equalTo(List.of("IFC-PS5-RESETTLEMENT")))
                .body("comments[0].hidden", equalTo(false))
                .body("comments[0].answer", nullValue())
                .extract().asString();
        JsonNode view = TestReviews.parse(json);
        // category B: 30 days (the default), from the screening on
        assertEquals(Duration.ofDays(30), Duration.between(OffsetDateTime.parse(view.get("opensAt").asText()),
                OffsetDateTime.parse(view.get("closesAt").asText())));
        assertFalse(json.contains("amara-subject") || json.contains("authorSubject"), "no account data: " + json);
        // the history says a comment arrived and under which name, not whose account wrote it
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then().statusCode(200)
                .body("find { it.action == 'COMMENTED' }.actor", nullValue())
                .body("find { it.action == 'COMMENTED' }.detail", containsString("by amara"));

        String projectId = TestReviews.projectOf(reviewId);
        List<JsonNode> received = TestReviews.eventsOf("msp.esg-reviews", projectId,
                "org.msp.esg.comment-received.v1", 1);
        assertEquals(1, received.size());
        JsonNode data = received.get(0).get("data");
        assertEquals(commentId, data.get("commentId").asText());
        assertEquals("[\"IFC-PS5-RESETTLEMENT\"]", data.get("itemCodes").toString());
        assertEquals("fr", data.get("language").asText());
        assertFalse(received.get(0).toString().contains("Chibuluma"), "the event carries no text of the comment");
        assertFalse(received.get(0).toString().contains("amara"), "the event carries no commenter");
    }

    @Test
    @TestSecurity(user = "amara@example.org", roles = "civil-society")
    void anEmailAddressUsedAsUserNameIsNeverPublished() {
        String reviewId = screenedReview(RiskCategory.C);
        postComment(reviewId, GOOD_COMMENT).statusCode(201).body("authorName", equalTo("registered user"));
        String json = consultation(reviewId).extract().asString();
        assertFalse(json.contains("example.org"), json);
    }

    @Test
    @TestSecurity(user = "fr-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "FR"))
    void aPartnerOfficerCommentsToo() {
        String reviewId = screenedReview(RiskCategory.A);
        postComment(reviewId, """
                {"body": "Please publish the water balance.", "language": "en", "itemCodes": []}""")
                .statusCode(201).body("authorRole", equalTo("partner-government")).body("itemCodes", empty());
        JsonNode view = TestReviews.parse(consultation(reviewId).extract().asString());
        assertEquals(Duration.ofDays(60), Duration.between(OffsetDateTime.parse(view.get("opensAt").asText()),
                OffsetDateTime.parse(view.get("closesAt").asText())), "category A: 60 days");
    }

    @Test
    @TestSecurity(user = "amara", roles = "civil-society")
    void commentsAreRefusedOutsideTheWindowAndBadOnesNameTheirFieldAndNothingIsKept() {
        String notScreened = ratedReview(TestReviews.facts("ZM", "GB"));
        postComment(notScreened, GOOD_COMMENT).statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("no public consultation"));

        String reviewId = screenedReview(RiskCategory.C);
        postComment(reviewId, """
                {"body": "x", "language": "fr", "itemCodes": ["NO-SUCH-ITEM"]}""").statusCode(400)
                .body("errors[0].field", equalTo("itemCodes"))
                .body("errors[0].message", containsString("NO-SUCH-ITEM"));
        postComment(reviewId, """
                {"body": "x", "language": "French"}""").statusCode(400).body("errors[0].field", equalTo("language"));
        postComment(reviewId, """
                {"language": "fr"}""").statusCode(400).body("errors[0].field", equalTo("body"));
        postComment(reviewId, """
                {"body": "x", "language": "fr", "author": "someone else"}""").statusCode(400)
                .body("errors[0].field", equalTo("author"));
        postComment(reviewId, "{\"body\": \"" + "x".repeat(4001) + "\", \"language\": \"fr\"}").statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body(GOOD_COMMENT)
                .when().post("/api/v1/reviews/{id}/comments", UUID.randomUUID()).then().statusCode(404);

        clock.advance(Duration.ofDays(15)); // category C: 14 days
        postComment(reviewId, GOOD_COMMENT).statusCode(409).body("detail", containsString("closed"));
        consultation(reviewId).body("state", equalTo("CLOSED")).body("comments", empty());
    }

    @Test
    @TestSecurity(user = "jp-reviewer", roles = {"esg-reviewer", "civil-society"})
    @OidcSecurity(claims = @Claim(key = "country", value = "JP"))
    void theAssignedReviewerCannotCommentOnItsOwnReview() {
        String reviewId = screenedReview(RiskCategory.B);
        postComment(reviewId, GOOD_COMMENT).statusCode(403).body("detail", containsString("assigned reviewer"));
        consultation(reviewId).body("comments", empty());
    }

    @Test
    void readingNeedsNoAccountButCommentingDoes() {
        String reviewId = screenedReview(RiskCategory.B);
        consultation(reviewId).body("state", equalTo("OPEN"));
        postComment(reviewId, GOOD_COMMENT).statusCode(401);
        given().contentType(ContentType.JSON).body("{\"reason\": \"x\"}")
                .when().put("/api/v1/reviews/{id}/comments/{cid}/moderation", reviewId, UUID.randomUUID())
                .then().statusCode(401);
        given().when().get("/api/v1/reviews/{id}/consultation", UUID.randomUUID()).then().statusCode(404);
        // a review never screened has no consultation yet
        consultation(ratedReview(TestReviews.facts("ZM", "GB"))).body("state", equalTo("NOT_OPENED"))
                .body("closesAt", nullValue());
    }

    @Test
    @TestSecurity(user = "jp-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "JP"))
    void theReviewerScreensAnswersAndCompletesOnlyOnceTheWindowClosedAndEveryCommentIsAnswered() {
        Facts project = TestReviews.facts("ZM", "GB");
        String reviewId = ratedReview(project);
        String projectId = project.projectId().toString();
        given().contentType(ContentType.JSON).body("{\"riskCategory\": \"B\", \"summary\": \"Cobalt from tailings.\"}")
                .when().post("/api/v1/reviews/{id}/screening", reviewId).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("riskCategory", equalTo("B"));
        given().contentType(ContentType.JSON).body("{\"riskCategory\": \"A\", \"summary\": \"again\"}")
                .when().post("/api/v1/reviews/{id}/screening", reviewId).then().statusCode(409);
        given().when().get("/api/v1/reviews/{id}", reviewId).then()
                .body("screening.riskCategory", equalTo("B")).body("screening.summary", equalTo("Cobalt from tailings."));

        UUID first = consultations.comment(UUID.fromString(reviewId), AMARA, "Water first.", "en",
                List.of("IFC-PS3-WATER"), null).id;
        UUID second = consultations.comment(UUID.fromString(reviewId), AMARA, "And the school?", "en", List.of(),
                null).id;
        String answerUrl = "/api/v1/reviews/{id}/comments/{cid}/response";
        given().contentType(ContentType.JSON).body("{\"disposition\": \"ACCEPTED\", \"response\": \"Made a condition.\"}")
                .when().put(answerUrl, reviewId, first).then().statusCode(200)
                .body("answer.disposition", equalTo("ACCEPTED")).body("answer.response", equalTo("Made a condition."));
        given().contentType(ContentType.JSON).body("{\"disposition\": \"MAYBE\", \"response\": \"x\"}")
                .when().put(answerUrl, reviewId, second).then().statusCode(400)
                .body("errors[0].field", equalTo("disposition"));
        given().contentType(ContentType.JSON).body("{\"disposition\": \"ACCEPTED\", \"response\": \"x\"}")
                .when().put(answerUrl, reviewId, UUID.randomUUID()).then().statusCode(404);

        // the window is open and one comment is unanswered: both listed
        complete(reviewId, "{\"riskCategory\": \"B\"}").statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("consultation", "comments/" + second))
                .body("errors.field", not(hasItem("comments/" + first)));

        clock.advance(Duration.ofDays(31));
        complete(reviewId, "{\"riskCategory\": \"B\"}").statusCode(422)
                .body("errors.field", equalTo(List.of("comments/" + second)));
        // answers may come after the window closed
        given().contentType(ContentType.JSON)
                .body("{\"disposition\": \"OUT_OF_SCOPE\", \"response\": \"A matter for the ministry.\"}")
                .when().put(answerUrl, reviewId, second).then().statusCode(200);
        // a category other than the screening's needs a published reason
        complete(reviewId, "{\"riskCategory\": \"A\"}").statusCode(422)
                .body("errors.field", equalTo(List.of("categoryChangeReason")));
        complete(reviewId, "{\"riskCategory\": \"A\", \"categoryChangeReason\": \"The comments showed a second village.\"}")
                .statusCode(200).body("status", equalTo("COMPLETED")).body("riskCategory", equalTo("A"))
                .body("categoryChangeReason", equalTo("The comments showed a second village."));
        given().contentType(ContentType.JSON).body("{\"disposition\": \"ACCEPTED\", \"response\": \"late\"}")
                .when().put(answerUrl, reviewId, second).then().statusCode(409);

        consultation(reviewId).body("state", equalTo("CLOSED"))
                .body("comments.answer.disposition", equalTo(List.of("ACCEPTED", "OUT_OF_SCOPE")));
        // consultation-closed (once) precedes review-completed on the project's partition
        List<JsonNode> closed = TestReviews.eventsOf("msp.esg-reviews", projectId,
                "org.msp.esg.consultation-closed.v1", 1);
        assertEquals(1, closed.size());
        assertEquals(2, closed.get(0).get("data").get("comments").asInt());
        List<JsonNode> answered = TestReviews.eventsOf("msp.esg-reviews", projectId,
                "org.msp.esg.comment-answered.v1", 2);
        assertEquals(List.of("ACCEPTED", "OUT_OF_SCOPE"),
                answered.stream().map(e -> e.get("data").get("disposition").asText()).toList());
        List<JsonNode> opened = TestReviews.eventsOf("msp.esg-reviews", projectId,
                "org.msp.esg.consultation-opened.v1", 1);
        assertEquals("B", opened.get(0).get("data").get("riskCategory").asText());
        TestReviews.assertFacts(opened.get(0).get("data"), project);
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then()
                .body("action", hasItems("SCREENED", "COMMENTED", "ANSWERED", "CONSULTATION_CLOSED", "COMPLETED"));
    }

    @Test
    @TestSecurity(user = "jp-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "JP"))
    void aReviewNeverScreenedCompletesAsBeforeAndCannotBeScreenedOnceCompleted() {
        String reviewId = ratedReview(TestReviews.facts("ZM", "GB"));
        complete(reviewId, "{\"riskCategory\": \"C\"}").statusCode(200).body("screening", nullValue());
        given().contentType(ContentType.JSON).body("{\"riskCategory\": \"C\", \"summary\": \"late\"}")
                .when().post("/api/v1/reviews/{id}/screening", reviewId).then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"riskCategory\": \"Z\", \"summary\": \"\"}")
                .when().post("/api/v1/reviews/{id}/screening", reviewId).then().statusCode(400)
                .body("errors.field", hasItems("riskCategory"));
    }

    @Test
    @TestSecurity(user = "kr-reviewer", roles = "esg-reviewer")
    @OidcSecurity(claims = @Claim(key = "country", value = "KR"))
    void onlyTheAssignedReviewerScreensAndAnswers() {
        String reviewId = screenedReview(RiskCategory.B);
        UUID comment = consultations.comment(UUID.fromString(reviewId), AMARA, "Water.", "en", List.of(), null).id;
        String other = ratedReview(TestReviews.facts("ZM", "GB"));
        given().contentType(ContentType.JSON).body("{\"riskCategory\": \"B\", \"summary\": \"mine\"}")
                .when().post("/api/v1/reviews/{id}/screening", other).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"disposition\": \"ACCEPTED\", \"response\": \"x\"}")
                .when().put("/api/v1/reviews/{id}/comments/{cid}/response", reviewId, comment).then().statusCode(403);
        consultation(reviewId).body("comments[0].answer", nullValue());
        consultation(other).body("state", equalTo("NOT_OPENED"));
    }

    @Test
    @TestSecurity(user = "secretariat-user", roles = "secretariat")
    void theSecretariatHidesACommentWhichStaysOnRecordWithItsReasonAndNoLongerHoldsUpCompletion() {
        String reviewId = screenedReview(RiskCategory.C);
        UUID abusive = consultations.comment(UUID.fromString(reviewId), AMARA, "Insults about a named person.", "en",
                List.of(), null).id;
        String url = "/api/v1/reviews/{id}/comments/{cid}/moderation";
        given().contentType(ContentType.JSON).body("{\"reason\": \"\"}")
                .when().put(url, reviewId, abusive).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\": \"Personal attack on a named person.\"}")
                .when().put(url, reviewId, abusive).then().statusCode(200)
                .body("hidden", equalTo(true)).body("body", nullValue());
        given().contentType(ContentType.JSON).body("{\"reason\": \"again\"}")
                .when().put(url, reviewId, abusive).then().statusCode(409);

        String json = consultation(reviewId)
                .body("comments", hasSize(1))
                .body("comments[0].hidden", equalTo(true))
                .body("comments[0].hiddenReason", equalTo("Personal attack on a named person."))
                .body("comments[0].hiddenAt", not(nullValue()))
                .body("comments[0].body", nullValue())
                .extract().asString();
        assertFalse(json.contains("Insults"), json);
        given().when().get("/api/v1/reviews/{id}/history", reviewId).then()
                .body("find { it.action == 'HIDDEN' }.detail", containsString("Personal attack on a named person."));

        // the hidden comment needs no answer: once the window ends the reviewer may complete
        clock.advance(Duration.ofDays(15));
        reviews.complete(UUID.fromString(reviewId), RiskCategory.C, JP);
        given().when().get("/api/v1/reviews/{id}", reviewId).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void anEndedWindowIsClosedOnceWhateverHowManyTimesTheCheckRuns() {
        Facts project = TestReviews.facts("ZM", "GB");
        String reviewId = ratedReview(project);
        consultations.screen(UUID.fromString(reviewId), RiskCategory.C, "Small recycling plant.", JP);
        UUID comment = consultations.comment(UUID.fromString(reviewId), AMARA, "Noise at night.", "en", List.of(),
                null).id;
        consultations.answer(UUID.fromString(reviewId), comment, CommentDisposition.ACCEPTED, "Night shifts dropped.",
                JP);
        clock.advance(Duration.ofDays(14).plusMinutes(1));
        consultations.closeEndedWindows();
        consultations.closeEndedWindows();
        consultation(reviewId).body("state", equalTo("CLOSED")).body("closedAt", not(nullValue()));
        String projectId = project.projectId().toString();
        List<JsonNode> closed = TestReviews.eventsOf("msp.esg-reviews", projectId,
                "org.msp.esg.consultation-closed.v1", 1);
        assertEquals(1, closed.size(), "one consultation-closed");
        JsonNode data = closed.get(0).get("data");
        assertEquals(1, data.get("comments").asInt());
        assertEquals(0, data.get("hiddenComments").asInt());
        TestReviews.assertFacts(data, project);
        // the completion does not close it again
        reviews.complete(UUID.fromString(reviewId), RiskCategory.C, JP);
        TestReviews.eventsOf("msp.esg-reviews", projectId, "org.msp.esg.review-completed.v1", 1);
        assertEquals(1, TestReviews.eventsOf("msp.esg-reviews", projectId, "org.msp.esg.consultation-closed.v1", 1)
                .size());
        assertTrue(given().when().get("/api/v1/reviews/{id}/history", reviewId).then().extract()
                .<List<String>>path("action").stream().filter("CONSULTATION_CLOSED"::equals).count() == 1);
    }

    @Test
    void twoInstancesClosingAtTheSameTimeCloseEachWindowOnce() throws Exception {
        List<Facts> projects = List.of(TestReviews.facts("ZM", "GB"), TestReviews.facts("CD", "FR"),
                TestReviews.facts("MN", "KR"));
        List<String> reviewIds = new java.util.ArrayList<>();
        for (Facts project : projects) {
            String reviewId = ratedReview(project);
            consultations.screen(UUID.fromString(reviewId), RiskCategory.C, "Recycling plant.", JP);
            reviewIds.add(reviewId);
        }
        clock.advance(Duration.ofDays(15));
        // two closing passes side by side, as two instances' schedulers on one database would run them
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> passes = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                passes.add(pool.submit(() -> {
                    start.await();
                    return consultations.closeEndedWindows();
                }));
            }
            start.countDown();
            for (var pass : passes) {
                pass.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < projects.size(); i++) {
            String projectId = projects.get(i).projectId().toString();
            consultation(reviewIds.get(i)).body("state", equalTo("CLOSED")).body("closedAt", not(nullValue()));
            assertEquals(1, TestReviews.eventsOf("msp.esg-reviews", projectId, "org.msp.esg.consultation-closed.v1", 1)
                    .size(), "one consultation-closed for " + projectId);
            assertEquals(1L, given().when().get("/api/v1/reviews/{id}/history", reviewIds.get(i)).then().extract()
                    .<List<String>>path("action").stream().filter("CONSULTATION_CLOSED"::equals).count());
        }
    }

    private static ValidatableResponse complete(String reviewId, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/reviews/{id}/complete", reviewId).then();
    }
}
