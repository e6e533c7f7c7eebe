package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final String TABLES =
            "return [...document.querySelectorAll(arguments[0])].map((t) => [...t.tBodies[0].rows]"
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
        ReportWorld world = new ReportWorld(scenario.caseworker(police), police, 20240611L);
        world.addCases(60);
        world.describeVictims(20240612L);
        String coordinator = scenario.createUserOnly("COORDINATOR", scenario.organisation("OM", null))
                .get("username")
                .asText();
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
            b.click("report-cut-period-1")
                    .select("report-cut-year", "2022")
                    .click("report-cut-level-1")
                    .submit();
            b.waitForPage("/reports/dependency?year=2022&level=COURT_DISTRICT");
            regional(b, "dependency", "year=2022&level=COURT_DISTRICT");
            b.driver.navigate().refresh();
            b.waitForPage("/reports/dependency?year=2022&level=COURT_DISTRICT");
            assertEquals("2022", b.value("report-cut-year"), "a reloaded page keeps its cut");
            regional(b, "dependency", "year=2022&level=COURT_DISTRICT");
            String csv = b.waitFor(By.cssSelector("#report-downloads a[href*='export.csv']"))
                    .getAttribute("href");
            assertTrue(csv.endsWith("api/reports/dependency/export.csv?year=2022&level=COURT_DISTRICT&lang=nl"), csv);
            assertEquals(
                    200L,
                    b.js("return fetch(arguments[0]).then((r) => r.status)", csv),
                    "the export of the same cut downloads");

            b.go("/coordinator").click("report-link-clients");
            b.waitForPage("/reports/clients");
            regional(b, "clients", "");
            b.click("report-cut-period-2")
                    .select("report-cut-quarter", "2022-Q3")
                    .click("report-cut-level-2")
                    .select("report-cut-team", "AVIM")
                    .submit();
            b.waitForPage("/reports/clients?quarter=2022-Q3&level=PROSECUTION_OFFICE&team=AVIM");
            regional(b, "clients", "quarter=2022-Q3&level=PROSECUTION_OFFICE&team=AVIM");
            b.go("/reports/clients?year=2022&level=POLICE_UNIT");
            regional(b, "clients", "year=2022&level=POLICE_UNIT");
            axe(b, "clients");

            b.go("/coordinator").click("report-link-throughput");
            b.waitForPage("/reports/throughput");
            assertTrue(throughput(b, "IN_VIEW_TO_OM_INFLOW", "") > 0, "some regions have a share within a year");
            axe(b, "throughput");
            b.click("report-cut-interval-2")
                    .click("report-cut-period-3")
                    .select("report-cut-from", "2021-Q1")
                    .select("report-cut-to", "2023-Q4")
                    .click("report-cut-level-1")
                    .submit();
            b.waitForPage(
                    "/reports/throughput?interval=OM_INFLOW_TO_VERDICT&from=2021-Q1&to=2023-Q4&level=COURT_DISTRICT");
            throughput(b, "OM_INFLOW_TO_VERDICT", "from=2021-Q1&to=2023-Q4&level=COURT_DISTRICT");

            measures(b);
            printViewIsStyled(b);
            indicators(b);
        }
        assertTrue(violations.isEmpty(), "axe WCAG 2.1 A/AA violations:\n" + String.join("\n", violations));
    }

    /** Checks a measure-1/2 page against the API; returns the number of regions in its funnel plot. */
    private int regional(Browser b, String measure, String query) {
        JsonNode r = json("api/reports/" + measure + (query.isEmpty() ? "" : "?" + query));
        int points = funnel(b, "#report-funnel", r.get("funnelPlot"));
        int categories = r.get("categories").size();
        int stages =
                b.driver.findElements(By.cssSelector("#report-stages tbody tr")).size();
        chart(b, "#report-stages", (categories + 1) * stages);
        countsAndRates(b, "#report-tables", r);
        return points;
    }

    /** The funnel plot and its table against the API's (null: no plot in this section); returns the number of points. */
    private int funnel(Browser b, String section, JsonNode plot) {
        JsonNode points = plot == null || plot.isNull() ? null : plot.get("points");
        if (points == null || points.isEmpty()) {
            assertFalse(b.present(By.cssSelector(section + " svg")), "no funnel plot without regions to plot");
        } else {
            chart(b, section, points.size());
        }
        if (points == null) {
            return 0;
        }
        List<List<String>> funnel =
                tables(b, section + " table").stream().findFirst().orElse(List.of());
        assertEquals(points.size(), funnel.size(), "one table row per point");
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            assertEquals(p.get("events").asLong(), number(funnel.get(i).get(1)), "events " + funnel.get(i));
            assertEquals(p.get("n").asLong(), number(funnel.get(i).get(2)), "denominator " + funnel.get(i));
            assertPercent(p.get("rate"), funnel.get(i).get(3));
        }
        return points.size();
    }

    /** Every count and rate table of a report (or a section of one) under the selector, cell by cell. */
    private void countsAndRates(Browser b, String selector, JsonNode r) {
        int categories = r.get("categories").size();
        List<List<List<String>>> shown = tables(b, selector + " table");
        assertEquals(
                r.get("tables").size() + r.get("rates").size(),
                shown.size() - (selector.equals("#report-tables") ? 1 : 0),
                "a table per counter and per rate in " + selector);
        int t = 0;
        int suppressed = 0;
        for (JsonNode table : r.get("tables")) {
            List<List<String>> rows = shown.get(t++);
            List<JsonNode> expected = withNational(table);
            assertEquals(
                    expected.size(), rows.size(), table.get("metric") + ": one row per region and the national row");
            for (int i = 0; i < expected.size(); i++) {
                for (int c = 0; c <= categories; c++) {
                    JsonNode cell = c < categories
                            ? expected.get(i).get("cells").get(c)
                            : expected.get(i).get("total");
                    suppressed += cell.get("value").isNull() ? 1 : 0;
                    assertCount(cell, rows.get(i).get(c + 1), table.get("metric") + " row " + i + " column " + c);
                }
            }
        }
        assertEquals(
                (long) suppressed,
                b.js("return document.querySelectorAll(arguments[0]).length", selector + " [data-suppressed]"),
                "every suppressed count is shown as suppressed");
        for (JsonNode table : r.get("rates")) {
            List<List<String>> rows = shown.get(t++);
            List<JsonNode> expected = withNational(table);
            assertEquals(expected.size(), rows.size(), table.get("name") + ": one row per region and the national row");
            for (int i = 0; i < expected.size(); i++) {
                for (int c = 0; c <= categories; c++) {
                    JsonNode rate = c < categories
                            ? expected.get(i).get("cells").get(c)
                            : expected.get(i).get("total");
                    String text = rows.get(i).get(c + 1);
                    if (rate.get("rate").isNull()) {
                        assertTrue(
                                text.startsWith("–") && !NUMBER.matcher(text).find(),
                                "a withheld rate shows no figure: " + text);
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
    }

    /**
     * Measures 4–6: each page from the start page, then other periods, region levels (the municipalities
     * of a police unit among them) and an age group through the form; every section's national bars,
     * funnel plot and tables and every Kaplan–Meier view equal the API's JSON.
     */
    private void measures(Browser b) {
        b.go("/coordinator").click("report-link-victims");
        b.waitForPage("/reports/victims");
        assertTrue(measure(b, "victims", "") > 0, "all years by police unit puts regions in the aangifte funnel plot");
        axe(b, "victims");
        b.click("report-cut-period-1")
                .select("report-cut-year", "2022")
                .click("report-cut-level-1")
                .select("report-cut-ageGroup", "AGE_12_15")
                .submit();
        b.waitForPage("/reports/victims?year=2022&level=COURT_DISTRICT&ageGroup=AGE_12_15");
        measure(b, "victims", "year=2022&level=COURT_DISTRICT&ageGroup=AGE_12_15");
        b.click("report-cut-period-0")
                .click("report-cut-level-3")
                .select("report-cut-unit", "ON")
                .select("report-cut-ageGroup", "")
                .submit();
        b.waitForPage("/reports/victims?level=MUNICIPALITY&unit=ON");
        measure(b, "victims", "level=MUNICIPALITY&unit=ON");
        assertTrue(
                ((String) b.js("return document.getElementById('report-summary').textContent")).contains("ON"),
                "the unit is part of the cut");

        b.go("/coordinator").click("report-link-runaways");
        b.waitForPage("/reports/runaways");
        measure(b, "runaways", "");
        axe(b, "runaways");
        b.click("report-cut-level-3").select("report-cut-unit", "ON").submit();
        b.waitForPage("/reports/runaways?level=MUNICIPALITY&unit=ON");
        measure(b, "runaways", "level=MUNICIPALITY&unit=ON");
        axe(b, "runaways-municipality");
        b.go("/reports/runaways?from=2021-Q1&to=2023-Q4&level=PROSECUTION_OFFICE");
        measure(b, "runaways", "from=2021-Q1&to=2023-Q4&level=PROSECUTION_OFFICE");

        b.go("/coordinator").click("report-link-care");
        b.waitForPage("/reports/care");
        measure(b, "care", "");
        axe(b, "care");
        b.click("report-cut-period-3")
                .select("report-cut-from", "2021-Q1")
                .select("report-cut-to", "2023-Q4")
                .click("report-cut-level-3")
                .select("report-cut-unit", "AMS")
                .submit();
        b.waitForPage("/reports/care?from=2021-Q1&to=2023-Q4&level=MUNICIPALITY&unit=AMS");
        measure(b, "care", "from=2021-Q1&to=2023-Q4&level=MUNICIPALITY&unit=AMS");
        String csv = b.waitFor(By.cssSelector("#report-downloads a[href*='export.csv']"))
                .getAttribute("href");
        assertTrue(
                csv.endsWith("api/reports/care/export.csv?from=2021-Q1&to=2023-Q4&level=MUNICIPALITY&unit=AMS&lang=nl"),
                csv);
        assertEquals(
                200L,
                b.js("return fetch(arguments[0]).then((r) => r.status)", csv),
                "the export of the same cut downloads");
    }

    /** Checks a measure-4/5/6 page against the API; returns the regions in its first funnel plot. */
    private int measure(Browser b, String measure, String query) {
        JsonNode r = json("api/reports/" + measure + (query.isEmpty() ? "" : "?" + query));
        int points = -1;
        for (JsonNode section : r.get("sections")) {
            String id = "#report-" + section.get("measure").asText();
            int categories = section.get("categories").size();
            List<JsonNode> national = new ArrayList<>();
            section.get("tables").forEach(x -> national.add(x.get("national")));
            chart(b, id + "-stages", (categories + 1) * national.size());
            List<List<String>> stages = tables(b, id + "-stages table").get(0);
            assertEquals(national.size(), stages.size(), "a row per counter in " + id);
            for (int m = 0; m < national.size(); m++) {
                for (int c = 0; c <= categories; c++) {
                    JsonNode cell = c < categories
                            ? national.get(m).get("cells").get(c)
                            : national.get(m).get("total");
                    assertCount(cell, stages.get(m).get(c + 1), id + " national counter " + m + " column " + c);
                }
            }
            int plotted = funnel(b, id + "-funnel", section.get("funnelPlot"));
            points = points < 0 && !section.get("funnelPlot").isNull() ? plotted : points;
            countsAndRates(b, id + "-tables", section);
        }
        for (JsonNode view : r.get("survival")) {
            String interval = view.get("interval").asText();
            survival(b, view, "#report-medians-" + interval, "#report-curves-" + interval);
        }
        assertEquals(
                (long) r.get("survival").size() * 2,
                b.js("return document.querySelectorAll('[id^=report-medians-], [id^=report-curves-]').length"),
                "a medians and a curve section per Kaplan–Meier view");
        return points;
    }

    /** The printable page of a region is styled by its own stylesheet, which the CSP allows (an inline style it would block). */
    private void printViewIsStyled(Browser b) {
        b.go("/reports/dependency?year=2022");
        String print = b.waitFor(By.cssSelector("#report-downloads summary")).getText();
        assertFalse(print.isBlank());
        String href = (String) b.js("return document.querySelector('#report-downloads .print-links a').href");
        b.driver.get(href);
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(10))
                .until(d -> "complete".equals(b.js("return document.readyState")));
        assertEquals(
                "collapse",
                b.js("return getComputedStyle(document.querySelector('table')).borderCollapse"),
                "print.css is applied to the print page");
        assertEquals(
                0L, b.js("return document.querySelectorAll('style').length"), "no inline style the CSP would block");
        b.driver.navigate().back();
        b.waitForPage("/reports/dependency?year=2022");
    }

    /**
     * Checks the throughput page against the API: the national key figures first, the curves, the
     * downloads, and the collapsed tables; returns how many regions publish their share within 365 days.
     */
    private int throughput(Browser b, String interval, String query) {
        JsonNode r = json("api/reports/throughput/" + interval + (query.isEmpty() ? "" : "?" + query));
        JsonNode national = r.get("national");
        for (JsonNode at : national.get("horizons")) {
            String shown =
                    b.waitFor(By.id("report-cif-" + at.get("days").asInt())).getText();
            if (at.get("incidence").isNull()) {
                assertTrue(numbers(shown).isEmpty(), "withheld: " + shown);
            } else {
                List<Double> n = numbers(shown);
                assertPercent(at.get("incidence"), shown);
                // "34,5% 95%-BI 30,1% tot 38,9%": the limits are the last two numbers.
                assertClose(100 * at.get("lower95").asDouble(), n.get(n.size() - 2), "lower " + shown);
                assertClose(100 * at.get("upper95").asDouble(), n.get(n.size() - 1), "upper " + shown);
            }
        }
        String median = b.waitFor(By.id("report-median")).getText();
        if (national.get("medianDays").isNull()) {
            assertEquals(
                    List.of(r.get("medianMinEvents").asDouble()),
                    numbers(median),
                    "no median: the rule's minimum is named");
        } else {
            assertClose(national.get("medianDays").asDouble(), numbers(median).get(0), "median " + median);
        }
        assertFalse(b.present(By.cssSelector("#report-tables[open]")), "the full tables start collapsed");
        List<JsonNode> rows = new ArrayList<>();
        r.get("rows").forEach(rows::add);
        rows.add(national);
        List<List<List<String>>> shown = tables(b, "#report-tables table");
        assertEquals(rows.size(), shown.get(0).size());
        int with365 = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            List<String> cells = shown.get(0).get(i);
            assertCount(row.get("people"), cells.get(1), "people " + i);
            assertCount(row.get("reached"), cells.get(2), "reached " + i);
            assertCount(row.get("ended"), cells.get(3), "ended " + i);
            assertCount(row.get("open"), cells.get(4), "open " + i);
            for (int h = 0; h < 3; h++) {
                JsonNode at = row.get("horizons").get(h);
                if (at.get("incidence").isNull()) {
                    assertTrue(numbers(cells.get(5 + h)).isEmpty(), "withheld: " + cells);
                } else {
                    assertPercent(at.get("incidence"), cells.get(5 + h));
                }
            }
            with365 += i < rows.size() - 1
                            && !row.get("horizons").get(2).get("incidence").isNull()
                    ? 1
                    : 0;
        }
        List<JsonNode> curves = new ArrayList<>(List.of(national));
        curves.addAll(rows.subList(0, rows.size() - 1));
        curves.removeIf(c -> c.get("curve").size() < 2);
        chart(b, "#report-curves", curves.size());
        int i = 0;
        for (JsonNode curve : curves) {
            for (int p = 1; p < curve.get("curve").size(); p++) {
                JsonNode point = curve.get("curve").get(p);
                List<String> cells = shown.get(1).get(i++);
                assertClose(point.get("days").asDouble(), numbers(cells.get(1)).get(0), "days " + cells);
                assertClose(
                        100 * point.get("incidence").asDouble(),
                        numbers(cells.get(2)).get(0),
                        "incidence " + cells);
            }
        }
        assertEquals(i, shown.get(1).size(), "one row per published point");
        for (String type : List.of("csv", "xlsx")) {
            String href = b.waitFor(By.cssSelector("#report-downloads a[href*='export." + type + "']"))
                    .getAttribute("href");
            assertTrue(
                    href.contains("api/reports/throughput/" + interval + "/export." + type) && href.contains("lang="),
                    href);
            assertEquals(
                    200L,
                    b.js("return fetch(arguments[0]).then((r) => r.status)", href),
                    "the export of the same cut downloads");
        }
        return with365;
    }

    /** A Kaplan–Meier view (medians per region, then its curves) against the API's; returns how many regions have a median. */
    private int survival(Browser b, JsonNode r, String mediansSection, String curvesSection) {
        List<JsonNode> rows = new ArrayList<>();
        r.get("rows").forEach(rows::add);
        chart(b, mediansSection, rows.size());
        int medians =
                (int) rows.stream().filter(x -> !x.get("medianDays").isNull()).count();
        assertEquals(
                (long) medians,
                b.js("return document.querySelectorAll(arguments[0] + ' svg circle').length", mediansSection),
                "a dot per median");
        rows.add(r.get("national"));
        List<List<String>> shown = tables(b, mediansSection + " table").get(0);
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
        curves(b, rows, curvesSection);
        return medians;
    }

    /** The published Kaplan–Meier curves (national first, then each region with one) point by point. */
    private void curves(Browser b, List<JsonNode> rowsWithNational, String section) {
        List<JsonNode> curves =
                new ArrayList<>(rowsWithNational.subList(rowsWithNational.size() - 1, rowsWithNational.size()));
        curves.addAll(rowsWithNational.subList(0, rowsWithNational.size() - 1));
        curves.removeIf(r -> r.get("curve").size() < 2);
        if (curves.isEmpty()) {
            assertFalse(b.present(By.cssSelector(section + " svg")), "no curve without published steps");
            return;
        }
        chart(b, section, curves.size());
        List<List<String>> shown = tables(b, section + " table").get(0);
        int i = 0;
        for (JsonNode curve : curves) {
            for (JsonNode point : curve.get("curve")) {
                List<String> cells = shown.get(i++);
                assertClose(point.get("days").asDouble(), numbers(cells.get(1)).get(0), "days " + cells);
                assertClose(
                        100 * point.get("survival").asDouble(),
                        numbers(cells.get(2)).get(0),
                        "survival " + cells);
            }
        }
        assertEquals(i, shown.size(), "one row per published point");
    }

    /** Defines an indicator and a target through the page; actual against target equals the API's results. */
    private void indicators(Browser b) {
        b.go("/coordinator").click("report-link-indicators");
        b.waitForPage("/reports/indicators");
        String name = "Verdachten OM-instroom " + System.nanoTime() % 100000;
        b.type("indicator-define-name", name)
                .select("indicator-define-metric", "s_om_inflow")
                .click(By.cssSelector("#indicator-define button[type=submit]"));
        String path = b.waitForPageMatching("/reports/indicators\\?indicator=\\d+");
        String id = path.substring(path.indexOf('=') + 1);
        b.select("indicator-choice-from", "2021")
                .select("indicator-choice-to", "2023")
                .submit();
        b.waitForPage("/reports/indicators?indicator=" + id + "&from=2021&to=2023");
        b.select("indicator-target-year", "2022")
                .type("indicator-target-target", "240")
                .click(By.cssSelector("#indicator-target button[type=submit]"));
        b.waitFor(By.xpath("//*[@id='indicator-results']//td[normalize-space()='240']"));
        JsonNode r = json("api/indicators/" + id + "/results?from=2021&to=2023");
        chart(b, "#indicator-results", r.get("rows").size());
        List<List<String>> shown = tables(b, "#indicator-results table").get(0);
        assertEquals(r.get("rows").size(), shown.size());
        boolean targetShown = false;
        for (int i = 0; i < shown.size(); i++) {
            JsonNode row = r.get("rows").get(i);
            assertTrue(
                    shown.get(i).get(0).endsWith(row.get("year").asText()),
                    shown.get(i).get(0));
            if (row.get("actual").isNull()) {
                assertTrue(
                        shown.get(i).get(1).startsWith(row.get("actualDisplay").asText()),
                        shown.get(i).get(1));
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
        assertFalse(
                ((String) b.js("return document.querySelector(arguments[0] + ' title').textContent", svg)).isBlank());
        assertFalse(
                ((String) b.js("return document.querySelector(arguments[0] + ' desc').textContent", svg)).isBlank());
        assertEquals(
                (long) points,
                b.js("return document.querySelectorAll(arguments[0] + ' .chart__datum').length", svg),
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
            assertTrue(
                    text.startsWith(cell.get("display").asText()) && text.contains("niet gepubliceerd"),
                    what + " suppressed: " + text);
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
