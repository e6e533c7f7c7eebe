package nl.ketenzicht.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ketenzicht.reports.ReportWorld;
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
import org.openqa.selenium.Dimension;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coordinators' report pages in Chromium over seeded cases: each page is reached from the start
 * page, the period and region level are changed through the form (and kept in the URL), the chart
 * is drawn with one mark per data point, and every figure of the table beside it equals the API's
 * JSON for the same cut. axe-core finds no WCAG 2.1 A/AA violation on any report page in Dutch or
 * English.
 */
@ExtendWith(ArquillianExtension.class)
class ReportPagesIT {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final String TABLES = "return [...document.querySelectorAll(arguments[0])].map((t) => [...t.tBodies[0].rows]"
            + ".map((r) => [...r.cells].map((c) => c.textContent.trim())))";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private Scenario scenario;
    private Api api;
    private final List<String> violations = new ArrayList<>();

    @Test
    void aCoordinatorOpensEachReportChangesTheCutAndSeesTheApiFiguresInChartAndTable() {
        scenario = new Scenario(base);
        long police = scenario.organisation("POLICE", "AMS");
        new ReportWorld(scenario.caseworker(police), police, 20240611L).addCases(60);
        String coordinator = scenario.createUserOnly("COORDINATOR", scenario.organisation("OM", null)).get("username").asText();
        api = scenario.login(coordinator, Scenario.PASSWORD);
        try (Browser b = Browser.open(base, "reports")) {
            b.login(coordinator, Scenario.PASSWORD, () -> {
                scenario.advanceClock(31);
                return scenario.totp(coordinator);
            });
            b.waitForPage("/coordinator");

            b.click("report-link-dependency");
            b.waitForPage("/reports/dependency");
            assertTrue(regional(b, "dependency", "") > 0, "all years by police unit puts regions in the funnel plot");
            axe(b, "dependency");
            b.click("report-cut-period-1").select("report-cut-year", "2022").click("report-cut-level-1").submit();
            b.waitForPage("/reports/dependency?year=2022&level=COURT_DISTRICT");
            regional(b, "dependency", "year=2022&level=COURT_DISTRICT");
            b.driver.navigate().refresh();
            b.waitForPage("/reports/dependency?year=2022&level=COURT_DISTRICT");
            assertEquals("2022", b.value("report-cut-year"), "a reloaded page keeps its cut");
            regional(b, "dependency", "year=2022&level=COURT_DISTRICT");
            String csv = b.waitFor(By.cssSelector("#report-downloads a[href*='export.csv']")).getAttribute("href");
            assertTrue(csv.endsWith("api/reports/dependency/export.csv?year=2022&level=COURT_DISTRICT"), csv);
            assertEquals(200L, b.js("return fetch(arguments[0]).then((r) => r.status)", csv), "the export of the same cut downloads");

            b.go("/coordinator").click("report-link-clients");
            b.waitForPage("/reports/clients");
            regional(b, "clients", "");
            b.click("report-cut-period-2").select("report-cut-quarter", "2022-Q3").click("report-cut-level-2")
                    .select("report-cut-team", "AVIM").submit();
            b.waitForPage("/reports/clients?quarter=2022-Q3&level=PROSECUTION_OFFICE&team=AVIM");
            regional(b, "clients", "quarter=2022-Q3&level=PROSECUTION_OFFICE&team=AVIM");
            b.go("/reports/clients?year=2022&level=POLICE_UNIT");
            regional(b, "clients", "year=2022&level=POLICE_UNIT");
            axe(b, "clients");

            b.go("/coordinator").click("report-link-throughput");
            b.waitForPage("/reports/throughput");
            assertTrue(throughput(b, "IN_VIEW_TO_OM_INFLOW", "") > 0, "some regions have a median");
            axe(b, "throughput");
            b.click("report-cut-interval-2").click("report-cut-period-3").select("report-cut-from", "2021-Q1")
                    .select("report-cut-to", "2023-Q4").click("report-cut-level-1").submit();
            b.waitForPage("/reports/throughput?interval=OM_INFLOW_TO_VERDICT&from=2021-Q1&to=2023-Q4&level=COURT_DISTRICT");
            throughput(b, "OM_INFLOW_TO_VERDICT", "from=2021-Q1&to=2023-Q4&level=COURT_DISTRICT");

            indicators(b);
        }
        assertTrue(violations.isEmpty(), "axe WCAG 2.1 A/AA violations:\n" + String.join("\n", violations));
    }

    /** Checks a measure-1/2 page against the API; returns the number of regions in its funnel plot. */
    private int regional(Browser b, String measure, String query) {
        JsonNode r = json("api/reports/" + measure + (query.isEmpty() ? "" : "?" + query));
        JsonNode points = r.at("/funnelPlot/points");
        if (points.isEmpty()) {
            assertFalse(b.present(By.cssSelector("#report-funnel svg")), "no funnel plot without regions to plot");
        } else {
            chart(b, "#report-funnel", points.size());
        }
        List<List<String>> funnel = tables(b, "#report-funnel table").stream().findFirst().orElse(List.of());
        assertEquals(points.size(), funnel.size(), "one table row per point");
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            assertEquals(p.get("events").asLong(), number(funnel.get(i).get(1)), "events " + funnel.get(i));
            assertEquals(p.get("n").asLong(), number(funnel.get(i).get(2)), "denominator " + funnel.get(i));
            assertPercent(p.get("rate"), funnel.get(i).get(3));
        }
        int categories = r.get("categories").size();
        int stages = b.driver.findElements(By.cssSelector("#report-stages tbody tr")).size();
        chart(b, "#report-stages", (categories + 1) * stages);

        List<List<List<String>>> shown = tables(b, "#report-tables table");
        int t = 0;
        int suppressed = 0;
        for (JsonNode table : r.get("tables")) {
            List<List<String>> rows = shown.get(t++);
            List<JsonNode> expected = withNational(table);
            assertEquals(expected.size(), rows.size(), table.get("metric") + ": one row per region and the national row");
            for (int i = 0; i < expected.size(); i++) {
                for (int c = 0; c <= categories; c++) {
                    JsonNode cell = c < categories ? expected.get(i).get("cells").get(c) : expected.get(i).get("total");
                    suppressed += cell.get("value").isNull() ? 1 : 0;
                    assertCount(cell, rows.get(i).get(c + 1), table.get("metric") + " row " + i + " column " + c);
                }
            }
        }
        assertEquals((long) suppressed, b.js("return document.querySelectorAll('#report-tables [data-suppressed]').length"),
                "every suppressed count is shown as suppressed");
        for (JsonNode table : r.get("rates")) {
            List<List<String>> rows = shown.get(t++);
            List<JsonNode> expected = withNational(table);
            for (int i = 0; i < expected.size(); i++) {
                for (int c = 0; c <= categories; c++) {
                    JsonNode rate = c < categories ? expected.get(i).get("cells").get(c) : expected.get(i).get("total");
                    String text = rows.get(i).get(c + 1);
                    if (rate.get("rate").isNull()) {
                        assertTrue(text.startsWith("–") && !NUMBER.matcher(text).find(), "a withheld rate shows no figure: " + text);
                    } else {
                        List<Double> figures = numbers(text);
                        assertEquals(3, figures.size(), "rate and interval: " + text);
                        assertClose(100 * rate.get("rate").asDouble(), figures.get(0), text);
                        assertClose(100 * rate.get("lower").asDouble(), figures.get(1), text);
                        assertClose(100 * rate.get("upper").asDouble(), figures.get(2), text);
                    }
                }
            }
        }
        return points.size();
    }

    /** Checks the throughput page against the API; returns how many regions have a median. */
    private int throughput(Browser b, String interval, String query) {
        JsonNode r = json("api/reports/throughput/" + interval + (query.isEmpty() ? "" : "?" + query));
        List<JsonNode> rows = new ArrayList<>();
        r.get("rows").forEach(rows::add);
        chart(b, "#report-medians", rows.size());
        int medians = (int) rows.stream().filter(x -> !x.get("medianDays").isNull()).count();
        assertEquals((long) medians, b.js("return document.querySelectorAll('#report-medians svg circle').length"), "a dot per median");
        rows.add(r.get("national"));
        List<List<String>> shown = tables(b, "#report-medians table").get(0);
        assertEquals(rows.size(), shown.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            List<String> cells = shown.get(i);
            assertCount(row.get("people"), cells.get(1), "people " + i);
            assertCount(row.get("events"), cells.get(2), "events " + i);
            for (String[] f : new String[][] {{"medianDays", "3"}, {"lower95", "4"}, {"upper95", "5"}}) {
                String text = cells.get(Integer.parseInt(f[1]));
                if (row.get(f[0]).isNull()) {
                    assertTrue(numbers(text).isEmpty(), f[0] + " is not shown: " + text);
                } else {
                    assertClose(row.get(f[0]).asDouble(), numbers(text).get(0), f[0] + ": " + text);
                }
            }
        }
        curves(b, rows);
        return medians;
    }

    /** The published Kaplan–Meier curves (national first, then each region with one) point by point. */
    private void curves(Browser b, List<JsonNode> rowsWithNational) {
        List<JsonNode> curves = new ArrayList<>(rowsWithNational.subList(rowsWithNational.size() - 1, rowsWithNational.size()));
        curves.addAll(rowsWithNational.subList(0, rowsWithNational.size() - 1));
        curves.removeIf(r -> r.get("curve").size() < 2);
        if (curves.isEmpty()) {
            assertFalse(b.present(By.cssSelector("#report-curves svg")), "no curve without published steps");
            return;
        }
        chart(b, "#report-curves", curves.size());
        List<List<String>> shown = tables(b, "#report-curves table").get(0);
        int i = 0;
        for (JsonNode curve : curves) {
            for (JsonNode point : curve.get("curve")) {
                List<String> cells = shown.get(i++);
                assertClose(point.get("days").asDouble(), numbers(cells.get(1)).get(0), "days " + cells);
                assertClose(100 * point.get("survival").asDouble(), numbers(cells.get(2)).get(0), "survival " + cells);
            }
        }
        assertEquals(i, shown.size(), "one row per published point");
    }

    /** Defines an indicator and a target through the page; actual against target equals the API's results. */
    private void indicators(Browser b) {
        b.go("/coordinator").click("report-link-indicators");
        b.waitForPage("/reports/indicators");
        String name = "Verdachten OM-instroom " + System.nanoTime() % 100000;
        b.type("indicator-define-name", name).select("indicator-define-metric", "s_om_inflow")
                .click(By.cssSelector("#indicator-define button[type=submit]"));
        String path = b.waitForPageMatching("/reports/indicators\\?indicator=\\d+");
        String id = path.substring(path.indexOf('=') + 1);
        b.select("indicator-choice-from", "2021").select("indicator-choice-to", "2023").submit();
        b.waitForPage("/reports/indicators?indicator=" + id + "&from=2021&to=2023");
        b.select("indicator-target-year", "2022").type("indicator-target-target", "240")
                .click(By.cssSelector("#indicator-target button[type=submit]"));
        b.waitFor(By.xpath("//*[@id='indicator-results']//td[normalize-space()='240']"));
        JsonNode r = json("api/indicators/" + id + "/results?from=2021&to=2023");
        chart(b, "#indicator-results", r.get("rows").size());
        List<List<String>> shown = tables(b, "#indicator-results table").get(0);
        assertEquals(r.get("rows").size(), shown.size());
        boolean targetShown = false;
        for (int i = 0; i < shown.size(); i++) {
            JsonNode row = r.get("rows").get(i);
            assertTrue(shown.get(i).get(0).endsWith(row.get("year").asText()), shown.get(i).get(0));
            if (row.get("actual").isNull()) {
                assertTrue(shown.get(i).get(1).startsWith(row.get("actualDisplay").asText()), shown.get(i).get(1));
            } else {
                assertEquals(row.get("actual").asLong(), number(shown.get(i).get(1)));
            }
            if (!row.get("target").isNull()) {
                assertEquals(row.get("target").asLong(), number(shown.get(i).get(2)));
                targetShown = true;
            }
        }
        assertTrue(targetShown, "the national 2022 target is listed");
        axe(b, "indicators");
    }

    /** The section's chart is an image with a title and description, and has one mark per data point. */
    private void chart(Browser b, String section, int points) {
        String svg = section + " svg[role=img]";
        assertTrue(b.present(By.cssSelector(svg)), "a chart in " + section);
        assertFalse(((String) b.js("return document.querySelector(arguments[0] + ' title').textContent", svg)).isBlank());
        assertFalse(((String) b.js("return document.querySelector(arguments[0] + ' desc').textContent", svg)).isBlank());
        assertEquals((long) points, b.js("return document.querySelectorAll(arguments[0] + ' .chart__datum').length", svg),
                "data points in " + section);
    }

    /** axe in both languages, screenshots, and no horizontal scrolling at 320 px (charts scale, tables scroll in their box). */
    private void axe(Browser b, String page) {
        for (String lang : List.of("en", "nl")) {
            b.language(lang);
            violations.addAll(b.axe(page));
        }
        b.screenshots("report-" + page);
        b.driver.manage().window().setSize(new Dimension(320, 800));
        String overflow = b.overflow();
        if (!overflow.isEmpty()) {
            violations.add(page + ": needs horizontal scrolling at 320 px: " + overflow);
        }
        b.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private JsonNode json(String path) {
        Api.Reply r = api.get(path);
        assertEquals(200, r.status(), path + ": " + r);
        return r.json();
    }

    @SuppressWarnings("unchecked")
    private static List<List<List<String>>> tables(Browser b, String selector) {
        return (List<List<List<String>>>) b.js(TABLES, selector);
    }

    private static List<JsonNode> withNational(JsonNode table) {
        List<JsonNode> rows = new ArrayList<>();
        table.get("rows").forEach(rows::add);
        rows.add(table.get("national"));
        return rows;
    }

    private static void assertCount(JsonNode cell, String text, String what) {
        if (cell.get("value").isNull()) {
            assertTrue(text.startsWith(cell.get("display").asText()) && text.contains("onderdrukt"), what + " suppressed: " + text);
        } else {
            assertEquals(cell.get("value").asLong(), number(text), what + ": " + text);
        }
    }

    private static void assertPercent(JsonNode rate, String text) {
        assertClose(100 * rate.asDouble(), numbers(text).get(0), text);
    }

    /** Shown with one decimal: equal to the API's figure within half a unit of that decimal. */
    private static void assertClose(double expected, double shown, String text) {
        assertTrue(Math.abs(expected - shown) <= 0.05 + 1e-9, "expected " + expected + ", shown " + text);
    }

    private static long number(String text) {
        return Math.round(numbers(text).get(0));
    }

    /** The numbers in a Dutch text: "1.234" is a thousand and more, "12,3%" twelve point three. */
    private static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(Double.parseDouble(m.group().replace(".", "").replace(',', '.')));
        }
        return out;
    }
}
