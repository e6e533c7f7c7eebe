package nl.ketenzicht.exchange;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aSuspect;
import static nl.ketenzicht.support.ChainData.aVictim;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.reports.stats.CellKeyPerturbation;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exchange through the API on cases of its own (opened in 2001, a year no other test writes): twelve
 * cases of one counter row, each with a girl of Dutch nationality and a man in view; six reach a summons and
 * a conviction. The HTCDS export validates against the standard's own field list, the GLOTIP tables publish
 * exactly the cell-key figures of the known counts, the open release holds one class of twelve, every file is
 * the same when asked again, each export is in the access log with its filter, and a regional coordinator is
 * refused.
 */
@ExtendWith(ArquillianExtension.class)
class ExchangeIT {

    private static final int N = 12;
    private static final int CONVICTED = 6;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    void exportsOfKnownCasesValidateCountAndReleaseAsDocumented() throws Exception {
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "AMS"));
        for (int i = 0; i < N; i++) {
            long kase = created(w.post(
                    "api/cases",
                    Json.with(
                            aCase(),
                            "openedOn",
                            "2001-03-01",
                            "origin",
                            "AMBTSHALVE",
                            "teamType",
                            "AVIM",
                            "exploitationForms",
                            List.of("SEXUAL"))));
            long victim = created(w.post(
                    "api/cases/" + kase + "/victims",
                    Json.with(
                            aVictim(),
                            "birthYear",
                            1986,
                            "birthMonth",
                            6,
                            "nationality",
                            "NL",
                            "exploitationStartedOn",
                            "2001-01-10")));
            long suspect =
                    created(w.post("api/cases/" + kase + "/suspects", Json.with(aSuspect(victim), "birthYear", 1970)));
            step(
                    w,
                    suspect,
                    Json.of(
                            "stage",
                            "IN_VIEW",
                            "on",
                            "2001-04-02",
                            "charges",
                            List.of(Json.of("article", "248a", "lawVersion", "SR", "offenceDate", "2001-01-10"))));
            if (i < CONVICTED) {
                step(w, suspect, Json.of("stage", "OM_INFLOW", "on", "2001-05-01"));
                step(w, suspect, Json.of("stage", "OM_DECISION", "on", "2001-06-01", "decision", "SUMMONS"));
                step(w, suspect, Json.of("stage", "VERDICT", "on", "2001-09-03", "verdict", "CONVICTION"));
            }
        }
        Api coordinator = s.user("COORDINATOR", s.organisation("NATIONAL", null), null);

        // HTCDS: every record validates against the standard's own field list.
        HtcdsStandard standard = HtcdsStandard.load();
        JsonNode doc = Api.JSON.readTree(coordinator.getBytes("api/exchange/htcds.json?fromYear=2001&toYear=2001"));
        assertEquals(2 * N, doc.get("records").size());
        for (JsonNode r : doc.get("records")) {
            Map<String, Object> record = HtcdsStandard.record(r);
            assertEquals(List.of(), standard.problems(record), record.toString());
        }
        long actual = 0;
        for (JsonNode r : doc.get("records")) {
            actual += r.path("vic_TraffickingStatus").asText().equals("ActualVictimOfTrafficking") ? 1 : 0;
        }
        assertEquals(CONVICTED, actual, "a victim of a convicted suspect is an actual victim");
        byte[] csv = coordinator.getBytes("api/exchange/htcds.csv?fromYear=2001&toYear=2001");
        List<CSVRecord> rows = parse(csv);
        assertEquals(2 * N, rows.size());
        for (CSVRecord row : rows) {
            Map<String, Object> record = HtcdsStandard.record(row);
            assertEquals(List.of(), standard.problems(record), record.toString());
        }
        assertArrayEquals(
                csv, coordinator.getBytes("api/exchange/htcds.csv?fromYear=2001&toYear=2001"), "reproducible");

        // GLOTIP: the known counts, published with the key of their one counter row.
        long tk = funnelKey();
        Map<String, List<Row>> sheets = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(
                new ByteArrayInputStream(coordinator.getBytes("api/exchange/glotip.xlsx?year=2001")))) {
            wb.getSheets().forEach(sh -> {
                try {
                    sheets.put(sh.getName(), sh.read());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertEquals(published(N, tk), cell(sheets.get("VICTIMS"), "GIRLS", 1), "victims: girls, sexual exploitation");
        assertEquals(published(N, tk), cell(sheets.get("FORMAL_CONTACT"), "MEN", 1));
        assertEquals(published(CONVICTED, tk), cell(sheets.get("PROSECUTED"), "MEN", 1));
        assertEquals(published(CONVICTED, tk), cell(sheets.get("CONVICTED"), "MEN", 1));
        assertEquals(published(N, tk), cell(sheets.get("VICTIMS"), "NL", 1), "victims of Dutch nationality");
        assertEquals(0L, cell(sheets.get("VICTIMS"), "BOYS", 1));
        assertEquals(published(N, tk), cell(sheets.get("ARTICLES"), "248a SR", 1));
        assertEquals(published(CONVICTED, tk), cell(sheets.get("ARTICLES"), "248a SR", 3));

        // The open release: one class of twelve, nothing withheld, the same file again.
        byte[] release = coordinator.getBytes("api/exchange/release.csv?fromYear=2001&toYear=2001");
        List<CSVRecord> released = parse(release);
        assertEquals(N, released.size());
        assertEquals(
                1,
                released.stream()
                        .map(r -> r.toList().subList(0, OpenRelease.QUASI_IDENTIFIERS.size()))
                        .distinct()
                        .count());
        assertArrayEquals(release, coordinator.getBytes("api/exchange/release.csv?fromYear=2001&toYear=2001"));
        JsonNode report = coordinator
                .get("api/exchange/release/report?fromYear=2001&toYear=2001")
                .json();
        assertEquals(N, report.get("records").asLong());
        assertEquals(0, report.get("withheld").asLong());
        assertEquals(11, report.get("k").asInt());

        // Who, when, which filter.
        assertTrue(Db.count("access_log WHERE object_type = 'exchange:htcds' AND action = 'EXPORT'"
                        + " AND purpose = 'fromYear=2001 toYear=2001 csv' AND role = 'COORDINATOR'")
                >= 2);
        assertTrue(Db.count("access_log WHERE object_type = 'exchange:glotip' AND purpose = 'year=2001 xlsx'") >= 1);
        assertTrue(Db.count(
                        "access_log WHERE object_type = 'exchange:release' AND purpose = 'fromYear=2001 toYear=2001 csv'")
                >= 2);

        // A regional coordinator is refused, by name, and the refusal is logged.
        Api regional = s.user("COORDINATOR", s.organisation("POLICE", "AMS"), "AMS");
        Api.Reply refused = regional.get("api/exchange/htcds.csv?fromYear=2001&toYear=2001");
        assertEquals(403, refused.status());
        assertEquals("forbidden.exchangeNational", refused.json().get("code").asText());
        assertEquals(
                400,
                coordinator
                        .get("api/exchange/htcds.csv?fromYear=2001&toYear=1999")
                        .status());
        assertEquals(
                400,
                coordinator
                        .get("api/exchange/release.csv?fromYear=2002&toYear=2001")
                        .status());
    }

    /**
     * The workbook of a year counts the steps in the year of cases opened before it (summonses, convictions,
     * persons coming into view), and only the victims of the year's own cases. It reads only the cases that
     * can count ({@link ExchangeRecords#activeIn}): every figure, true and published, is what reading every
     * case since 2000 gives, and the served workbook is the one written from that full read.
     */
    @Test
    void aYearsWorkbookCountsOlderCasesStepsInTheYearAsReadingEveryCaseDoes() throws Exception {
        int year = 2006;
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "AMS"));
        for (int i = 0; i < 3; i++) {
            // Opened the year before, in view then, summoned and convicted in the year.
            long suspect = suspectOfNewCase(w, "2005-03-01", List.of("SEXUAL"));
            step(w, suspect, inView("2005-04-01"));
            step(w, suspect, Json.of("stage", "OM_INFLOW", "on", "2006-01-10"));
            step(w, suspect, Json.of("stage", "OM_DECISION", "on", "2006-02-01", "decision", "SUMMONS"));
            step(w, suspect, Json.of("stage", "VERDICT", "on", "2006-06-01", "verdict", "CONVICTION"));
            // Opened the year before, in view in the year.
            step(w, suspectOfNewCase(w, "2005-06-01", List.of("LABOUR")), inView("2006-03-01"));
            // Opened the year before, no step in the year: counts nowhere in it.
            step(w, suspectOfNewCase(w, "2005-02-01", List.of("SEXUAL")), inView("2005-05-01"));
            // Opened in the year.
            step(w, suspectOfNewCase(w, "2006-04-01", List.of("CRIMINAL")), inView("2006-05-01"));
        }
        Api coordinator = s.user("COORDINATOR", s.organisation("NATIONAL", null), null);
        byte[] served = coordinator.getBytes("api/exchange/glotip.xlsx?year=" + year);

        GlotipTables all = new GlotipTables(year);
        GlotipTables active = new GlotipTables(year);
        GlotipTables openedInTheYear = new GlotipTables(year);
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        try (Connection c = Db.connect()) {
            new ExchangeRecords(c, Years.MIN, year).forEach(all::add);
            ExchangeRecords.activeIn(c, Years.MIN, year).forEach(active::add);
            new ExchangeRecords(c, year, year).forEach(openedInTheYear::add);
        }
        GlotipWorkbook.write(all, written);
        for (GlotipTables.Measure m : GlotipTables.Measure.values()) {
            for (GlotipTables.Breakdown b : GlotipTables.Breakdown.values()) {
                assertTrue(
                        java.util.Arrays.deepEquals(all.trueCounts(m, b), active.trueCounts(m, b)),
                        m + " " + b + ": " + java.util.Arrays.deepToString(active.trueCounts(m, b)) + " instead of "
                                + java.util.Arrays.deepToString(all.trueCounts(m, b)));
                assertEquals(all.published(m, b), active.published(m, b), m + " " + b + " published");
            }
        }
        assertEquals(articles(all), articles(active), "the articles charged");
        assertEquals(sheets(written.toByteArray()), sheets(served), "the served workbook is the full read's");
        // The data are such that a reader of the year's openings alone would count less.
        long prosecuted = total(all.trueCounts(GlotipTables.Measure.PROSECUTED, GlotipTables.Breakdown.SEX_AGE));
        long inView = total(all.trueCounts(GlotipTables.Measure.FORMAL_CONTACT, GlotipTables.Breakdown.SEX_AGE));
        assertTrue(prosecuted >= 3 && inView >= 6, prosecuted + " prosecuted, " + inView + " in view");
        assertTrue(
                total(openedInTheYear.trueCounts(GlotipTables.Measure.PROSECUTED, GlotipTables.Breakdown.SEX_AGE))
                        < prosecuted,
                "older cases' summonses count in the year");
    }

    private static long suspectOfNewCase(Api w, String openedOn, List<String> forms) {
        long kase = created(w.post(
                "api/cases",
                Json.with(aCase(), "openedOn", openedOn, "origin", "AMBTSHALVE", "exploitationForms", forms)));
        long victim = created(w.post("api/cases/" + kase + "/victims", Json.with(aVictim(), "birthYear", 1990)));
        return created(w.post("api/cases/" + kase + "/suspects", Json.with(aSuspect(victim), "birthYear", 1975)));
    }

    private static Map<String, Object> inView(String on) {
        return Json.of(
                "stage",
                "IN_VIEW",
                "on",
                on,
                "charges",
                List.of(Json.of("article", "273f", "lawVersion", "SR", "offenceDate", on)));
    }

    private static Map<String, List<Long>> articles(GlotipTables t) {
        Map<String, List<Long>> out = new java.util.TreeMap<>();
        t.publishedArticles()
                .forEach((k, v) -> out.put(k, java.util.Arrays.stream(v).boxed().toList()));
        return out;
    }

    private static long total(long[][] counts) {
        return java.util.Arrays.stream(counts)
                .flatMapToLong(java.util.Arrays::stream)
                .sum();
    }

    /** Every sheet's cells as text, row by row. */
    private static Map<String, List<List<String>>> sheets(byte[] xlsx) throws Exception {
        Map<String, List<List<String>>> out = new java.util.TreeMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : wb.getSheets().toList()) {
                List<List<String>> rows = new java.util.ArrayList<>();
                for (Row r : sheet.read()) {
                    List<String> cells = new java.util.ArrayList<>();
                    r.forEach(cell -> cells.add(cell == null ? "" : cell.getRawValue()));
                    rows.add(cells);
                }
                out.put(sheet.getName(), rows);
            }
        }
        return out;
    }

    private static long published(long t, long tk) {
        return CellKeyPerturbation.publish(t, CellKeyPerturbation.Key.row(tk, t));
    }

    /** The key of the cases' one counter row, as the writers stored it. */
    private static long funnelKey() throws Exception {
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT DISTINCT tk FROM (SELECT tk FROM report_funnel WHERE year = 2001 AND origin = 'AMBTSHALVE'"
                                + " UNION ALL SELECT tk FROM report_funnel_delta WHERE year = 2001 AND origin = 'AMBTSHALVE') t");
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            long tk = rs.getLong(1);
            assertTrue(!rs.next(), "one counter row");
            return tk;
        }
    }

    /** The number in the first row labelled {@code label}, column {@code column}. */
    private static long cell(List<Row> rows, String label, int column) {
        for (Row r : rows) {
            if (r.getCellCount() > column
                    && r.getCell(0) != null
                    && label.equals(r.getCell(0).getText())) {
                return r.getCell(column).asNumber().longValue();
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static List<CSVRecord> parse(byte[] csv) throws Exception {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))
                .getRecords();
    }

    private static void step(Api w, long party, Map<String, Object> body) {
        Api.Reply r = w.post("api/parties/" + party + "/chain-events", body);
        assertEquals(201, r.status(), r.toString());
    }

    private static long created(Api.Reply r) {
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asLong();
    }
}
