package org.msp.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.msp.infra.ProcessPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msp.e2e.Journeys.*;

/**
 * A project's financing page in a real Chromium with JavaScript off (SPEC §8, §11): a partner officer of a
 * prioritised project records a commitment (a refused form first, the error beside its field) and a
 * disbursement against it, and a disbursement beyond the commitment is refused in words; anyone reads
 * committed against disbursed; axe-core finds no violation on any view of the page.
 */
@Order(6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinancingBrowserTest {
    private String portal;
    private String project;

    @BeforeAll
    void prioritiseAProject() {
        portal = SharedPlatform.get().startPortal();
        project = projectOpenForSupport();
        for (String officer : List.of("us-officer", "eu-officer")) {
            as(officer).put(SharedPlatform.url(ProcessPlatform.PARTNERS, "/projects/" + project + "/endorsement"))
                    .then().statusCode(201);
        }
        awaitProjectStatus(project, "ENDORSED");
        as("secretariat").post(SharedPlatform.url(ProcessPlatform.PROJECTS, "/prioritisation/rounds")).then().statusCode(201);
        awaitSupportStatus(project, "PRIORITISED");
    }

    @Test
    void aPartnerCommitsAndDisbursesWithJavaScriptOff() {
        String page = "/projects/" + project + "/financing";
        try (Browser browser = new Browser(portal, false, "en")) {
            try {
                browser.open("/projects/" + project)
                        .click(By.linkText("Financing: commitments and disbursements, against the action plan"));
                assertEquals(page, browser.path());
                assertTrue(browser.text().contains("No partner has committed financing yet."), browser.text());
                assertTrue(browser.text().contains("Partner officers sign in"), browser.text());

                browser.signIn("us-officer").open(page);
                new Select(browser.find(By.id("commit-instrument"))).selectByValue("LOAN");
                browser.fill("commit-amount", "18000000").fill("commit-currency", "XYZ")
                        .fill("commit-amountUsd", "19500000").fill("commit-usdRateDate", "2026-11-30")
                        .press("Record the commitment");
                assertTrue(browser.find(By.id("error-commit-currency")).isDisplayed(), "the error is beside the currency");
                assertTrue(browser.find(By.id("problem")).getText().contains("Currency"), browser.text());
                browser.fill("commit-currency", "eur").press("Record the commitment");
                assertTrue(browser.text().contains("Your commitment is recorded and published."), browser.text());
                assertTrue(browser.text().contains("US: Loan, ") && browser.text().contains("18,000,000.00"), browser.text());

                browser.fill("disburse-amount", "4000000").fill("disburse-currency", "EUR")
                        .fill("disburse-amountUsd", "4330000").fill("disburse-disbursedOn", "2026-12-01")
                        .press("Record the disbursement");
                assertTrue(browser.text().contains("Your disbursement is recorded and published."), browser.text());
                assertTrue(browser.text().contains("14,000,000.00 remaining"), browser.text());

                browser.fill("disburse-amount", "15000000").fill("disburse-currency", "EUR")
                        .fill("disburse-amountUsd", "16000000").fill("disburse-disbursedOn", "2026-12-01")
                        .press("Record the disbursement");
                assertTrue(browser.find(By.id("problem")).getText().contains("1000000.00 EUR more than the commitment"),
                        browser.text());
                browser.signOut();

                browser.open(page);
                assertTrue(browser.text().contains("19,500,000") && browser.text().contains("4,330,000"), browser.text());
                assertTrue(browser.text().contains("Share disbursed"), browser.text());
                browser.screenshot("financing");
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        get(ProcessPlatform.PARTNERS, "/projects/" + project + "/commitments").then()
                .body("commitments[0].currency", equalTo("EUR"))
                .body("commitments[0].disbursements[0].disbursedOn", equalTo("2026-12-01"));
    }

    /** axe-core (which needs JavaScript) on every view: public, the officer's forms, and a refused form. */
    @Test
    void everyViewOfTheFinancingPageHasNoAccessibilityViolations() {
        String page = "/projects/" + project + "/financing";
        AccessibilityFindings axe = new AccessibilityFindings();
        try (Browser browser = new Browser(portal, true, "en")) {
            try {
                axe.check(browser.open(page), "public");
                browser.signIn("eu-officer");
                axe.check(browser.open(page), "officer's forms");
                browser.press("Record the commitment");
                axe.check(browser, "commitment form with errors");
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        axe.assertNone();
    }
}
