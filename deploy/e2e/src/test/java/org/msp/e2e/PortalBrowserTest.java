package org.msp.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.msp.infra.ProcessPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal in a real Chromium on the real platform (SPEC §8): the demo story from a draft to a
 * prioritised project, told entirely through pages and forms with JavaScript off (htmx only enhances),
 * then accessibility (axe-core) on every page type, the four languages, the live stream, the CSRF
 * guard and a service that is down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
    private ProcessPlatform platform;
    private String portal;
    private String project;
    private String review;
    private String round;

    @BeforeAll
    void startPortal() {
        platform = SharedPlatform.get();
        portal = platform.startPortal();
    }

    @AfterAll
    void restoreServices() {
        if (platform != null && !platform.isReady(ProcessPlatform.PROJECTS)) {
            platform.startService(ProcessPlatform.PROJECTS);
        }
    }

    @Test
    @Order(1)
    void theDemoStoryWorksInTheBrowserWithJavaScriptOff() {
        try (Browser browser = new Browser(portal, false, "en")) {
            try {
                // --- the officer drafts: a refused form names each bad field beside it, then it is saved
                browser.open("/").signIn("gb-officer");
                assertTrue(browser.find(By.cssSelector(".account")).getText().contains("United Kingdom Officer"));
                browser.open("/projects/new").press("Save draft");
                assertTrue(browser.find(By.id("problem")).getText().contains("Title"), "the error summary names the title");
                assertTrue(browser.find(By.id("error-title")).isDisplayed(), "the error is shown next to the field");
                assertTrue(browser.find(By.id("error-minerals")).isDisplayed());
                browser.fill("field-title", "Kabwe tailings re-processing " + Journeys.shortId())
                        .fill("field-summary", "Recovering zinc, lead and vanadium from legacy tailings.")
                        .fill("field-hostCountry", "ZM").fill("field-sponsor", "Kabwe Minerals Ltd")
                        .fill("field-requestedFinancingUsd", "forty million");
                browser.click(By.id("mineral-COBALT")).click(By.id("mineral-COPPER")).click(By.id("stage-PROCESSING"))
                        .click(By.id("field-disclosure.feasibilityStudyPublic"))
                        .click(By.id("field-disclosure.communityConsultationHeld")).press("Save draft");
                assertTrue(browser.find(By.id("error-requestedFinancingUsd")).getText().contains("number"));
                assertTrue(browser.find(By.id("mineral-COBALT")).isSelected(), "a refused form keeps what was typed");
                browser.fill("field-requestedFinancingUsd", "40000000").press("Save draft");
                assertTrue(browser.text().contains("Your draft is saved"), browser.text());
                project = browser.path().substring("/projects/".length());

                // --- the edit round trip: someone else saved meanwhile (If-Match fails), the officer is told and keeps its text
                browser.open("/projects/" + project + "/edit").fill("field-title", "Kabwe tailings, phase 1");
                changeTitleThroughTheApi("Kabwe tailings (edited elsewhere)");
                browser.press("Save draft");
                assertTrue(browser.find(By.id("problem")).getText().contains("Someone else changed this draft"));
                assertEquals("Kabwe tailings, phase 1", browser.find(By.id("field-title")).getAttribute("value"));
                browser.press("Save draft");
                assertTrue(browser.text().contains("Your changes are saved"));
                assertEquals("Kabwe tailings, phase 1", browser.heading());

                browser.press("Submit for ESG review");
                assertTrue(browser.text().contains("The project is submitted"));
                Journeys.awaitProjectStatus(project, "ESG_REVIEW");
                browser.signOut();

                // --- a partner endorsing too early is told why, in the page
                browser.open("/projects/" + project).signIn("us-officer").press("Endorse this project");
                assertTrue(browser.find(By.id("problem")).getText().contains("OPEN_FOR_SUPPORT"), browser.text());
                browser.signOut();

                // --- the Zambian reviewer may not claim a project hosted in Zambia: said in words
                review = Journeys.reviewOf(project);
                browser.open("/").signIn("zm-reviewer").open("/reviews");
                browser.pressButton(By.cssSelector("form[action='/reviews/" + review + "/claim'] button"));
                assertTrue(browser.find(By.id("problem")).getText().contains("conflict of interest"), browser.text());
                browser.signOut();

                // --- the Japanese reviewer claims it, is told which items are unrated, rates them all and completes
                browser.open("/").signIn("jp-reviewer").open("/reviews");
                browser.pressButton(By.cssSelector("form[action='/reviews/" + review + "/claim'] button"));
                assertTrue(browser.text().contains("The review is yours"));
                browser.press("Complete the review");
                List<WebElement> unrated = browser.all(By.cssSelector("#problem a[href^='#item-']"));
                List<String> codes = Journeys.itemCodes(review);
                assertEquals(codes.size(), unrated.size(), "every unrated item is listed as a link");
                for (String code : codes) {
                    browser.click(By.id("rating-" + code + "-" + (code.equals(codes.get(1)) ? "PARTIAL" : "MEETS")));
                }
                browser.fill("evidence-" + codes.get(0), "Site visit report, March 2026");
                browser.fill("comment-" + codes.get(1), "Grievance register to be published within 6 months");
                browser.press("Save ratings");
                assertTrue(browser.text().contains(codes.size() + " of " + codes.size() + " items rated"), browser.text());
                browser.click(By.id("risk-B")).press("Complete the review");
                assertTrue(browser.text().contains("Cleared with conditions"), browser.text());
                assertTrue(browser.text().contains("Grievance register to be published"), "the condition is public");
                browser.signOut();
                Journeys.awaitSupportStatus(project, "OPEN_FOR_SUPPORT");

                // --- two MSP partners endorse; a third expresses interest
                for (String officer : List.of("us-officer", "eu-officer")) {
                    browser.open("/projects/" + project).signIn(officer).press("Endorse this project");
                    assertTrue(browser.text().contains("Your endorsement is recorded"), browser.text());
                    browser.signOut();
                }
                browser.open("/projects/" + project).signIn("jp-officer");
                browser.fill("field-indicativeAmountUsd", "15000000").press("Express interest");
                assertTrue(browser.text().contains("Your interest is recorded"), browser.text());
                browser.signOut();
                Journeys.awaitProjectStatus(project, "ENDORSED");

                // --- the secretariat checks the ranking the round would freeze, then runs it
                browser.open("/").signIn("secretariat").open("/ranking/round");
                assertTrue(browser.text().contains("Kabwe tailings, phase 1"), "the preview lists the project");
                browser.press("Run the round now");
                assertTrue(browser.path().startsWith("/ranking/rounds/"));
                round = browser.path().substring("/ranking/rounds/".length());
                assertTrue(browser.text().contains("Kabwe tailings, phase 1"));
                browser.signOut();

                // --- anyone sees it prioritised, with its score breakdown and an intact history chain
                Journeys.awaitProjectStatus(project, "PRIORITISED");
                browser.open("/projects/" + project);
                assertTrue(browser.find(By.cssSelector(".status")).getText().contains("Prioritised"));
                assertEquals(5, browser.all(By.cssSelector("table.breakdown tbody tr")).size(), "five score components");
                assertTrue(browser.find(By.id("chain-check")).getText().contains("Chain intact"));
                assertFalse(browser.text().contains("Edit draft"), "an anonymous visitor is offered no command");
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
    }

    @Test
    @Order(2)
    void everyPageTypeHasNoAccessibilityViolationsAndStaysSmall() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("projects", "/projects?status=PRIORITISED");
        pages.put("project", "/projects/" + project);
        pages.put("ranking", "/ranking");
        pages.put("round", "/ranking/rounds/" + round);
        pages.put("partners", "/partners");
        pages.put("checklist", "/checklist");
        pages.put("methodology", "/methodology");
        pages.put("not-found", "/projects/00000000-0000-0000-0000-000000000000");
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (Browser browser = new Browser(portal, true, "en")) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                check(browser.open(page.getValue()), page.getKey(), violations);
            }
            browser.open("/").screenshot("home");
            browser.open("/projects/" + project).screenshot("project");
            browser.open("/ranking").screenshot("ranking");
            browser.open("/").signIn("gb-officer");
            browser.open("/projects/new").press("Save draft");
            check(browser, "draft form with errors", violations);
            browser.open("/my/projects");
            check(browser, "my projects", violations);
            browser.signOut().open("/").signIn("secretariat");
            for (String path : List.of("/reviews", "/reviews/" + review, "/ranking/round", "/partners")) {
                check(browser.open(path), "secretariat " + path, violations);
            }
            browser.signOut();
            String open = Journeys.reviewOf(Journeys.submit(Journeys.gbDraft()));
            browser.open("/").signIn("jp-reviewer").open("/reviews");
            browser.pressButton(By.cssSelector("form[action='/reviews/" + open + "/claim'] button"));
            check(browser, "checklist form", violations);
            browser.screenshot("checklist");
        }
        assertEquals(Map.of(), violations.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static void check(Browser browser, String page, Map<String, List<String>> violations) {
        int bytes = browser.driver().getPageSource().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        List<String> found = new ArrayList<>(browser.accessibilityViolations());
        if (bytes > 200_000) {
            found.add("page is " + bytes + " bytes, over 200 KB");
        }
        violations.put(page, found);
    }

    /** The reviewer's checklist can be filled with the keyboard alone: Tab to a rating, arrows to choose, Enter to save. */
    @Test
    @Order(3)
    void theChecklistWorksWithTheKeyboardAlone() {
        String open = Journeys.reviewOf(Journeys.submit(Journeys.gbDraft()));
        try (Browser browser = new Browser(portal, true, "en")) {
            try {
                browser.open("/").signIn("jp-reviewer").open("/reviews");
                browser.find(By.cssSelector("form[action='/reviews/" + open + "/claim'] button")).sendKeys(Keys.ENTER);
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/reviews/" + open));
                String first = Journeys.itemCodes(open).get(0);
                WebElement meets = browser.find(By.id("rating-" + first + "-MEETS"));
                // from the element before the first rating, one Tab reaches the rating group
                var keys = new org.openqa.selenium.interactions.Actions(browser.driver());
                browser.find(By.cssSelector("progress")).click();
                WebElement focused = browser.driver().switchTo().activeElement();
                int tabs = 0;
                while (!meets.equals(focused) && tabs++ < 30) {
                    keys.sendKeys(Keys.TAB).perform();
                    focused = browser.driver().switchTo().activeElement();
                }
                assertEquals(meets, focused, "Tab reaches the first item's rating");
                keys.sendKeys(Keys.ARROW_RIGHT).perform(); // arrow keys move the choice within the group: PARTIAL
                keys.sendKeys(Keys.TAB).sendKeys("Evidence typed by keyboard").perform();
                keys.sendKeys(Keys.TAB).sendKeys("A partial rating needs a comment").perform();
                browser.driver().switchTo().activeElement().submit(); // the form of the focused comment
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("done=saved"));
                assertTrue(browser.find(By.id("rating-" + first + "-PARTIAL")).isSelected(), "the keyboard's choice was saved");
                assertEquals("Evidence typed by keyboard", browser.find(By.id("evidence-" + first)).getText());
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
    }

    @Test
    @Order(4)
    void everyPageSpeaksTheVisitorsLanguage() {
        Map<String, String> navProjects = Map.of("fr", "Projets", "pt", "Projetos", "es", "Proyectos", "en", "Projects");
        for (Map.Entry<String, String> language : navProjects.entrySet()) {
            try (Browser browser = new Browser(portal, false, language.getKey())) {
                for (String path : List.of("/", "/projects", "/projects/" + project, "/ranking", "/partners", "/checklist",
                        "/methodology", "/ranking/rounds/" + round)) {
                    browser.open(path);
                    assertEquals(language.getKey(), browser.find(By.tagName("html")).getAttribute("lang"), path);
                    assertTrue(browser.find(By.cssSelector(".main-nav")).getText().contains(language.getValue()),
                            path + " in " + language.getKey());
                }
            }
        }
        try (Browser browser = new Browser(portal, false, "fr")) {
            browser.open("/projects/" + project);
            String facts = browser.find(By.cssSelector("dl.facts")).getText();
            assertTrue(facts.contains("$US") && !facts.contains("$40,000,000"), "amounts as French writes them: " + facts);
        }
        // the switch overrides the browser's language, and is remembered
        try (Browser browser = new Browser(portal, false, "en")) {
            browser.open("/ranking").click(By.cssSelector(".languages a[lang=pt]"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/ranking"));
            assertEquals("/ranking", browser.path());
            assertEquals("pt", browser.find(By.tagName("html")).getAttribute("lang"));
            browser.open("/partners");
            assertEquals("pt", browser.find(By.tagName("html")).getAttribute("lang"));
        }
    }

    @Test
    @Order(5)
    void theProjectPageShowsNewStepsAsTheyHappen() {
        String watched = Journeys.projectOpenForSupport();
        try (Browser browser = new Browser(portal, true, "en")) {
            try {
                browser.open("/projects/" + watched);
                await("the live stream is connected").atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(
                        browser.driver().executeScript("return !!document.querySelector('[sse-connect]')['htmx-internal-data']")));
                Journeys.as("us-officer").put(SharedPlatform.url(ProcessPlatform.PARTNERS, "/projects/" + watched + "/endorsement"))
                        .then().statusCode(201);
                await("the endorsement appears on the open page").atMost(Duration.ofSeconds(30))
                        .until(() -> browser.find(By.id("live-steps")).getText().contains("endorsed by a partner"));
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
    }

    @Test
    @Order(6)
    void aFormPostedFromAnotherSiteIsRefused() throws Exception {
        long before = Journeys.countRows(ProcessPlatform.PROJECTS, "proposal");
        try (Browser browser = new Browser(portal, false, "en")) {
            browser.open("/").signIn("gb-officer");
            String cookies = browser.driver().manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            // what a forged page elsewhere can send: the visitor's cookies ride along, but it cannot know the token
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal + "/projects/new"))
                    .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "https://attacker.example")
                    .POST(HttpRequest.BodyPublishers.ofString("title=Forged&summary=x&hostCountry=ZM&minerals=COBALT"
                            + "&valueChainStage=PROCESSING&sponsor=x&requestedFinancingUsd=1000")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, forged.statusCode(), forged.body());
            // the session cookie (in chunks when the tokens are large) cannot be read by scripts nor ride on other sites' posts
            List<org.openqa.selenium.Cookie> session = browser.driver().manage().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session")).toList();
            assertFalse(session.isEmpty(), "a session cookie was set");
            for (org.openqa.selenium.Cookie chunk : session) {
                assertTrue(chunk.isHttpOnly(), chunk.getName() + " HttpOnly");
                assertEquals("Lax", chunk.getSameSite(), chunk.getName() + " SameSite");
            }
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        }
        assertEquals(before, Journeys.countRows(ProcessPlatform.PROJECTS, "proposal"), "nothing was created");
    }

    @Test
    @Order(7)
    void aServiceThatIsDownIsNamedOnThePage() throws Exception {
        platform.stopService(ProcessPlatform.PROJECTS);
        try (Browser browser = new Browser(portal, false, "en")) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(portal + "/projects")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, answer.statusCode());
            assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "a visitor's client may retry later");
            browser.open("/projects");
            assertEquals("Part of the platform is unavailable", browser.heading());
            assertTrue(browser.text().contains("project-service is not answering"), browser.text());
            assertFalse(browser.driver().getPageSource().contains("Exception"), "no stack trace");
            browser.open("/partners");
            assertEquals("Partner registry", browser.heading(), "the parts that answer still serve their pages");
        } finally {
            platform.startService(ProcessPlatform.PROJECTS);
        }
    }

    @Test
    @Order(7)
    void theOpenDataPageServesTheProjectsFilesWhileTheReviewServiceIsDown() {
        platform.stopService(ProcessPlatform.REVIEWS);
        try (Browser browser = new Browser(portal, false, "en")) {
            browser.open("/data");
            assertEquals("Open data", browser.heading());
            assertTrue(browser.text().contains("projects.csv"), "project-service's files are listed: " + browser.text());
            assertTrue(browser.text().contains("The ESG review service does not answer just now"), browser.text());
        } finally {
            platform.startService(ProcessPlatform.REVIEWS);
        }
    }

    @Test
    @Order(8)
    void theSecretariatAssignsAndAddsPartnersAndOfficersWithdrawAndAnyoneSearchesAndFollows() {
        String draft = Journeys.gbDraft();
        String open = Journeys.reviewOf(Journeys.submit(Journeys.gbDraft()));
        List<String> registered = Journeys.get(ProcessPlatform.PARTNERS, "/partners").jsonPath().getList("code");
        String code = List.of("BW", "GH", "MG", "ZW", "GA", "SL", "GN", "KE", "UG", "MW").stream()
                .filter(candidate -> !registered.contains(candidate)).findFirst().orElseThrow();
        try (Browser browser = new Browser(portal, false, "en")) {
            try {
                // --- the secretariat names a reviewer, and adds a partner (its errors beside the fields first)
                browser.open("/").signIn("secretariat").open("/reviews");
                browser.fill("reviewer-" + open, "no-reviewer").fill("reviewer-country-" + open, "NO");
                browser.pressButton(By.cssSelector("form[action='/reviews/" + open + "/assign'] button"));
                assertTrue(browser.text().contains("The reviewer is assigned"), browser.text());
                assertEquals("no-reviewer", Journeys.getAs("secretariat", ProcessPlatform.REVIEWS, "/reviews/" + open)
                        .path("reviewer"));
                browser.open("/partners").fill("field-code", code).fill("field-name", "Partner " + code)
                        .fill("field-joinedOn", "last year").press("Add a partner");
                assertTrue(browser.find(By.id("error-joinedOn")).isDisplayed(), browser.text());
                browser.fill("field-joinedOn", "2026-01-15").press("Add a partner");
                assertTrue(browser.text().contains("The partner is added"), browser.text());
                assertTrue(browser.find(By.cssSelector("table.list")).getText().contains(code));
                browser.signOut();

                // --- the officer withdraws a project, giving a reason that goes into its public history
                browser.open("/projects/" + draft).signIn("gb-officer");
                browser.click(By.linkText("Withdraw project"));
                browser.fill("field-reason", "Sponsor merged with another applicant").press("Withdraw the project");
                assertTrue(browser.text().contains("The project is withdrawn"), browser.text());
                browser.signOut();

                // --- anyone finds a project by a word of its title, and follows it by e-mail
                String title = Journeys.getAs("gb-officer", ProcessPlatform.PROJECTS, "/projects/" + project).path("title");
                browser.open("/projects").fill("field-q", "phase").press("Show projects");
                assertTrue(browser.text().contains(title), browser.text());
                browser.click(By.linkText(title));
                browser.fill("field-target", "reader@example.org").press("Follow");
                assertTrue(browser.text().contains("confirmation link to reader@example.org"), browser.text());
                assertFalse(browser.find(By.cssSelector("code.secret")).getText().isBlank(), "the secret is shown once");
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        Journeys.awaitProjectStatus(draft, "WITHDRAWN");
        assertEquals("Sponsor merged with another applicant", Journeys.getAs("gb-officer", ProcessPlatform.PROJECTS,
                "/projects/" + draft + "/history").jsonPath().getString("reason[-1]"));
    }

    private void changeTitleThroughTheApi(String title) {
        var current = Journeys.getAs("gb-officer", ProcessPlatform.PROJECTS, "/projects/" + project);
        Map<String, Object> body = new LinkedHashMap<>(current.jsonPath().getMap(""));
        body.keySet().retainAll(List.of("title", "summary", "hostCountry", "minerals", "valueChainStage", "sponsor",
                "requestedFinancingUsd", "disclosure"));
        body.put("title", title);
        Journeys.as("gb-officer").contentType(ContentType.JSON).header("If-Match", current.header("ETag")).body(body)
                .put(SharedPlatform.url(ProcessPlatform.PROJECTS, "/projects/" + project)).then().statusCode(200);
    }

    /**
     * A partner publishes a feasibility study from the project page (JavaScript off); anyone downloads it,
     * recomputes its SHA-256 and finds the one the page shows, and the page's own check says intact. A file
     * that is not a document is refused next to the file field.
     */
    @Test
    @Order(9)
    void aPartnerPublishesAStudyAndAnyoneChecksItsHash() throws Exception {
        String submitted = Journeys.submit(Journeys.gbDraft());
        Path study = Files.createTempFile("feasibility-study", ".pdf");
        Path disguised = Files.createTempFile("not-a-study", ".pdf");
        byte[] bytes = ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + "x".repeat(70_000)
                + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(study, bytes);
        byte[] executable = new byte[2048];
        executable[0] = 'M';
        executable[1] = 'Z';
        Files.write(disguised, executable);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (Browser browser = new Browser(portal, false, "en")) {
            try {
                browser.open("/projects/" + submitted).signIn("gb-officer");
                browser.find(By.id("field-file")).sendKeys(disguised.toString());
                browser.fill("field-title", "Disguised").press("Publish a document");
                assertTrue(browser.find(By.id("error-file")).getText().contains("cannot be published"), browser.text());

                browser.find(By.id("field-file")).sendKeys(study.toString());
                browser.fill("field-title", "Bankable feasibility study").press("Publish a document");
                assertTrue(browser.text().contains("The document is published"), browser.text());
                WebElement row = browser.find(By.xpath("//section[@aria-labelledby='documents']//tbody/tr"));
                assertTrue(row.getText().contains("Bankable feasibility study") && row.getText().contains(hash.substring(0, 12)),
                        row.getText());
                browser.signOut();

                browser.open("/projects/" + submitted);
                String download = browser.find(By.xpath("//a[starts-with(normalize-space(), 'Download')]")).getAttribute("href");
                byte[] downloaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                assertEquals(hash, java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(downloaded)), "the client's own SHA-256");
                browser.click(By.xpath("//a[starts-with(normalize-space(), 'Verify')]"));
                assertTrue(browser.text().contains("Intact"), browser.text());
                assertTrue(browser.text().contains(hash), "the full recorded hash is shown");
            } catch (AssertionError | RuntimeException e) {
                throw browser.explained(e);
            }
        }
        // the pages it went through, with scripts on, for axe-core
        try (Browser browser = new Browser(portal, true, "en")) {
            check(browser.open("/projects/" + submitted), "project with documents", violations);
            String document = Journeys.get(ProcessPlatform.PROJECTS, "/projects/" + submitted + "/documents").path("[0].id");
            check(browser.open("/projects/" + submitted + "/documents/" + document + "/verify"), "document check", violations);
            browser.screenshot("document-check");
            browser.open("/").signIn("gb-officer").open("/projects/" + submitted);
            check(browser, "project with the upload form", violations);
        }
        assertEquals(Map.of(), violations.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
