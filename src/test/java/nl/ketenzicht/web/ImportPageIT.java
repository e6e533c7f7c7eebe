package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The import page in Chromium: a case worker uploads a case file, reads the preview with a refused
 * row's problem in Dutch, imports per case, watches the progress bar reach 100%, downloads the
 * refused rows, and survives a reload of the job's address. axe finds no WCAG 2.1 A/AA violation in
 * either language; with -Dit.screenshots=true, screenshots at 1280 and 375 px go to target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
class ImportPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aCaseWorkerPreviewsImportsAndDownloadsTheRefusedRows() throws Exception {
        Scenario s = new Scenario(base);
        Api owner = s.caseworker(s.organisation("POLICE", "AMS"));
        String worker = owner.get("api/auth/me").json().get("username").asText();
        String template = new String(owner.getBytes("api/imports/template?format=csv"), StandardCharsets.UTF_8);
        String file = template
                + template.lines()
                        .skip(1)
                        .map(l -> l.replace("VOORBEELD-1", "FOUT-1").replace("GM0363", "GM9999"))
                        .reduce("", (a, b) -> a + b + "\r\n");
        Path csv = Files.createTempFile("import", ".csv");
        Files.writeString(csv, file, StandardCharsets.UTF_8);
        List<String> violations = new ArrayList<>();
        try (Browser b = Browser.open(base, "imports")) {
            b.login(worker, Scenario.PASSWORD, () -> {
                s.advanceClock(31);
                return s.totp(worker);
            });
            b.waitForPage("/cases");
            b.click(By.cssSelector("a.navigation__link[href='#/imports']")).waitForPage("/imports");
            violations.addAll(bothLanguages(b, "imports"));

            b.driver
                    .findElement(By.id("import-file"))
                    .sendKeys(csv.toAbsolutePath().toString());
            b.click("import-check");
            b.waitFor(By.id("import-commit-form"));
            String jobPage = b.waitForPageMatching("/imports/\\d+");
            assertEquals(
                    "9",
                    b.waitFor(By.id("import-refused-count")).getText(),
                    "the second case's rows are refused with it");
            String preview = b.waitFor(By.id("import-job")).getText();
            assertTrue(
                    preview.contains("Gemeente") || preview.contains("gemeente"), "the column, in Dutch: " + preview);
            assertTrue(
                    preview.contains("onbekend") || preview.contains("Onbekend"), "the problem, in Dutch: " + preview);
            violations.addAll(bothLanguages(b, "imports-preview"));
            b.screenshots("imports-preview");

            String refused = (String) ((JavascriptExecutor) b.driver)
                    .executeAsyncScript(
                            "const done = arguments[0]; fetch(document.getElementById('import-refused-download').href)"
                                    + ".then(r => r.text()).then(done, e => done('failed ' + e));");
            // fetch's text() drops the byte-order mark that the file starts with
            assertTrue(
                    refused.replace("\uFEFF", "").startsWith("soort;")
                            && refused.contains(";reden")
                            && refused.contains("GM9999"),
                    "the refused rows with their reason: " + refused);

            b.click("import-commit");
            // The page redraws the job while it polls, so an element found in one check may be gone in the next
            new WebDriverWait(b.driver, Duration.ofSeconds(120))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d ->
                            "100".equals(d.findElement(By.id("import-progress")).getAttribute("aria-valuenow"))
                                    && d.findElements(By.cssSelector("#import-job .notification--success"))
                                                    .size()
                                            == 1);
            WebElement bar = b.driver.findElement(By.id("import-progress"));
            assertEquals("progressbar", bar.getAttribute("role"));
            assertEquals("0", bar.getAttribute("aria-valuemin"));
            assertEquals("100", bar.getAttribute("aria-valuemax"));
            assertTrue(b.waitFor(By.id("import-job")).getText().contains("Ingelezen"));
            violations.addAll(bothLanguages(b, "imports-committed"));
            b.screenshots("imports-committed");

            b.go(jobPage);
            assertTrue(
                    b.waitFor(By.cssSelector("#import-job .notification--success"))
                            .isDisplayed(),
                    "the job survives a reload");
            assertEquals("100", b.waitFor(By.id("import-progress")).getAttribute("aria-valuenow"));
        }
        assertEquals(1, owner.get("api/cases?limit=10").json().get("total").asInt(), "the good case, imported");
        assertTrue(violations.isEmpty(), "axe: " + String.join("\n", violations));
    }

    private static List<String> bothLanguages(Browser b, String page) {
        List<String> found = new ArrayList<>();
        for (String lang : List.of("nl", "en")) {
            b.language(lang);
            found.addAll(b.axe(page));
        }
        b.language("nl");
        return found;
    }
}
