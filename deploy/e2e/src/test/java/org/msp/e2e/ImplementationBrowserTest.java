package org.msp.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.msp.infra.ProcessPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.e2e.Journeys.*;

/**
 * The implementation page in a real Chromium with JavaScript off (SPEC §8, §11): anyone reads the host
 * government's word and the action plan with an overdue condition flagged; the host's officer objects
 * (a refused form first: an objection says why), the submitting officer plans the condition, the host's
 * reviewer is not offered the verification a third country's reviewer then publishes; axe-core finds no
 * violation on any of these views.
 */
@Order(6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplementationBrowserTest {
    private String portal;

    @BeforeAll
    void startPortal() {
        portal = SharedPlatform.get().startPortal();
    }

    @Test
    void theHostObjectsThePartnerPlansAndAThirdCountryReviewerVerifiesWithJavaScriptOff() {
        Map.Entry<String, String> cleared = projectWithCriticalCondition("ZM");
        String project = cleared.getKey();
        String code = cleared.getValue();
        // the partner set a date already past: the plan flags it for everyone
        as("gb-officer").contentType(ContentType.JSON).body(Map.of("responsibleParty", "Zambezi Metals Ltd",
                        "dueDate", LocalDate.now().minusDays(10).toString()))
                .put(SharedPlatform.url(ProcessPlatform.PROJECTS, "/projects/" + project + "/action-plan/" + code))
                .then().statusCode(200);
        String page = "/projects/" + project + "/implementation";
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (Browser browser = new Browser(portal, false, "en")) {
            try {
                browser.open("/projects/" + project);
                browser.click(By.linkText("Implementation: host government consent and the action plan"));
                assertEquals(page, browser.path());
                String shown = browser.text();
                assertTrue(shown.contains("The host government (ZM) has not stated its consent yet."), shown);
                assertTrue(shown.contains("Conditions: 1. Overdue: 1. Critical and not yet verified as met: 1."), shown);
                assertTrue(browser.find(By.cssSelector("tr.overdue")).getText().contains(code), shown);
                assertTrue(browser.find(By.cssSelector("tr.overdue")).getText().contains("Overdue"), shown);

                // --- the host government objects: without a reason the form is refused beside the field
                browser.signIn("zm-officer").open(page);
                browser.click(By.id("consent-OBJECTED")).press("Publish the statement");
                assertTrue(browser.find(By.id("error-reason")).isDisplayed(), browser.text());
                browser.click(By.id("consent-OBJECTED"))
                        .fill("field-reason", "No agreement with the resettled households yet.")
                        .press("Publish the statement");
                assertTrue(browser.text().contains("The host government (ZM) objects to this project."), browser.text());
                assertTrue(browser.text().contains("No agreement with the resettled households yet."));
                browser.signOut();

                // --- the submitting officer names who answers for the condition
                browser.open(page).signIn("gb-officer");
                browser.open(page).fill("plan0-responsibleParty", "Ministry of Mines and Zambezi Metals Ltd")
                        .press("Save the plan for " + code);
                assertTrue(browser.text().contains("The action plan is updated."), browser.text());
                assertTrue(browser.text().contains("Ministry of Mines and Zambezi Metals Ltd"));
                browser.signOut();

                // --- the host's reviewer is not offered the verification; a third country's reviewer publishes it
                browser.open(page).signIn("zm-reviewer");
                assertTrue(browser.open(page).all(By.id("verify-" + code)).isEmpty(), "no form for the host's reviewer");
                browser.signOut();
                browser.open(page).signIn("jp-reviewer");
                browser.open(page);
                new Select(browser.find(By.id("verify0-status"))).selectByValue("PARTIALLY_MET");
                browser.fill("verify0-note", "Half of the households resettled; compensation paid.")
                        .press("Publish the verification of " + code);
                assertTrue(browser.text().contains("Partially met — verified by a reviewer from JP"), browser.text());
                browser.screenshot("implementation");
                browser.signOut();
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        get(ProcessPlatform.PROJECTS, "/projects/" + project).then().body("hostConsent.consent", equalTo("OBJECTED"));
        get(ProcessPlatform.PROJECTS, "/projects/" + project + "/action-plan").then()
                .body("items[0].status", equalTo("PARTIALLY_MET")).body("items[0].verifiedBy", equalTo("JP"))
                .body("items[0].responsibleParty", equalTo("Ministry of Mines and Zambezi Metals Ltd"));

        // --- axe-core (it needs JavaScript) on every view: public, each role's forms, a refused form
        try (Browser browser = new Browser(portal, true, "en")) {
            try {
                check(browser.open(page), "public", violations);
                browser.signIn("zm-officer");
                check(browser.open(page), "host consent form", violations);
                browser.click(By.id("consent-OBJECTED")).press("Publish the statement");
                check(browser, "host consent refused", violations);
                browser.signOut().open(page).signIn("gb-officer");
                check(browser.open(page), "plan forms", violations);
                browser.signOut().open(page).signIn("jp-reviewer");
                check(browser.open(page), "verification forms", violations);
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        assertEquals(Map.of(), violations.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static void check(Browser browser, String name, Map<String, List<String>> violations) {
        violations.put(name, new ArrayList<>(browser.accessibilityViolations()));
    }
}
