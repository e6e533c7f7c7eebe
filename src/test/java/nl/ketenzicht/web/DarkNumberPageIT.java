package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ketenzicht.linkage.SyntheticRegistrations;
import nl.ketenzicht.linkage.mse.MseData;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The coordinator's dark-number page in Chromium against registrations made through the API: the
 * figures shown are the API's, suppressed cells are shown as such, the chart has its table, the CSV
 * downloads, an uploaded table is estimated or clearly refused, and axe finds no WCAG violations.
 */
@ExtendWith(ArquillianExtension.class)
class DarkNumberPageIT {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    /** Not LinkageIT's 2023 (nor its empty 2022): both classes register in the same test database. */
    private static final int YEAR = 2021;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void coordinatorSeesTheApiFiguresAndEstimatesFromAnUpload() throws Exception {
        Scenario s = new Scenario(base);
        long police = s.organisation("POLICE", "AMS");
        long care = s.organisation("CARE", null);
        long national = s.organisation("NATIONAL", null);
        Api[] workers = {s.caseworker(police), s.caseworker(care), s.caseworker(national)};
        var population = new SyntheticRegistrations(5, 0.3).generate(120, new double[] {0.5, 0.4, 0.3}, YEAR, 1);
        for (var r : population.registrations()) {
            var id = r.identity();
            Api.Reply created = workers[r.list()].post(
                    "api/registrations",
                    Json.of(
                            "registeredOn",
                            r.registeredOn().toString(),
                            "municipalityCode",
                            "GM0363",
                            "firstName",
                            id.firstName(),
                            "familyName",
                            id.familyName(),
                            "birthDate",
                            id.birthDate().toString(),
                            "gender",
                            id.gender().name()));
            assertEquals(201, created.status(), created.body());
        }
        String coordinator =
                s.createUserOnly("COORDINATOR", national).get("username").asText();
        Api api = s.login(coordinator, Scenario.PASSWORD);
        List<String> lists = List.of("POLICE", "CARE", "org:" + national);
        JsonNode expected = api.post("api/mse/estimates", Json.of("period", Json.of("year", YEAR), "lists", lists))
                .json();
        JsonNode series = api.get("api/mse/series?fromYear=" + (YEAR - 4) + "&toYear=" + YEAR
                        + "&region=NATIONAL&lists=POLICE&lists=CARE&lists=org:" + national)
                .json();

        List<String> violations = new ArrayList<>();
        try (Browser b = Browser.open(base, "dark-number")) {
            b.login(coordinator, Scenario.PASSWORD, () -> {
                s.advanceClock(31);
                return s.totp(coordinator);
            });
            b.waitForPage("/coordinator");
            b.click("coordinator-dark-number").waitForPage("/coordinator/dark-number");
            violations.addAll(b.axe("dark-number-empty"));

            b.select("mse-choice-year", String.valueOf(YEAR)).select("mse-choice-region", "NATIONAL");
            b.click("mse-choice-types-0"); // POLICE
            b.click("mse-choice-types-2"); // CARE
            b.click(By.cssSelector("#mse-choice input[value='org:" + national + "']"));
            b.submit();
            b.waitForPageMatching("/coordinator/dark-number\\?year=" + YEAR + "&region=NATIONAL&lists=.*");
            b.waitFor(By.id("mse-n"));

            assertFigure(b, "mse-observed", expected.at("/estimate/observed"));
            assertFigure(b, "mse-n", expected.at("/estimate/populationSize"));
            assertFigure(b, "mse-dark", expected.at("/estimate/dark"));
            assertFigure(b, "mse-ci-lower", expected.at("/estimate/ci/lower"));
            assertFigure(b, "mse-ci-upper", expected.at("/estimate/ci/upper"));
            assertFigure(b, "mse-bca-lower", expected.at("/estimate/ciBca/lower"));
            assertFigure(b, "mse-bca-upper", expected.at("/estimate/ciBca/upper"));
            assertValue(b, "mse-share", expected.at("/estimate/shareInvisible"));
            assertValue(b, "mse-share-bca-lower", expected.at("/estimate/shareInvisibleCiBca/lower"));
            assertValue(b, "mse-share-ci-upper", expected.at("/estimate/shareInvisibleCi/upper"));
            for (JsonNode m : expected.get("models")) {
                assertFigure(b, "mse-model-" + m.get("model").asText() + "-n", m.get("populationSize"));
            }
            assertTrue(
                    b.waitFor(By.id("mse-estimate"))
                            .getText()
                            .contains(
                                    expected.get("chosenModel").asText().equals("stepwise")
                                            ? "Stapsgewijs"
                                            : "Hoofdeffecten"),
                    "the chosen model is named");
            assertOverlap(b, expected.get("overlap"));
            assertSeries(b, series);

            b.click("mse-download");
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> !b.driver
                            .findElement(By.id("mse-download-status"))
                            .getText()
                            .isEmpty());
            assertEquals(
                    "Het CSV-bestand is gedownload.",
                    b.driver.findElement(By.id("mse-download-status")).getText());
            for (String lang : List.of("nl", "en")) {
                b.language(lang);
                b.waitFor(By.id("mse-n"));
                violations.addAll(b.axe("dark-number-estimate"));
            }
            b.language("nl");

            b.go("/coordinator/dark-number?year=" + (YEAR - 2) + "&region=NATIONAL&lists=POLICE,CARE");
            assertTrue(
                    b.waitFor(By.id("mse-refusal")).getText().startsWith("Er is geen schatting"),
                    "a year without registrations is refused");

            JsonNode western = api.send(
                            "POST",
                            "api/mse/uploads",
                            Files.readString(MseData.file("Western")),
                            Map.of("Content-Type", "text/csv"))
                    .json();
            upload(b, MseData.file("Western"), "");
            b.waitFor(By.id("upload-n"));
            assertFigure(b, "upload-n", western.at("/estimate/populationSize"));
            assertFigure(b, "upload-bca-lower", western.at("/estimate/ciBca/lower"));
            assertFigure(b, "upload-bca-upper", western.at("/estimate/ciBca/upper"));
            assertFigure(b, "upload-ci-lower", western.at("/estimate/ci/lower"));
            violations.addAll(b.axe("dark-number-upload"));

            Path malformed = Files.writeString(Files.createTempFile("malformed", ".csv"), "A,B,count\n1,0,4\n0,x,3\n");
            upload(b, malformed, "");
            String problems = b.waitFor(By.id("mse-upload-problems")).getText();
            assertTrue(problems.contains("Regel 3, kolom 2"), "the error says where: " + problems);
            assertTrue(
                    problems.contains("moet 0 of 1 zijn") && !problems.contains("must be"),
                    "and what, in Dutch: " + problems);
            violations.addAll(b.axe("dark-number-upload-malformed"));

            upload(b, MseData.file("Artificial_3"), "A:B");
            String refusal = b.waitFor(By.id("mse-upload-error")).getText();
            assertTrue(
                    refusal.startsWith("Er is geen schatting")
                            && refusal.contains("bestaat geen eindige schatting")
                            && !refusal.contains("does not exist"),
                    "the reason, in Dutch: " + refusal);
            assertTrue(!b.present(By.id("upload-n")), "a refusal shows no number");
        }
        assertTrue(violations.isEmpty(), "axe: " + String.join("\n", violations));
    }

    private static void upload(Browser b, Path file, String terms) {
        b.js("document.getElementById('mse-upload-result').replaceChildren()");
        b.driver
                .findElement(By.id("mse-upload-file"))
                .sendKeys(file.toAbsolutePath().normalize().toString());
        b.type("mse-upload-terms", terms);
        b.click("mse-upload-submit");
    }

    /** The exact value in data-value is the API's, and the text is that value in whole persons, Dutch style. */
    private static void assertFigure(Browser b, String id, JsonNode expected) {
        assertValue(b, id, expected);
        assertEquals(
                String.format(DUTCH, "%,d", Math.round(expected.asDouble())),
                b.waitFor(By.id(id)).getText(),
                id);
    }

    private static void assertValue(Browser b, String id, JsonNode expected) {
        assertTrue(expected.isNumber(), id + " has a number in the API: " + expected);
        assertEquals(
                expected.asDouble(), Double.parseDouble(b.waitFor(By.id(id)).getAttribute("data-value")), 0, id);
    }

    private static void assertOverlap(Browser b, JsonNode overlap) {
        WebElement table = b.waitFor(By.id("mse-overlap"));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertEquals(overlap.get("cells").size() + 1, rows.size(), "every history and the total");
        int suppressed = 0;
        for (int i = 0; i < overlap.get("cells").size(); i++) {
            JsonNode cell = overlap.get("cells").get(i);
            String shown = rows.get(i).findElement(By.cssSelector("td")).getText();
            if (cell.get("count").isNumber()) {
                assertEquals(
                        String.format(DUTCH, "%,d", cell.get("count").asLong()), shown, "history " + cell.get("lists"));
            } else {
                assertEquals(
                        "onderdrukt (" + cell.get("display").asText() + ")",
                        shown,
                        "suppressed history " + cell.get("lists"));
                suppressed++;
            }
        }
        assertEquals(
                String.format(DUTCH, "%,d", overlap.at("/observed/count").asLong()),
                rows.get(rows.size() - 1).findElement(By.cssSelector("td")).getText(),
                "persons observed");
        assertEquals(
                suppressed,
                table.findElements(By.cssSelector("tbody .suppressed")).size(),
                "only withheld cells are marked suppressed");
    }

    private static void assertSeries(Browser b, JsonNode series) {
        WebElement chart = b.waitFor(By.cssSelector("#mse-series svg[role='img']"));
        String labelledBy = chart.getAttribute("aria-labelledby");
        assertTrue(
                labelledBy != null && labelledBy.split(" ").length == 2, "the chart names its title and description");
        List<WebElement> rows = b.driver.findElements(By.cssSelector("#mse-series table tbody tr"));
        assertEquals(series.size(), rows.size(), "one table row per year beside the chart");
        for (int i = 0; i < series.size(); i++) {
            JsonNode p = series.get(i);
            List<WebElement> cells = rows.get(i).findElements(By.cssSelector("td"));
            String n = p.get("populationSize").isNumber()
                    ? String.format(
                            DUTCH, "%,d", Math.round(p.get("populationSize").asDouble()))
                    : "–";
            assertEquals(n, cells.get(1).getText(), "year " + p.get("year"));
        }
        assertTrue(
                series.get(series.size() - 1).get("populationSize").isNumber(), YEAR + " has an estimate: " + series);
    }
}
