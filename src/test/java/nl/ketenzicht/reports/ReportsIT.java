package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URL;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.ketenzicht.reports.aggregates.AggregateRebuild;
import nl.ketenzicht.reports.aggregates.CounterCheck;
import nl.ketenzicht.reports.aggregates.VictimCountCheck;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance of the reports: on seeded cases written through the API, every figure of measures 1
 * and 2 equals the ground truth for several cuts, also after chain steps are withdrawn and a case
 * is revised; the maintained counters equal a rebuild from the base tables; coordinators see only
 * aggregates and regional ones only their region; refused cuts answer 400; exports agree. Measure 4's
 * counters equal a count of the victim facts after creation, after revisions and under concurrent writers.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    private static final int K_SCREEN = 5;
    private static final int K_EXPORT = 10;
    private static final java.util.Map<String, String> HTML = java.util.Map.of("Accept", "text/html");

    /** level, from quarter, to quarter, origin, form, team, query string. */
    private record Cut(String level, int from, int to, String origin, String form, String team, String query) {}

    private static final List<Cut> CUTS = List.of(
            new Cut("POLICE_UNIT", 2000 * 4, 2100 * 4 + 3, null, null, null, ""),
            new Cut("COURT_DISTRICT", 2022 * 4, 2022 * 4 + 3, null, null, null, "year=2022&level=COURT_DISTRICT"),
            new Cut(
                    "PROSECUTION_OFFICE",
                    2021 * 4 + 1,
                    2022 * 4 + 2,
                    null,
                    "SEXUAL",
                    null,
                    "from=2021-Q2&to=2022-Q3&level=PROSECUTION_OFFICE&form=SEXUAL"),
            new Cut("POLICE_UNIT", 2000 * 4, 2100 * 4 + 3, "AANGIFTE", null, "AVIM", "origin=AANGIFTE&team=AVIM"),
            new Cut("POLICE_UNIT", 2023 * 4 + 1, 2023 * 4 + 1, null, null, null, "quarter=2023-Q2"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void reportsAreExactSafeAndScoped() throws Exception {
        Scenario s = new Scenario(base);
        long police = s.organisation("POLICE", "AMS");
        Api worker = s.caseworker(police);
        Api national = s.user("COORDINATOR", s.organisation("OM", null), null);
        Api amsterdam = s.user("COORDINATOR", police, "AMS");
        ReportWorld world = new ReportWorld(worker, police, 20240611L);
        world.addCases(70);

        VictimWorld victims = new VictimWorld(worker, 20240612L);
        victims.describe(world.cases);
        int shown = checkAllCuts(national, world);
        assertTrue(
                VictimReportsCheck.allCuts(national, victims, K_SCREEN) > 20,
                "measures 4-6 must publish some rates and medians");
        assertTrue(shown > 20, "the data must publish some rates, or the rate checks prove nothing: " + shown);
        assertCountersEqualRebuild();

        assertTrue(world.withdrawLatest(25) > 10, "enough withdrawals to exercise the decrements");
        world.reviseOrigin(world.cases.get(0), "DECOY");
        world.reviseOrigin(world.cases.get(1), "DIGITAL");
        reviseVictimRecords(victims, world);
        checkAllCuts(national, world);
        assertCountersEqualRebuild();
        VictimReportsCheck.allCuts(national, victims, K_SCREEN);
        VictimReportsCheck.regionalCoordinator(amsterdam, victims, K_SCREEN);
        VictimReportsCheck.refusedCuts(national);
        VictimReportsCheck.exports(national, victims, K_EXPORT);
        victimsAreOneCellInMeasuresTwoAndFour(national);
        for (String m : List.of("victims", "runaways", "care")) {
            assertEquals(403, worker.get("api/reports/" + m).status(), "reports are for coordinators");
            assertTrue(Db.count("access_log WHERE action = 'REPORT' AND object_type = 'report:" + m + "'")
                    >= 2L * VictimReportsCheck.CUTS.size());
            assertTrue(Db.count("access_log WHERE action = 'EXPORT' AND object_type = 'report:" + m + "'") >= 2);
        }

        regionalCoordinatorSeesOwnRegionAndNational(amsterdam, world);
        coordinatorsGetNoRecords(national, amsterdam, world, worker);
        refusedCutsAnswer400(national);
        exportsCarryTheScreenFigures(national, world);
        indicatorsCompareActualWithTarget(national, amsterdam, world);
        throughputCountsEveryoneAtRisk(national, world);
        assertTrue(
                Db.count("access_log WHERE action = 'REPORT' AND object_type LIKE 'report:%'") >= 2 * 2 * CUTS.size(),
                "every report run is in the access log");
        assertTrue(
                Db.count("access_log WHERE action = 'EXPORT' AND object_type LIKE 'report:%'") >= 5,
                "every export and print view is in the access log");
        concurrentWritersLoseNoVictimCount(worker);
    }

    /**
     * Eight writers at once on the same measure-4 counter cells: cases alike in every cut dimension,
     * each writer adding a victim (a new fact at the tail of the table) and its aangifte history. The
     * counters still equal the facts, and the facts hold every victim and event.
     */
    private static void concurrentWritersLoseNoVictimCount(Api worker) throws Exception {
        int writers = 8;
        List<Long> cases = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Api.Reply r = worker.post("api/cases", Json.with(ChainData.aCase(), "openedOn", "2019-06-01"));
            assertEquals(201, r.status(), r.toString());
            cases.add(r.json().get("id").asLong());
        }
        List<Callable<String>> tasks = cases.stream()
                .map(caseId -> (Callable<String>) () -> {
                    Api.Reply v = worker.post(
                            "api/cases/" + caseId + "/victims",
                            Json.with(ChainData.aVictim(), "exploitationStartedOn", "2019-01-01"));
                    if (v.status() != 201) {
                        return v.toString();
                    }
                    for (String type : List.of("INFORMATORY_INTERVIEW", "DECLINED", "AANGIFTE_MADE")) {
                        Api.Reply e = worker.post(
                                "api/parties/" + v.json().get("id").asLong() + "/aangifte-events",
                                Json.of(
                                        "type",
                                        type,
                                        "on",
                                        "2019-07-01",
                                        "psychologistAdvised",
                                        "BEFORE",
                                        "reasons",
                                        type.equals("DECLINED") ? List.of("SHAME") : List.of()));
                        if (e.status() != 201 && e.status() != 200) {
                            return e.toString();
                        }
                    }
                    return "ok";
                })
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (Future<String> f : pool.invokeAll(tasks)) {
                assertEquals("ok", f.get(), "every concurrent write succeeds");
            }
        } finally {
            pool.shutdownNow();
        }
        String in = cases.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        assertEquals(
                writers,
                Db.count("report_victim_fact WHERE case_id IN (" + in + ") AND aangifte_made AND declined "
                        + "AND hearing = 'BEFORE' AND reasons = 'SHAME'"),
                "every victim's fact holds its whole history");
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            VictimCountCheck.assertCountersEqualFacts(c);
        }
    }

    /**
     * Updates of records measures 4–6 count: profiles (age group, markers), a later aangifte, runaways
     * found, care started; and a case moved to another region and period, which takes its victims,
     * episodes and referrals out of their old cells (the API deletes none of these records).
     */
    private static void reviseVictimRecords(VictimWorld victims, ReportWorld world) {
        int revised = 0;
        for (VictimWorld.Victim v : victims.victims) {
            if (revised < 6 && v.birthYear != null) {
                victims.revise(v, v.birthYear + 3, v.markers.isEmpty() ? java.util.Set.of("GGZ") : java.util.Set.of());
                revised++;
            }
        }
        victims.victims.stream()
                .filter(v -> v.declined() && !v.made())
                .limit(3)
                .forEach(v -> victims.record(v, "AANGIFTE_MADE", v.kase.openedOn.plusDays(200)));
        victims.victims.stream()
                .flatMap(v -> v.runaways.stream())
                .filter(e -> e.found == null)
                .limit(3)
                .forEach(e -> victims.find(e, e.missing.plusDays(90)));
        victims.victims.stream()
                .flatMap(v -> v.referrals.stream())
                .filter(c -> c.started == null)
                .limit(3)
                .forEach(c -> victims.start(c, c.referred.plusDays(45)));
        ReportWorld.Kase moved = victims.victims.stream()
                .filter(v -> !v.runaways.isEmpty() && !v.referrals.isEmpty())
                .map(v -> v.kase)
                .findFirst()
                .orElse(victims.victims.get(0).kase);
        world.revisePlace(moved, ReportWorld.PLACES.get(moved.place.equals(ReportWorld.PLACES.get(6)) ? 5 : 6));
    }

    /** Measure 7: actual per unit and year equals the ground truth where published; targets per year and unit. */
    private static void indicatorsCompareActualWithTarget(Api national, Api amsterdam, ReportWorld world) {
        var body = nl.ketenzicht.support.Json.of("name", "Verdachten OM-instroom per jaar", "metric", "s_om_inflow");
        assertEquals(
                403, amsterdam.post("api/indicators", body).status(), "regional coordinators do not define indicators");
        Api.Reply defined = national.post("api/indicators", body);
        assertEquals(200, defined.status(), defined.toString());
        long id = defined.json().get("id").asLong();
        assertEquals(
                200,
                national.put(
                                "api/indicators/" + id + "/targets",
                                nl.ketenzicht.support.Json.of("year", 2022, "target", 240),
                                null)
                        .status());
        assertEquals(
                200,
                amsterdam
                        .put(
                                "api/indicators/" + id + "/targets",
                                nl.ketenzicht.support.Json.of("year", 2022, "policeUnit", "AMS", "target", 3),
                                null)
                        .status());
        assertEquals(
                403,
                amsterdam
                        .put(
                                "api/indicators/" + id + "/targets",
                                nl.ketenzicht.support.Json.of("year", 2022, "policeUnit", "RDM", "target", 3),
                                null)
                        .status());
        assertEquals(
                400,
                national.post("api/indicators", nl.ketenzicht.support.Json.of("name", "x", "metric", "name"))
                        .status(),
                "metrics are whitelisted");
        for (Api coordinator : List.of(national, amsterdam)) {
            Api.Reply r = coordinator.get("api/indicators/" + id + "/results?from=2021&to=2023");
            assertEquals(200, r.status(), r.toString());
            for (JsonNode row : r.json().get("rows")) {
                int year = row.get("year").asInt();
                String region = row.get("region").asText();
                // The indicator is the report's own cell: the same cases, the same perturbed figure.
                long truth = new GroundTruth(
                                world.cases,
                                Measure.DEPENDENCY,
                                "POLICE_UNIT",
                                year * 4,
                                year * 4 + 3,
                                null,
                                null,
                                null)
                        .published("s_om_inflow", region, "TOTAL");
                assertEquals(truth, row.get("actual").asLong(), region + " " + year);
                if (coordinator == amsterdam) {
                    assertTrue(
                            region.equals("AMS") || region.equals("NL"),
                            "regional coordinator sees AMS and NL only: " + region);
                }
                if (region.equals("NL") && year == 2022) {
                    assertEquals(240, row.get("target").asLong());
                    assertEquals(truth >= 240, row.get("met").asBoolean());
                }
            }
        }
    }

    /**
     * The victims of a region and period are counted by measure 2 (per case) and by measure 4 (per
     * victim): one set of children, so one published figure, or two draws of noise would narrow it.
     */
    private static void victimsAreOneCellInMeasuresTwoAndFour(Api national) {
        for (String period : List.of("year=2022", "year=2023", "from=2021-Q1&to=2023-Q4")) {
            JsonNode clients = national.get("api/reports/clients?" + period).json();
            JsonNode victims = national.get("api/reports/victims?" + period).json();
            List<JsonNode> m2 = ReportJson.rowsWithNational(table(clients, "victims"));
            List<JsonNode> m4 = ReportJson.rowsWithNational(VictimTruth.table(victims, "victims"));
            java.util.Map<String, Long> four = new java.util.HashMap<>();
            m4.forEach(
                    r -> four.put(r.get("region").asText(), r.at("/total/value").asLong()));
            int compared = 0;
            for (JsonNode r : m2) {
                Long other = four.get(r.get("region").asText());
                if (other != null) {
                    assertEquals(
                            r.at("/total/value").asLong(), other, "victims of " + r.get("region") + " in " + period);
                    compared++;
                }
            }
            assertTrue(compared > 3, "regions compared: " + compared);
        }
    }

    private static JsonNode table(JsonNode report, String metric) {
        for (JsonNode t : report.get("tables")) {
            if (t.get("metric").asText().equals(metric)) {
                return t;
            }
        }
        throw new AssertionError("no table " + metric);
    }

    /** Measure 3: everyone who reached OM inflow is in the curve, open chains included (censored). */
    private static void throughputCountsEveryoneAtRisk(Api national, ReportWorld world) {
        Api.Reply r = national.get("api/reports/throughput/OM_INFLOW_TO_VERDICT");
        assertEquals(200, r.status(), r.toString());
        long atRisk = world.cases.stream()
                .flatMap(k -> k.parties.stream())
                .filter(p -> p.kind.equals("SUSPECT") && p.reached("OM_INFLOW"))
                .count();
        // The suspects at OM inflow are measure 1's cell: the same cases and keys, so exactly measure 1's figure.
        GroundTruth m1 = new GroundTruth(
                world.cases, Measure.DEPENDENCY, "POLICE_UNIT", 2000 * 4, 2100 * 4 + 3, null, null, null);
        assertEquals(atRisk, m1.value("s_om_inflow", "NL", "TOTAL"), "all suspects with OM inflow, finished or not");
        assertEquals(
                m1.published("s_om_inflow", "NL", "TOTAL"),
                r.json().at("/national/people/value").asLong(),
                "measure 1's figure");
        long events = world.cases.stream()
                .flatMap(k -> k.parties.stream())
                .filter(p -> p.kind.equals("SUSPECT") && p.reached("VERDICT"))
                .count();
        long[] range = nl.ketenzicht.reports.stats.CellKeyPerturbation.preimage(
                r.json().at("/national/reached/value").asLong());
        assertTrue(range[0] <= events && events <= range[1], "reached within the documented distance of " + events);
        assertEquals(
                400,
                national.get("api/reports/throughput/OM_INFLOW_TO_VERDICT?ageGroup=MINOR")
                        .status());
    }

    private int checkAllCuts(Api coordinator, ReportWorld world) {
        int shown = 0;
        for (Measure m : Measure.values()) {
            for (Cut c : CUTS) {
                Api.Reply r = coordinator.get("api/reports/" + m.name().toLowerCase() + "?" + c.query());
                assertEquals(200, r.status(), r.toString());
                GroundTruth truth =
                        new GroundTruth(world.cases, m, c.level(), c.from(), c.to(), c.origin(), c.form(), c.team());
                shown += truth.check(r.json(), K_SCREEN);
                checkFunnelPlot(r.json(), truth, m);
            }
        }
        return shown;
    }

    /** The funnel plot's points are the published region totals; the centre is the national rate. */
    private static void checkFunnelPlot(JsonNode report, GroundTruth truth, Measure m) {
        JsonNode plot = report.get("funnelPlot");
        String num = m.funnelRate().numerator();
        String den = m.funnelRate().denominator();
        long total = truth.published(den, "NL", "TOTAL");
        long events = Math.min(total, truth.published(num, "NL", "TOTAL"));
        if (!plot.get("centre").isNull()) {
            assertEquals((double) events / total, plot.get("centre").asDouble(), 1e-12);
        }
        for (JsonNode p : plot.get("points")) {
            long n = truth.published(den, p.get("region").asText(), "TOTAL");
            assertEquals(
                    Math.min(n, truth.published(num, p.get("region").asText(), "TOTAL")),
                    p.get("events").asLong());
            assertEquals(n, p.get("n").asLong());
            var expected = nl.ketenzicht.reports.stats.FunnelPlot.centredOn(events, total)
                    .classify(p.get("events").asLong(), p.get("n").asLong());
            assertEquals(expected.name(), p.get("position").asText());
        }
    }

    private static final String VICTIM_FACTS = "SELECT * FROM report_victim_fact WHERE year <> 0 ORDER BY party_id";

    /** The incremental path and a set-based rebuild from the base tables give the same counters and facts. */
    private static void assertCountersEqualRebuild() throws Exception {
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            List<String> maintained = CounterCheck.currentRows(c);
            List<String> facts = CounterCheck.rows(c, "SELECT * FROM report_party_fact ORDER BY party_id");
            List<String> victimFacts = CounterCheck.rows(c, VICTIM_FACTS);
            List<String> runawayFacts = CounterCheck.rows(c, "SELECT * FROM report_runaway_fact ORDER BY episode_id");
            List<String> careFacts = CounterCheck.rows(c, "SELECT * FROM report_care_fact ORDER BY referral_id");
            AggregateRebuild.run(c);
            assertEquals(CounterCheck.foldedRows(c), maintained, "counters drifted");
            assertEquals(
                    CounterCheck.rows(c, "SELECT * FROM report_party_fact ORDER BY party_id"),
                    facts,
                    "party facts drifted");
            // VictimFacts (Java, per victim) and the rebuild (set-based SQL) were written apart: each checks the other.
            assertTrue(victimFacts.size() > 50, "victim facts to compare");
            assertEquals(CounterCheck.rows(c, VICTIM_FACTS), victimFacts, "victim facts equal the rebuild");
            assertEquals(
                    CounterCheck.rows(c, "SELECT * FROM report_runaway_fact ORDER BY episode_id"),
                    runawayFacts,
                    "runaway facts equal the rebuild");
            assertEquals(
                    CounterCheck.rows(c, "SELECT * FROM report_care_fact ORDER BY referral_id"),
                    careFacts,
                    "care facts equal the rebuild");
            c.rollback();
            assertTrue(VictimCountCheck.assertCountersEqualFacts(c) > 50, "measure 4's counters have cells to compare");
        }
    }

    private static void regionalCoordinatorSeesOwnRegionAndNational(Api amsterdam, ReportWorld world) {
        for (String level : List.of("POLICE_UNIT", "COURT_DISTRICT", "PROSECUTION_OFFICE")) {
            Api.Reply r = amsterdam.get("api/reports/dependency?level=" + level);
            assertEquals(200, r.status(), r.toString());
            for (JsonNode table : r.json().get("tables")) {
                assertEquals(1, table.get("rows").size(), "only the Amsterdam row at " + level);
                assertTrue(table.at("/rows/0/region").asText().contains("AMS"), table.toString());
                assertEquals("NL", table.at("/national/region").asText());
            }
            assertTrue(r.json().at("/funnelPlot/points").size() <= 1, "only Amsterdam in the funnel plot");
            new GroundTruth(world.cases, Measure.DEPENDENCY, level, 2000 * 4, 2100 * 4 + 3, null, null, null)
                    .check(r.json(), K_SCREEN);
        }
        Api.Reply other = amsterdam.send("GET", "api/reports/clients/print/RDM", null, HTML);
        assertEquals(403, other.status(), "another region's print view: " + other);
        assertEquals("forbidden.regionNotYours", other.json().get("code").asText());
        Api.Reply print = amsterdam.send("GET", "api/reports/clients/print/AMS", null, HTML);
        assertEquals(200, print.status(), print.toString());
        assertTrue(
                print.body().contains("<caption>klanten geïdentificeerd</caption>")
                        && !print.body().contains("Rotterdam"),
                print.body());
    }

    private static void coordinatorsGetNoRecords(Api national, Api amsterdam, ReportWorld world, Api worker) {
        long caseId = world.cases.get(0).id;
        long partyId = world.cases.get(0).parties.get(0).id;
        for (Api coordinator : List.of(national, amsterdam)) {
            for (String path : List.of(
                    "api/cases",
                    "api/cases/" + caseId,
                    "api/parties/" + partyId,
                    "api/parties/" + partyId + "/chain-events",
                    "api/cases/" + caseId + "/shares",
                    "api/parties/" + partyId + "/care")) {
                assertEquals(403, coordinator.get(path).status(), "a coordinator never reads a record: " + path);
            }
        }
        assertEquals(403, worker.get("api/reports/dependency").status(), "reports are for coordinators");
    }

    private static void refusedCutsAnswer400(Api coordinator) {
        for (String q : List.of(
                "ageGroup=MINOR",
                "month=2022-03",
                "from=2022-01-05&to=2022-03-01",
                "year=2022&quarter=2022-Q1",
                "level=MUNICIPALITY",
                "origin=UNKNOWN",
                "year=22",
                "from=2022-Q3&to=2022-Q1",
                "year=2022&year=2023")) {
            Api.Reply r = coordinator.get("api/reports/dependency?" + q);
            assertEquals(400, r.status(), q + " must be refused: " + r);
        }
        assertEquals(404, coordinator.get("api/reports/nonsense").status());
    }

    private static void exportsCarryTheScreenFigures(Api coordinator, ReportWorld world) throws Exception {
        for (Measure m : Measure.values()) {
            String name = m.name().toLowerCase();
            JsonNode screen =
                    coordinator.get("api/reports/" + name + "?year=2022").json();
            Api.Reply csv = coordinator.send(
                    "GET",
                    "api/reports/" + name + "/export.csv?year=2022",
                    null,
                    java.util.Map.of("Accept", "text/csv"));
            assertEquals(200, csv.status(), csv.toString());
            List<CSVRecord> records =
                    CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords();
            List<List<String>> csvRows = records.stream()
                    .filter(r -> !r.get(0).equals("#"))
                    .skip(1)
                    .map(CSVRecord::toList)
                    .toList();
            ExportCheck.againstScreen(
                    csvRows,
                    screen,
                    K_EXPORT,
                    new GroundTruth(world.cases, m, "POLICE_UNIT", 2022 * 4, 2022 * 4 + 3, null, null, null));
            byte[] xlsx = ExportCheck.download(coordinator, "api/reports/" + name + "/export.xlsx?year=2022");
            assertEquals(
                    records.stream().map(CSVRecord::toList).toList(), ExportCheck.xlsxRows(xlsx), "XLSX equals CSV");
        }
    }
}
