package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
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
 * The import page in Chromium: a case worker chooses between the kinds of file of the role, uploads a
 * case file, reads the preview with a refused row's problem in Dutch, imports per case, watches the
 * progress bar reach 100%, downloads the refused rows, and survives a reload of the job's address; a
 * coordinator, who has one kind of file, imports context per year per row. axe finds no WCAG 2.1 A/AA
 * violation in either language; with -Dit.screenshots=true, screenshots at 1280 and 375 px go to
 * target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
class ImportPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private static final int CONTEXT_YEAR = 2006;

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
            assertTrue(
                    b.waitFor(By.id("import-choice-cases")).isSelected(),
                    "cases, the first of the role's kinds, is chosen");
            b.click("import-choice-registrations");
            assertTrue(
                    b.waitFor(By.id("import-template-xlsx"))
                            .getAttribute("href")
                            .contains("template=registrations"),
                    "the template links follow the choice");
            b.language("en");
            assertTrue(
                    b.waitFor(By.id("import-choice-registrations")).isSelected(),
                    "the choice survives a language switch");
            assertTrue(
                    b.waitFor(By.id("import-template-xlsx"))
                            .getAttribute("href")
                            .matches(".*template=registrations.*lang=en.*"),
                    "and its links follow it in the new language");
            b.language("nl");
            b.click("import-choice-cases");
            assertTrue(
                    b.waitFor(By.id("import-template-csv")).getAttribute("href").contains("template=cases"));
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
            assertTrue(
                    preview.contains("Geweigerde zaken") && preview.contains("Per zaak"),
                    "a case file is refused and imported per case: " + preview);
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

            // The page without a job lists the organisation's earlier files, each a link to its job.
            b.go("/imports");
            WebElement earlier = b.waitFor(By.cssSelector("#import-recent table a[href='#" + jobPage + "']"));
            assertEquals(csv.getFileName().toString(), earlier.getText());
            assertTrue(b.waitFor(By.id("import-recent")).getText().contains("Ingelezen"), "its state");
            violations.addAll(bothLanguages(b, "imports-recent"));
            b.screenshots("imports-recent");
        }
        assertEquals(1, owner.get("api/cases?limit=10").json().get("total").asInt(), "the good case, imported");
        assertTrue(violations.isEmpty(), "axe: " + String.join("\n", violations));
    }

    @Test
    void aCoordinatorImportsContextPerYearPerRow() throws Exception {
        clearContext();
        Scenario s = new Scenario(base);
        Api coordinator = s.user("COORDINATOR", s.organisation("NATIONAL", null), null);
        String name = coordinator.get("api/auth/me").json().get("username").asText();
        Path csv = Files.createTempFile("context", ".csv");
        Files.writeString(csv, contextFile(coordinator), StandardCharsets.UTF_8);
        List<String> violations = new ArrayList<>();
        try (Browser b = Browser.open(base, "imports-context")) {
            b.login(name, Scenario.PASSWORD, () -> {
                s.advanceClock(31);
                return s.totp(name);
            });
            b.waitForPage("/coordinator");
            b.click(By.cssSelector("a.navigation__link[href='#/imports']")).waitForPage("/imports");
            assertTrue(
                    b.waitFor(By.id("import-template-only")).getText().contains("context per jaar"),
                    "one kind of file for a coordinator: named, not offered as a choice");
            assertFalse(b.present(By.cssSelector("input[name='template']")));
            assertTrue(
                    b.waitFor(By.id("import-template-csv")).getAttribute("href").contains("template=context"));
            violations.addAll(bothLanguages(b, "imports-context"));

            b.driver
                    .findElement(By.id("import-file"))
                    .sendKeys(csv.toAbsolutePath().toString());
            b.click("import-check");
            b.waitFor(By.id("import-commit-form"));
            b.waitForPageMatching("/imports/\\d+");
            assertEquals(
                    "Context per jaar", b.waitFor(By.id("import-job-template")).getText());
            assertEquals("0", b.waitFor(By.id("import-refused-count")).getText(), "both rows pass");
            String preview = b.waitFor(By.id("import-job")).getText();
            assertTrue(
                    preview.contains("Per regel") && !preview.contains("Geweigerde zaken"),
                    "a file without cases is imported per row: " + preview);
            violations.addAll(bothLanguages(b, "imports-context-preview"));
            b.screenshots("imports-context-preview");

            b.click("import-commit");
            new WebDriverWait(b.driver, Duration.ofSeconds(60))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d ->
                            "100".equals(d.findElement(By.id("import-progress")).getAttribute("aria-valuenow"))
                                    && !d.findElements(By.cssSelector("#import-job .notification--success"))
                                            .isEmpty());
            violations.addAll(bothLanguages(b, "imports-context-committed"));
            b.screenshots("imports-context-committed");
        }
        JsonNode capacity =
                coordinator.get("api/context/capacity/AMS/" + CONTEXT_YEAR).json();
        assertEquals(
                List.of("24.5", "18", "6", "1"),
                List.of("avim", "zeden", "digital", "psychologists").stream()
                        .map(f -> capacity.get(f)
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString())
                        .toList(),
                "the capacity row, imported: " + capacity);
        JsonNode priority =
                coordinator.get("api/context/priorities/GM0363/" + CONTEXT_YEAR).json();
        assertTrue(priority.get("priority").asBoolean(), "the priority row, imported: " + priority);
        assertTrue(violations.isEmpty(), "axe: " + String.join("\n", violations));
    }

    /** A capacity and a priority row in the columns of the context template's own header line. */
    private static String contextFile(Api coordinator) {
        String header = new String(
                        coordinator.getBytes("api/imports/template?template=context&format=csv"),
                        StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElseThrow()
                .replace("\uFEFF", "");
        List<String> columns = List.of(header.split(";", -1));
        String year = String.valueOf(CONTEXT_YEAR);
        Map<String, String> capacity = Map.of(
                "soort", "CAPACITEIT",
                "eenheid", "AMS",
                "jaar", year,
                "fte_avim", "24,5",
                "fte_zeden", "18",
                "fte_digitaal", "6",
                "recherchepsychologen", "1");
        Map<String, String> priority =
                Map.of("soort", "PRIORITEIT", "gemeente", "GM0363", "jaar", year, "prioriteit", "ja");
        assertTrue(
                columns.containsAll(capacity.keySet()) && columns.containsAll(priority.keySet()),
                "the context template's columns: " + header);
        return Stream.of(capacity, priority)
                .map(row -> columns.stream().map(c -> row.getOrDefault(c, "")).collect(Collectors.joining(";")))
                .collect(Collectors.joining("\r\n", header + "\r\n", "\r\n"));
    }

    /** This test's context keys alone (ContextIT uses 2003 and 2004, ContextPagesIT 2005): every run creates them. */
    private static void clearContext() throws SQLException {
        try (Connection c = Db.connect()) {
            for (String sql : List.of(
                    "DELETE FROM context_capacity WHERE police_unit = 'AMS' AND year = " + CONTEXT_YEAR,
                    "DELETE FROM context_capacity_history WHERE police_unit = 'AMS' AND year = " + CONTEXT_YEAR,
                    "DELETE FROM context_priority WHERE municipality_code = 'GM0363' AND year = " + CONTEXT_YEAR,
                    "DELETE FROM context_priority_history WHERE municipality_code = 'GM0363' AND year = "
                            + CONTEXT_YEAR)) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    st.executeUpdate();
                }
            }
        }
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
