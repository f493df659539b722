package org.msp.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.msp.infra.ProcessPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.e2e.Journeys.*;

/**
 * The partnerships registry in a real Chromium (SPEC §8, §11): anyone reads the seeded partnerships and the
 * disclosure scorecard (an SVG chart with the same numbers in a table); the secretariat adds a partnership
 * (a refused form first) and an overdue milestone; the submitting officer names the partnership on the
 * project's page, and the partnership's page lists the project. All with JavaScript off; then axe-core on
 * every view of these pages.
 */
@Order(7)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipBrowserTest {
    static final String MSP = "a5e0d000-0000-4000-8000-000000000001";
    static final String UK_US = "a5e0d000-0000-4000-8000-000000000002";
    static final String UK_INDIA = "a5e0d000-0000-4000-8000-000000000004";
    private String portal;

    @BeforeAll
    void startPortal() {
        portal = SharedPlatform.get().startPortal();
    }

    @Test
    void theSecretariatRecordsAPartnershipAndTheOfficerProposesAProjectUnderItWithJavaScriptOff() {
        String project = submit(gbDraft());
        awaitKnownToPartnerService(project);
        String name = "Zambia–UK critical minerals MOU " + shortId();
        try (Browser browser = new Browser(portal, false, "en")) {
            try {
                // --- anyone: the list, the scorecard as a chart and as a table, the seeded facts
                browser.open("/");
                browser.click(By.linkText("Partnerships"));
                assertEquals("Partnerships", browser.heading());
                assertTrue(browser.find(By.cssSelector("svg[role='img'] title")).getAttribute("textContent")
                        .contains("Partnerships by year and disclosure level"));
                String table = browser.find(By.xpath("//table[caption='Number of partnerships by year and disclosure level']")).getText();
                assertTrue(table.contains("2022") && table.contains("Not stated"), table);
                browser.screenshot("partnerships");
                browser.click(By.linkText("Minerals Security Partnership"));
                String msp = browser.text();
                assertTrue(msp.contains("Announcement only"), msp);
                assertTrue(msp.contains("seeds/002_a44bfd808c694c67.txt"), msp);
                assertTrue(msp.contains("Norway") && msp.contains("European Union"), msp);
                assertTrue(msp.contains("Chain intact"), msp);
                browser.open("/partnerships/" + UK_INDIA);
                assertTrue(browser.text().contains("Not in the partner registry"), browser.text());
                browser.open("/partnerships/" + UK_US);
                assertTrue(browser.text().contains("Washington DC"), browser.text());
                assertTrue(browser.text().contains("Not stated by the source"), browser.text());

                // --- the secretariat adds a partnership: a wrong party code is refused beside its field
                browser.open("/partnerships").signIn("secretariat").open("/partnerships");
                browser.fill("field-name", name).fill("field-parties", "ZM, XX")
                        .fill("field-source.reference", "Browser test fixture")
                        .fill("field-announced", "2025-03");
                new Select(browser.find(By.id("field-kind"))).selectByValue("MEMORANDUM_OF_UNDERSTANDING");
                browser.press("Add a partnership");
                assertTrue(browser.find(By.id("error-parties")).isDisplayed(), "the error is beside the parties field");
                assertTrue(browser.find(By.id("problem")).getText().contains("Parties"), browser.text());
                assertEquals(name, browser.find(By.id("field-name")).getAttribute("value"), "what was typed is kept");
                browser.fill("field-parties", "ZM, GB").press("Add a partnership");
                assertTrue(browser.text().contains("The partnership is added"), browser.text());
                assertEquals(name, browser.heading());
                String partnership = browser.path().substring("/partnerships/".length());

                // --- ... and a milestone already past its due date: flagged overdue, in words
                browser.fill("field-title", "Joint working group convened").fill("field-dueOn", "2025-06-30");
                new Select(browser.find(By.id("field-status"))).selectByValue("IN_PROGRESS");
                browser.press("Add a milestone");
                assertTrue(browser.text().contains("The milestone is added"), browser.text());
                assertTrue(browser.find(By.cssSelector("tr.overdue")).getText().contains("Overdue"), browser.text());
                browser.signOut();

                // --- the submitting officer names it on the project's page
                browser.open("/projects/" + project).signIn("gb-officer").open("/projects/" + project);
                assertTrue(browser.text().contains("No partnership named"), browser.text());
                new Select(browser.find(By.id("field-partnershipId"))).selectByVisibleText(name);
                browser.press("Record the partnership");
                assertTrue(browser.text().contains("The partnership the project is proposed under is recorded"),
                        browser.text());
                browser.click(By.linkText(name));
                assertEquals(name, browser.heading());
                assertTrue(browser.text().contains("Projects proposed under it"), browser.text());
                assertFalse(browser.all(By.cssSelector("a[href='/projects/" + project + "']")).isEmpty(),
                        "the partnership's page links the project");
                browser.screenshot("partnership");
                browser.signOut();

                // --- another partner's officer sees it, but has no form to change it
                browser.open("/projects/" + project).signIn("us-officer").open("/projects/" + project);
                assertTrue(browser.text().contains("Proposed under"), browser.text());
                assertTrue(browser.all(By.id("field-partnershipId")).isEmpty(), "no naming form for another partner");
                browser.signOut();
                get(ProcessPlatform.PARTNERS, "/projects/" + project + "/partnership").then()
                        .body("partnership.id", org.hamcrest.Matchers.equalTo(partnership));
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
    }

    @Test
    void everyViewOfThePartnershipPagesHasNoAccessibilityViolations() {
        String project = submit(gbDraft());
        awaitKnownToPartnerService(project);
        AccessibilityFindings axe = new AccessibilityFindings();
        try (Browser browser = new Browser(portal, true, "en")) {
            try {
                axe.check(browser.open("/partnerships"), "list and scorecard");
                axe.check(browser.open("/partnerships/" + UK_US), "a partnership with a milestone");
                axe.check(browser.open("/partnerships/" + UK_INDIA), "a party outside the registry");
                browser.signIn("secretariat");
                axe.check(browser.open("/partnerships"), "the add-a-partnership form");
                browser.press("Add a partnership");
                axe.check(browser, "the add-a-partnership form with errors");
                axe.check(browser.open("/partnerships/" + MSP), "the add-a-milestone form");
                browser.press("Add a milestone");
                axe.check(browser, "the add-a-milestone form with errors");
                browser.signOut().open("/projects/" + project).signIn("gb-officer");
                axe.check(browser.open("/projects/" + project), "the project page's naming form");
                for (String language : List.of("fr", "pt", "es")) {
                    browser.open("/language/" + language + "?back=/partnerships");
                    axe.check(browser, "list and scorecard in " + language);
                }
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        axe.assertNone();
    }
}
