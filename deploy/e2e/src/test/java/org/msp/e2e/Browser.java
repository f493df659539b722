package org.msp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromedriver}; Selenium downloads nothing) on the
 * portal, as a visitor uses it: opening pages, signing in on Keycloak's page, filling forms. JavaScript can
 * be off, as for a visitor whose browser runs none: every task must still work.
 */
final class Browser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChromeDriver driver;
    private final String portal;

    Browser(String portal, boolean javaScript, String language) {
        this.portal = portal;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("msp.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=" + language, "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                "profile.managed_default_content_settings.javascript", javaScript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("msp.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a portal path, e.g. {@code /projects}. */
    Browser open(String path) {
        driver.get(portal + path);
        return this;
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Types into the field labelled by id (after clearing it). */
    Browser fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    Browser click(By by) {
        driver.findElement(by).click();
        return this;
    }

    /** Presses the submit button whose text is {@code label}, in whichever form holds it. */
    Browser press(String label) {
        return pressButton(By.xpath("//button[normalize-space()=" + xpathLiteral(label) + "]"));
    }

    /** Presses a submit button and waits until the page it leads to has replaced this one. */
    Browser pressButton(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        // gone once asking the old page anything fails: Chromium says "stale" or "does not belong to the document"
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException replaced) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.tagName("footer")).isEmpty());
        return this;
    }

    /** Signs in on Keycloak's page through the portal's "Sign in" link and comes back to the page it was on. */
    Browser signIn(String user) {
        driver.findElement(By.cssSelector(".account a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user + "-pw");
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(portal));
        return this;
    }

    /** Signs out through the portal, which ends the Keycloak session as well. */
    Browser signOut() {
        open("/logout");
        // the portal sends Keycloak to end the session, which sends the browser back to the home page
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.getCurrentUrl().startsWith(portal + "/") && "/".equals(path())
                        && !d.findElements(By.cssSelector(".account a[href^='/login']")).isEmpty());
        return this;
    }

    /** axe-core's WCAG 2.0-2.2 A and AA violations on the current page: rule id, then the elements it found. */
    List<String> accessibilityViolations() {
        try {
            String axe = Files.readString(Path.of(System.getProperty("msp.axe")));
            JavascriptExecutor js = driver;
            js.executeScript(axe);
            Object result = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                       .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))})))))
                       .catch(e => done(JSON.stringify([{id: 'axe-error: ' + e, nodes: []}])));""");
            List<String> violations = new ArrayList<>();
            for (JsonNode violation : JSON.readTree((String) result)) {
                violations.add(violation.path("id").asText() + " " + violation.path("nodes"));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core not found: run the build (npm ci in src/test/axe)", e);
        }
    }

    /** A full-page PNG of what the visitor sees, for the README. */
    void screenshot(String name) {
        String target = System.getProperty("msp.screenshots");
        if (target == null) {
            return;
        }
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, Math.min(2400, Math.max(800, height.intValue()))));
        try {
            Files.createDirectories(Path.of(target));
            Files.write(Path.of(target, name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /** {@code failure} with where the browser was and what it showed, for the test report. */
    AssertionError explained(Throwable failure) {
        String page;
        try {
            page = driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException unreadable) {
            page = "(page unreadable: " + unreadable + ")";
        }
        return new AssertionError(failure.getMessage() + "\n--- the browser showed " + page, failure);
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
