package org.msp.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.msp.infra.ProcessPlatform;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.msp.e2e.Journeys.*;

/**
 * The public consultation on the real platform (SPEC §9): the reviewer's screening opens a short window
 * (category B is 20 s in this suite, ProcessPlatform), a registered citizen and a partner officer comment,
 * one comment is answered only late, so the completion is first refused (422 listing it) and accepted
 * once the window has closed and both are answered; consultation-closed, published by the service's own
 * closing check, reaches notification-service's public timeline, filterable by its type.
 */
@Order(5) // after the story, the matrix, the hostile input and the topic check; before the outage test
class ConsultationEndToEndTest {
    private static final String REVIEWS = ProcessPlatform.REVIEWS;

    @Test
    void commentsAreTakenWhileTheWindowIsOpenAndCompletionWaitsForTheWindowAndEveryAnswer() {
        String project = submit(gbDraft());
        String review = reviewOf(project);
        awaitProjectStatus(project, "ESG_REVIEW");
        as("jp-reviewer").post(url("/reviews/" + review + "/assignment")).then().statusCode(200);
        rateAll(review, "jp-reviewer");

        Response screened = as("jp-reviewer").contentType(ContentType.JSON)
                .body(Map.of("riskCategory", "B", "summary", "Cobalt recovered from old tailings beside Kitwe."))
                .post(url("/reviews/" + review + "/screening"));
        screened.then().statusCode(200).body("state", equalTo("OPEN"));
        assertEquals(Duration.ofSeconds(20), Duration.between(OffsetDateTime.parse(screened.path("opensAt")),
                OffsetDateTime.parse(screened.path("closesAt"))), "the suite's window for category B");

        String fromCitizen = comment(review, "civil-society", Map.of("body", "Dust from the tailings reaches the school.",
                "language", "en", "itemCodes", List.of("IFC-PS4-COMMUNITY-HEALTH"),
                "onBehalfOf", "Kitwe parents' association"));
        String fromPartner = comment(review, "us-officer", Map.of("body", "Is the water balance public?", "language", "en",
                "itemCodes", List.of("IFC-PS3-WATER")));
        answer(review, fromCitizen, "ACCEPTED", "Dust suppression becomes a condition.");

        // reading needs no account; nobody's e-mail is shown
        String consultation = get(REVIEWS, "/reviews/" + review + "/consultation").then().statusCode(200)
                .body("comments", hasSize(2))
                .body("comments[0].onBehalfOf", equalTo("Kitwe parents' association"))
                .body("comments[0].answer.disposition", equalTo("ACCEPTED"))
                .body("comments[1].answer", nullValue())
                .extract().asString();
        assertFalse(consultation.contains("@"), "no e-mail address in the public consultation: " + consultation);

        // the window is open and one comment unanswered: refused, listing both
        complete(review, "B").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("consultation", "comments/" + fromPartner))
                .body("errors.field", not(hasItems("comments/" + fromCitizen)));

        // the closing check publishes consultation-closed; notification-service shows it on the timeline
        await("consultation-closed on the timeline").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(
                () -> get(ProcessPlatform.NOTIFICATIONS, "/timeline?projectIds=" + project
                        + "&eventTypes=org.msp.esg.consultation-closed.v1").jsonPath().getList("type"),
                equalTo(List.of("org.msp.esg.consultation-closed.v1")));
        get(REVIEWS, "/reviews/" + review + "/consultation").then().body("state", equalTo("CLOSED"));
        as("civil-society").contentType(ContentType.JSON).body(Map.of("body", "Too late?", "language", "en"))
                .post(url("/reviews/" + review + "/comments")).then().statusCode(409)
                .body("detail", containsString("closed"));

        // the window has closed but one comment is still unanswered
        complete(review, "B").then().statusCode(422).body("errors.field", equalTo(List.of("comments/" + fromPartner)));
        answer(review, fromPartner, "PARTIALLY_ACCEPTED", "The water balance is published with the ESIA annex.");
        complete(review, "B").then().statusCode(200).body("status", equalTo("COMPLETED"));
        awaitProjectStatus(project, "OPEN_FOR_SUPPORT");

        // every consultation event reached the timeline, once each
        List<String> types = await("the consultation's events on the timeline").atMost(WAIT).until(
                () -> get(ProcessPlatform.NOTIFICATIONS, "/timeline?projectIds=" + project).jsonPath()
                        .<String>getList("type"), list -> list.contains("org.msp.esg.review-completed.v1"));
        assertEquals(1, types.stream().filter("org.msp.esg.consultation-opened.v1"::equals).count());
        assertEquals(2, types.stream().filter("org.msp.esg.comment-received.v1"::equals).count());
        assertEquals(2, types.stream().filter("org.msp.esg.comment-answered.v1"::equals).count());
        assertEquals(1, types.stream().filter("org.msp.esg.consultation-closed.v1"::equals).count());
    }

    private static String comment(String review, String user, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post(url("/reviews/" + review + "/comments"))
                .then().statusCode(201).extract().path("id");
    }

    private static void answer(String review, String commentId, String disposition, String response) {
        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("disposition", disposition, "response", response))
                .put(url("/reviews/" + review + "/comments/" + commentId + "/response"))
                .then().statusCode(200);
    }

    private static Response complete(String review, String category) {
        return as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("riskCategory", category))
                .post(url("/reviews/" + review + "/complete"));
    }

    private static String url(String path) {
        return SharedPlatform.url(REVIEWS, path);
    }
}
