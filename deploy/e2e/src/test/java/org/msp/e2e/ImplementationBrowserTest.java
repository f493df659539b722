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
import java.util.List;
import java.util.Map;

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
        AccessibilityFindings axe = new AccessibilityFindings();
        try (Browser browser = new Browser(portal, true, "en")) {
            try {
                axe.check(browser.open(page), "public");
                browser.signIn("zm-officer");
                axe.check(browser.open(page), "host consent form");
                browser.click(By.id("consent-OBJECTED")).press("Publish the statement");
                axe.check(browser, "host consent refused");
                browser.signOut().open(page).signIn("gb-officer");
                axe.check(browser.open(page), "plan forms");
                browser.signOut().open(page).signIn("jp-reviewer");
                axe.check(browser.open(page), "verification forms");
                browser.signOut();
                axe.check(browser.open("/data"), "open data");
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        axe.assertNone();
    }

    /**
     * The open-data page lists every file of the data package, the ESG review items and today's archive, with the
     * size and hash stated.
     */
    @Test
    void theOpenDataPageListsEveryDownloadWithItsSizeAndHash() throws Exception {
        var pkg = get(ProcessPlatform.PROJECTS, "/open-data/datapackage.json").jsonPath();
        try (Browser browser = new Browser(portal, false, "en")) {
            try {
                browser.open("/").click(By.linkText("Open data"));
                assertEquals("/data", browser.path());
                String shown = browser.text();
                List<Map<String, Object>> files = pkg.getList("resources");
                assertEquals(11, files.size()); // nine CSVs, OC4IDS and IATI
                for (Map<String, Object> file : files) {
                    String path = (String) file.get("path");
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    assertTrue(shown.contains(name), name);
                    assertTrue(shown.contains(((String) file.get("hash")).substring("sha256:".length())), name + " hash");
                }
                assertTrue(shown.contains("Creative Commons Attribution 4.0"), shown);
                String href = browser.find(By.linkText("projects.csv")).getAttribute("href");
                assertTrue(href.endsWith("/api/v1/open-data/projects.csv"), href);
                // the link is the service's own download, the very bytes the package hashed
                assertTrue(io.restassured.RestAssured.given().get(href).asString().startsWith("project_id,oc4ids_id,"));
                // esg-review-service's review items are listed from its own package, and the link gives the hashed bytes
                var reviewPkg = get(ProcessPlatform.REVIEWS, "/open-data/datapackage.json").jsonPath();
                String reviewItemsHash = reviewPkg.getString("resources[0].hash").substring("sha256:".length());
                assertTrue(shown.contains("ESG due-diligence ratings") && shown.contains(reviewItemsHash), "review items");
                String reviewItems = browser.find(By.linkText("review-items.csv")).getAttribute("href");
                assertEquals(reviewItemsHash, sha256(io.restassured.RestAssured.given().get(reviewItems).asByteArray()));
                // today's archive is listed with the hash the service states, and its link gives those bytes
                var today = get(ProcessPlatform.PROJECTS, "/open-data/bulk").jsonPath();
                String sha256 = today.getString("archives[0].sha256");
                assertTrue(shown.contains(sha256), "today's archive hash");
                String zip = browser.find(By.linkText(today.getString("archives[0].file"))).getAttribute("href");
                byte[] archive = io.restassured.RestAssured.given().get(zip).asByteArray();
                assertEquals(sha256, sha256(archive));
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
    }

    static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
