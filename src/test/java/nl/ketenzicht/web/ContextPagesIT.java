package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
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

/**
 * The context pages in Chromium: a national coordinator records capacity (with a field error said in
 * Dutch), a priority and a pilot, sees the history, and uploads a CSV whose preview names a wrong row
 * before a good file is saved whole; a regional coordinator sees their own unit in English; a case
 * worker tags a case with a pilot. axe finds no WCAG 2.1 A/AA violation on any page in either
 * language; with -Dit.screenshots=true, screenshots at 1280 and 375 px go to target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
class ContextPagesIT {

    /** Keys of this test alone (ContextIT uses 2003 and 2004), cleared first, so every run starts at version 1. */
    private static final String UNIT = "ZWB";

    private static final String YEAR = "2005";
    private static final String BREDA = "GM0758";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void coordinatorsKeepContextAndACaseWorkerTagsACase() throws Exception {
        clear();
        Scenario s = new Scenario(base);
        // Logged in once through the API, so that the second factor is enrolled and its secret known to the scenario.
        String national = s.user("COORDINATOR", s.organisation("NATIONAL", null), null)
                .get("api/auth/me")
                .json()
                .get("username")
                .asText();
        List<String> violations = new ArrayList<>();
        try (Browser b = Browser.open(base, "context")) {
            b.login(national, Scenario.PASSWORD, () -> {
                s.advanceClock(31);
                return s.totp(national);
            });
            b.waitForPage("/coordinator");
            b.click(By.cssSelector("a.navigation__link[href='#/context']")).waitForPage("/context");
            violations.addAll(bothLanguages(b, "context"));

            b.click("context-link-capacity").waitForPage("/context/capacity");
            violations.addAll(bothLanguages(b, "context-capacity"));
            b.select("capacity-open-policeUnit", UNIT)
                    .select("capacity-open-year", YEAR)
                    .submit();
            b.waitForPage("/context/capacity/" + UNIT + "/" + YEAR);
            b.type("capacity-form-avim", "24,5")
                    .type("capacity-form-zeden", "1,234")
                    .type("capacity-form-digital", "6")
                    .type("capacity-form-psychologists", "1");
            b.submitExpectingErrors();
            String error = b.fieldError("zeden");
            assertTrue(
                    error.endsWith("Zeden: gebruik hoogstens twee decimalen"),
                    "the server's field error, in Dutch: " + error);
            violations.addAll(b.axe("capacity-errors"));
            b.type("capacity-form-zeden", "18").submit();
            b.waitForPage("/context/capacity/" + UNIT + "/" + YEAR + "?saved=1");
            assertTrue(
                    b.waitFor(By.id("context-history")).getText().contains("24,5"),
                    "the history shows the version in Dutch");
            b.type("capacity-form-avim", "25").submit();
            b.waitFor(By.cssSelector("#context-history tbody tr:nth-child(2)"));
            assertEquals(
                    2,
                    b.driver
                            .findElements(By.cssSelector("#context-history tbody tr"))
                            .size(),
                    "the previous version is kept");
            violations.addAll(bothLanguages(b, "context-capacity-form"));
            b.screenshots("context-capacity-form");

            b.go("/context/priorities/" + BREDA + "/" + YEAR);
            b.click("priority-form-priority-0").submit();
            b.waitForPage("/context/priorities/" + BREDA + "/" + YEAR + "?saved=1");
            violations.addAll(bothLanguages(b, "context-priority-form"));
            b.go("/context/priorities?year=" + YEAR);
            assertTrue(b.mainText().contains("Breda " + YEAR));
            violations.addAll(bothLanguages(b, "context-priorities"));

            b.go("/context/pilots/new");
            String pilot = "Proeftuin " + System.nanoTime();
            b.type("pilot-form-name", pilot).date("pilot-form-startsOn", "2023-01-01");
            b.click(By.cssSelector("#pilot-form input[value='AMS']"));
            b.submit();
            String page = b.waitForPageMatching("/context/pilots/\\d+\\?saved=1");
            long pilotId = Long.parseLong(page.replaceAll("\\D+(\\d+).*", "$1"));
            violations.addAll(bothLanguages(b, "context-pilot-form"));
            b.go("/context/pilots");
            assertTrue(b.mainText().contains(pilot));
            violations.addAll(bothLanguages(b, "context-pilots"));
            b.screenshots("context-pilots");

            b.go("/context/upload");
            violations.addAll(bothLanguages(b, "context-upload"));
            upload(
                    b,
                    "eenheid;jaar;avim;zeden;digitaal;recherchepsychologen\n" + UNIT + ";" + YEAR + ";30;18;6;1\nXX;"
                            + YEAR + ";1;1;1;1\n");
            String preview = b.waitFor(By.id("upload-result")).getText();
            assertTrue(
                    preview.contains("Eenheid: deze politie-eenheid is onbekend"),
                    "the row's error, in Dutch: " + preview);
            assertFalse(b.present(By.id("upload-commit")), "no saving while a row is wrong");
            violations.addAll(b.axe("context-upload-errors"));
            b.screenshots("context-upload-errors");
            upload(
                    b,
                    "\uFEFFeenheid;jaar;avim;zeden;digitaal;recherchepsychologen\r\n" + UNIT + ";" + YEAR
                            + ";30;18;6;1\r\n");
            b.click("upload-commit");
            assertTrue(b.waitFor(By.cssSelector("#upload-result .notification"))
                    .getText()
                    .contains("0 nieuwe en 1 gewijzigde"));
            b.go("/context/capacity/" + UNIT + "/" + YEAR);
            assertEquals("30", b.value("capacity-form-avim"), "the upload's value is the current one");

            b.logout();
            Api owner = s.caseworker(s.organisation("POLICE", "AMS"));
            long caseId =
                    owner.post("api/cases", ChainData.aCase()).json().get("id").asLong();
            String worker = owner.get("api/auth/me").json().get("username").asText();
            b.login(worker, Scenario.PASSWORD, () -> {
                s.advanceClock(31);
                return s.totp(worker);
            });
            b.waitForPage("/cases");
            b.go("/cases/" + caseId);
            b.select("case-pilot-tag-pilotId", String.valueOf(pilotId)).submit();
            b.waitFor(By.id("case-pilot-remove-" + pilotId));
            assertTrue(b.waitFor(By.id("case-pilots")).getText().contains(pilot), "the case shows its pilot");
            violations.addAll(bothLanguages(b, "case-pilots"));
            b.logout();

            String regional = s.user("COORDINATOR", s.organisation("POLICE", UNIT), UNIT)
                    .get("api/auth/me")
                    .json()
                    .get("username")
                    .asText();
            b.login(regional, Scenario.PASSWORD, () -> {
                s.advanceClock(31);
                return s.totp(regional);
            });
            b.waitForPage("/coordinator");
            b.language("en");
            b.go("/context/capacity");
            assertTrue(b.mainText().contains("Capacity per police unit"), "in English");
            List<String> options = b.driver.findElements(By.cssSelector("#capacity-open-policeUnit option")).stream()
                    .map(o -> o.getAttribute("value"))
                    .filter(v -> !v.isEmpty())
                    .toList();
            assertEquals(List.of(UNIT), options, "a regional coordinator keeps their own unit");
            violations.addAll(b.axe("context-capacity-regional"));
            b.screenshots("context-capacity-regional");
            b.language("nl");
        }
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

    private static void upload(Browser b, String csv) throws Exception {
        Path file = Files.createTempFile("context", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        b.js("document.getElementById('upload-result').replaceChildren()");
        b.driver
                .findElement(By.id("upload-file"))
                .sendKeys(file.toAbsolutePath().toString());
        b.click("upload-check");
        b.waitFor(By.cssSelector("#upload-result > *"));
    }

    private static void clear() throws SQLException {
        try (Connection c = Db.connect()) {
            for (String sql : List.of(
                    "DELETE FROM context_capacity WHERE police_unit = 'ZWB' AND year = 2005",
                    "DELETE FROM context_capacity_history WHERE police_unit = 'ZWB' AND year = 2005",
                    "DELETE FROM context_priority WHERE municipality_code = 'GM0758' AND year = 2005",
                    "DELETE FROM context_priority_history WHERE municipality_code = 'GM0758' AND year = 2005")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.executeUpdate();
                }
            }
        }
    }
}
