package org.msp.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.msp.infra.ProcessPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.e2e.Journeys.*;

/**
 * The public consultation in a real Chromium with JavaScript off (SPEC §8, §9): the assigned reviewer
 * screens the project in the portal, a registered civil-society user comments (a refused form first, then
 * a published comment), the reviewer answers it, the secretariat hides it with a reason, and an anonymous
 * visitor reads all of it; axe-core finds no violation on any of these pages.
 */
@Order(6) // after the API suites; category A's window (minutes in this suite) stays open throughout
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationBrowserTest {
    private String portal;

    @BeforeAll
    void startPortal() {
        portal = SharedPlatform.get().startPortal();
    }

    @Test
    void aCitizenCommentsTheReviewerAnswersAndEveryoneReadsItWithJavaScriptOff() {
        String project = submit(gbDraft());
        String review = reviewOf(project);
        awaitProjectStatus(project, "ESG_REVIEW");
        as("jp-reviewer").post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/assignment"))
                .then().statusCode(200);
        String page = "/projects/" + project + "/consultation";
        try (Browser browser = new Browser(portal, false, "en")) {
            try {
                // --- the project page links to the consultation, which is not open yet
                browser.open("/projects/" + project);
                browser.click(By.linkText("Public consultation: the screening, comments and the reviewer's answers"));
                assertEquals(page, browser.path());
                assertTrue(browser.text().contains("Not open yet"), browser.text());

                // --- the assigned reviewer screens the project: the window opens
                browser.signIn("jp-reviewer").open(page);
                browser.click(By.id("screen-A"))
                        .fill("field-summary", "Re-processing of legacy tailings beside the Kafue river; dust and water are the main risks.")
                        .press("Open the consultation");
                assertTrue(browser.text().contains("The project is screened"), browser.text());
                assertTrue(browser.text().contains("Open: comments are taken now."), browser.text());
                browser.signOut();

                // --- a registered citizen comments: an empty comment is refused beside its field, then published
                browser.open(page).signIn("civil-society");
                browser.open(page).press("Publish the comment");
                assertTrue(browser.find(By.id("error-body")).isDisplayed(), "the error is beside the comment field");
                assertTrue(browser.find(By.id("problem")).getText().contains("Your comment"), browser.text());
                browser.fill("field-body", "Dust from the tailings already reaches the Chilanga school.")
                        .fill("field-onBehalfOf", "Chilanga parents' association")
                        .click(By.id("item-IFC-PS3-POLLUTION"))
                        .press("Publish the comment");
                assertTrue(browser.text().contains("Your comment is published"), browser.text());
                assertTrue(browser.text().contains("Dust from the tailings already reaches the Chilanga school."));
                assertTrue(browser.text().contains("Comment 1 by civil-society"), browser.text());
                assertTrue(browser.text().contains("on behalf of Chilanga parents' association"));
                browser.signOut();

                // --- the reviewer answers it
                String comment = get(ProcessPlatform.REVIEWS, "/reviews/" + review + "/consultation").path("comments[0].id");
                browser.open(page).signIn("jp-reviewer");
                browser.open(page);
                new Select(browser.find(By.id("disposition-" + comment))).selectByValue("PARTIALLY_ACCEPTED");
                browser.fill("response-" + comment, "Dust suppression on the haul road becomes a condition of the review.")
                        .press("Publish the answer to comment 1");
                assertTrue(browser.text().contains("Your answer is published"), browser.text());
                assertTrue(browser.text().contains("The reviewer's answer: Partially accepted"), browser.text());
                browser.signOut();

                // --- anyone reads the comment and its answer, without an account and without any e-mail address
                browser.open(page);
                String shown = browser.text();
                assertTrue(shown.contains("Dust suppression on the haul road becomes a condition of the review."), shown);
                assertTrue(shown.contains("Sign in to comment"), shown);
                assertFalse(browser.driver().getPageSource().contains("@"), "no e-mail address on the public page");
                browser.screenshot("consultation");

                // --- the secretariat hides it: the reason is shown, the text is not
                browser.signIn("secretariat").open(page);
                browser.fill("reason-" + comment, "Names a private person.").press("Hide comment 1");
                assertTrue(browser.text().contains("Hidden by the secretariat"), browser.text());
                assertTrue(browser.text().contains("Reason: Names a private person."));
                assertFalse(browser.text().contains("Chilanga school"), "the hidden text is withheld");
                browser.signOut();
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        // the comment and the answer reached the service as the citizen and the reviewer wrote them
        get(ProcessPlatform.REVIEWS, "/reviews/" + review + "/consultation").then()
                .body("comments[0].itemCodes", org.hamcrest.Matchers.equalTo(List.of("IFC-PS3-POLLUTION")))
                .body("comments[0].answer.disposition", org.hamcrest.Matchers.equalTo("PARTIALLY_ACCEPTED"))
                .body("comments[0].hidden", org.hamcrest.Matchers.equalTo(true));
    }

    /**
     * Anyone may register on Keycloak's sign-in page and comment at once: the demo realm gives every new
     * account the civil-society role. What is published is the chosen user name, never the e-mail address.
     */
    @Test
    void someoneWhoRegistersOnTheSignInPageCommentsAtOnce() {
        String project = submit(gbDraft());
        String review = reviewOf(project);
        as("jp-reviewer").post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/assignment"))
                .then().statusCode(200);
        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("riskCategory", "A", "summary", "Open pit, river."))
                .post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/screening")).then().statusCode(200);
        String user = "amara-" + shortId().toLowerCase();
        String page = "/projects/" + project + "/consultation";
        try (Browser browser = new Browser(portal, false, "en")) {
            try {
                browser.open(page).click(By.cssSelector(".account a"));
                var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30));
                wait.until(d -> !d.findElements(By.id("username")).isEmpty());
                browser.click(By.partialLinkText("Register"));
                wait.until(d -> !d.findElements(By.id("password-confirm")).isEmpty());
                browser.fill("username", user).fill("email", user + "@example.org").fill("firstName", "Amara")
                        .fill("lastName", "Banda").fill("password", "Registered-pw-2026")
                        .fill("password-confirm", "Registered-pw-2026");
                browser.click(By.xpath("//form//*[@type='submit']"));
                wait.until(d -> d.getCurrentUrl().startsWith(portal));
                browser.open(page);
                browser.fill("field-body", "Will the pit lake be fenced?").press("Publish the comment");
                assertTrue(browser.text().contains("Your comment is published"), browser.text());
                assertTrue(browser.text().contains("Comment 1 by " + user), browser.text());
                assertFalse(browser.driver().getPageSource().contains("example.org"), "the e-mail address is never shown");
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        get(ProcessPlatform.REVIEWS, "/reviews/" + review + "/consultation").then()
                .body("comments[0].authorName", org.hamcrest.Matchers.equalTo(user))
                .body("comments[0].authorRole", org.hamcrest.Matchers.equalTo("civil-society"));
    }

    /**
     * axe-core (which needs JavaScript, so in a browser that runs it) on every view of the consultation page:
     * the reviewer's screening form, the public page with comments and answers, the comment form and its
     * errors, the reviewer's answer forms and the secretariat's hide forms.
     */
    @Test
    void everyViewOfTheConsultationPageHasNoAccessibilityViolations() {
        String screenable = submit(gbDraft());
        String screenableReview = reviewOf(screenable);
        String consulted = submit(gbDraft());
        String review = reviewOf(consulted);
        for (String r : List.of(screenableReview, review)) {
            as("jp-reviewer").post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + r + "/assignment"))
                    .then().statusCode(200);
        }
        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("riskCategory", "A", "summary", "Water and dust."))
                .post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/screening")).then().statusCode(200);
        for (String text : List.of("Who monitors the river?", "And the school?")) {
            as("civil-society").contentType(ContentType.JSON).body(Map.of("body", text, "language", "en"))
                    .post(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/comments"))
                    .then().statusCode(201);
        }
        String first = get(ProcessPlatform.REVIEWS, "/reviews/" + review + "/consultation").path("comments[0].id");
        as("jp-reviewer").contentType(ContentType.JSON).body(Map.of("disposition", "ACCEPTED", "response", "Yes."))
                .put(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/comments/" + first + "/response"))
                .then().statusCode(200);
        as("secretariat").contentType(ContentType.JSON).body(Map.of("reason", "Off topic."))
                .put(SharedPlatform.url(ProcessPlatform.REVIEWS, "/reviews/" + review + "/comments/"
                        + get(ProcessPlatform.REVIEWS, "/reviews/" + review + "/consultation").path("comments[1].id")
                        + "/moderation")).then().statusCode(200);
        String page = "/projects/" + consulted + "/consultation";
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (Browser browser = new Browser(portal, true, "en")) {
            try {
                browser.open("/projects/" + screenable + "/consultation").audit("not opened yet", violations);
                browser.open(page).audit("public, with an answer and a hidden comment", violations);
                browser.signIn("jp-reviewer");
                browser.open("/projects/" + screenable + "/consultation").audit("screening form", violations);
                browser.open(page).audit("answer forms", violations);
                browser.signOut().open(page).signIn("civil-society");
                browser.open(page).audit("comment form", violations);
                browser.press("Publish the comment");
                browser.audit("comment form with errors", violations);
                browser.signOut().open(page).signIn("secretariat");
                browser.open(page).audit("hide forms", violations);
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        assertEquals(Map.of(), Browser.withViolations(violations));
    }
}
