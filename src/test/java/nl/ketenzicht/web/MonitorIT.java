package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import nl.ketenzicht.reports.ReportWorld;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.KeptMonitor;
import nl.ketenzicht.support.Scenario;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The programme monitor (issue 16). Acceptance 1: on cases with known answers (a {@link ReportWorld} over
 * 2021–2023), every figure, interval, trend point, region and generated sentence of the monitor's JSON is
 * recomputed here, independently of the monitor's code, from the report APIs' published counts (Wilson and
 * the exact Poisson interval written out again; the sentences filled from the bundles with this test's own
 * number formats). Acceptance 2: the page as a national and a regional coordinator, in Dutch and English:
 * each section shows a figure, a chart with its table and the API's sentence; axe finds no violation;
 * screenshots at 1280 and 375 px.
 */
@ExtendWith(ArquillianExtension.class)
class MonitorIT {

    private static final List<String> SECTIONS = List.of(
            "invisible",
            "dependency",
            "suspectsOm",
            "clients",
            "clientsEstimated",
            "throughput",
            "vulnerable",
            "runaways",
            "care",
            "context");
    /** The known context: the pilot of the comparisons starts in 2022-Q3 in AMS and RDM and runs on. */
    private static final String PILOT = "Proeftuin MonitorIT";

    private static final java.time.LocalDate PILOT_START = java.time.LocalDate.of(2022, 7, 1);
    /** Investigators' FTE (AVIM + zeden) by year and unit, "NL" where every unit has a value: as written in {@link #context}. */
    private static final Map<Integer, Map<String, java.math.BigDecimal>> FTE = new java.util.HashMap<>();

    private static final double Z = 1.959963984540054;
    private static final int YEAR = 2022;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private Scenario scenario;
    private final List<String> violations = new ArrayList<>();

    @Test
    void everyFigureIntervalAndSentenceFollowsFromThePublishedReportsAndThePageShowsThem() {
        scenario = new Scenario(base);
        long police = scenario.organisation("POLICE", "AMS");
        ReportWorld world = new ReportWorld(scenario.caseworker(police), police, 20261206L);
        world.addCases(80);
        world.describeVictims(20261207L);
        estimatedClients(scenario.caseworker(police));
        context();
        long om = scenario.organisation("OM", null);
        String national =
                scenario.createUserOnly("COORDINATOR", om).get("username").asText();
        String regional = regionalCoordinator(om, "AMS");
        Api nationalApi = scenario.login(national, Scenario.PASSWORD);
        Api regionalApi = scenario.login(regional, Scenario.PASSWORD);

        for (String lang : List.of("nl", "en")) {
            knownAnswers(nationalApi, null, lang);
            knownAnswers(regionalApi, "AMS", lang);
        }
        JsonNode other = json(regionalApi, "api/monitor?year=" + YEAR);
        other.get("sections")
                .forEach(s -> s.get("regions")
                        .forEach(r -> assertEquals(
                                "AMS",
                                r.get("region").asText(),
                                "a regional coordinator sees their own unit only: " + s.get("id"))));
        assertEquals(
                400, nationalApi.get("api/monitor?year=1999").status(), "a year outside 2000–2100 is a field error");
        assertEquals(400, nationalApi.get("api/monitor?lang=fr").status(), "an unknown language is a field error");

        pdf(nationalApi, null, "nl");
        pdf(regionalApi, "AMS", "en");
        regionalReportPdf(nationalApi);

        page(national, null);
        page(regional, "AMS");
        assertTrue(violations.isEmpty(), "axe WCAG 2.1 A/AA violations:\n" + String.join("\n", violations));

        keptFiguresFollowEveryChange(nationalApi, scenario.caseworker(police));
    }

    /**
     * The monitor keeps its figures between requests: after a case is added and edited, a chain event, a
     * context change and a registration (a purge: RetentionIT), what it serves equals a fresh computation.
     */
    private static void keptFiguresFollowEveryChange(Api national, Api worker) {
        KeptMonitor monitor = new KeptMonitor(national, YEAR);
        Map<String, Object> kase = nl.ketenzicht.support.Json.with(ChainData.aCase(), "openedOn", YEAR + "-05-02");
        Api.Reply c = worker.post("api/cases", kase);
        assertEquals(201, c.status(), c.toString());
        long caseId = c.json().get("id").asLong();
        long victim = worker.post("api/cases/" + caseId + "/victims", ChainData.aVictim())
                .json()
                .get("id")
                .asLong();
        Api.Reply s = worker.post("api/cases/" + caseId + "/suspects", ChainData.aSuspect(victim));
        assertEquals(201, s.status(), s.toString());
        monitor.afterChange("a new case with a victim and a suspect");

        Api.Reply read = worker.get("api/cases/" + caseId);
        Api.Reply edited = worker.put(
                "api/cases/" + caseId,
                nl.ketenzicht.support.Json.with(kase, "openedOn", (YEAR - 1) + "-05-02"),
                read.etag());
        assertEquals(200, edited.status(), edited.toString());
        monitor.afterChange("a case opened a year earlier");

        Api.Reply step = worker.post(
                "api/parties/" + s.json().get("id").asLong() + "/chain-events",
                ChainData.step("IN_VIEW", YEAR + "-06-01"));
        assertEquals(201, step.status(), step.toString());
        monitor.afterChange("a chain event");

        JsonNode before = monitor.last();
        String capacity = "api/context/capacity/AMS/" + YEAR;
        Api.Reply saved = national.put(
                capacity,
                nl.ketenzicht.support.Json.of(
                        "avim",
                        new java.math.BigDecimal("40"),
                        "zeden",
                        new java.math.BigDecimal("5.5"),
                        "digital",
                        new java.math.BigDecimal("3"),
                        "psychologists",
                        new java.math.BigDecimal("1")),
                national.get(capacity).etag());
        assertEquals(200, saved.status(), saved.toString());
        assertFalse(
                before.equals(monitor.afterChange("a context change")), "the outcomes per FTE follow the new capacity");

        Api.Reply registered = worker.post(
                "api/registrations",
                nl.ketenzicht.support.Json.of(
                        "registeredOn",
                        YEAR + "-03-03",
                        "municipalityCode",
                        "GM0363",
                        "firstName",
                        "Kept",
                        "familyName",
                        "Figures",
                        "birthDate",
                        "1990-01-01",
                        "gender",
                        "FEMALE"));
        assertEquals(201, registered.status(), registered.toString());
        monitor.afterChange("a registration");
    }

    /** Victims with an estimated number of clients (ReportWorld records none) and a client each, in 2022 in AMS and RDM. */
    private static void estimatedClients(Api worker) {
        for (int i = 0; i < 8; i++) {
            Map<String, Object> kase = new java.util.HashMap<>(ChainData.aCase());
            kase.put("openedOn", "2022-0" + (i + 1) + "-10");
            kase.put("municipalityCode", i % 2 == 0 ? "GM0363" : "GM0599");
            Api.Reply c = worker.post("api/cases", kase);
            assertEquals(201, c.status(), c.toString());
            Map<String, Object> victim = new java.util.HashMap<>(ChainData.aVictim());
            victim.put("estimatedClientCount", 10 + 15 * i);
            Api.Reply v = worker.post("api/cases/" + c.json().get("id").asLong() + "/victims", victim);
            assertEquals(201, v.status(), v.toString());
            Api.Reply k = worker.post(
                    "api/cases/" + c.json().get("id").asLong() + "/clients",
                    ChainData.aClient(v.json().get("id").asLong()));
            assertEquals(201, k.status(), k.toString());
        }
    }

    /**
     * Measure 7's context with known answers, written as the context pages would leave it: capacity of every
     * police unit in 2022 (so a national figure per FTE) and of AMS alone in 2021 (a unit's figure, no national
     * one); Amsterdam a priority in 2022 and Rotterdam not; a pilot in AMS and RDM from 2022-Q3 with every
     * second case of its units opened since tagged.
     */
    private static void context() {
        try (var c = Db.connect();
                var st = c.createStatement()) {
            List<String> units = new ArrayList<>();
            try (var rs = st.executeQuery("SELECT code FROM ref_police_unit ORDER BY code")) {
                while (rs.next()) {
                    units.add(rs.getString(1));
                }
            }
            FTE.clear();
            java.math.BigDecimal total = java.math.BigDecimal.ZERO;
            for (int i = 0; i < units.size(); i++) {
                java.math.BigDecimal avim = java.math.BigDecimal.valueOf(10 + i);
                java.math.BigDecimal zeden = new java.math.BigDecimal("5.5");
                capacity(c, units.get(i), 2022, avim, zeden);
                FTE.computeIfAbsent(2022, y -> new java.util.HashMap<>()).put(units.get(i), avim.add(zeden));
                total = total.add(avim.add(zeden));
                if (units.get(i).equals("AMS")) {
                    capacity(c, "AMS", 2021, new java.math.BigDecimal("12.25"), new java.math.BigDecimal("4"));
                    FTE.computeIfAbsent(2021, y -> new java.util.HashMap<>())
                            .put("AMS", new java.math.BigDecimal("16.25"));
                }
            }
            FTE.get(2022).put("NL", total);
            st.executeUpdate(
                    "INSERT INTO context_priority (municipality_code, year, priority, version, changed_by, changed_at) VALUES "
                            + "('GM0363', 2022, TRUE, 1, 'monitor-it', NOW()), ('GM0599', 2022, FALSE, 1, 'monitor-it', NOW()) "
                            + "ON DUPLICATE KEY UPDATE priority = VALUES(priority)");
            st.executeUpdate(
                    "INSERT IGNORE INTO context_pilot (name, starts_on, ends_on, version, changed_by, changed_at) VALUES ('"
                            + PILOT + "', '" + PILOT_START + "', NULL, 1, 'monitor-it', NOW())");
            st.executeUpdate(
                    "INSERT IGNORE INTO context_pilot_unit (pilot_id, police_unit) SELECT p.id, u.code FROM context_pilot p, ref_police_unit u "
                            + "WHERE p.name = '" + PILOT + "' AND u.code IN ('AMS', 'RDM')");
            st.executeUpdate(
                    "INSERT IGNORE INTO case_pilot (case_id, pilot_id, tagged_by, tagged_at) SELECT f.id, p.id, 'monitor-it', NOW() FROM case_file f, "
                            + "context_pilot p WHERE p.name = '" + PILOT
                            + "' AND f.police_unit IN ('AMS', 'RDM') AND f.opened_on >= '" + PILOT_START
                            + "' AND MOD(f.id, 2) = 0");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void capacity(
            java.sql.Connection c, String unit, int year, java.math.BigDecimal avim, java.math.BigDecimal zeden)
            throws java.sql.SQLException {
        try (var s = c.prepareStatement(
                "INSERT INTO context_capacity (police_unit, year, fte_avim, fte_zeden, fte_digital, fte_psychologists, "
                        + "version, changed_by, changed_at) VALUES (?, ?, ?, ?, 3, 1, 1, 'monitor-it', NOW()) "
                        + "ON DUPLICATE KEY UPDATE fte_avim = VALUES(fte_avim), fte_zeden = VALUES(fte_zeden)")) {
            s.setString(1, unit);
            s.setInt(2, year);
            s.setBigDecimal(3, avim);
            s.setBigDecimal(4, zeden);
            s.executeUpdate();
        }
    }

    /**
     * True victims and aangiften made (base tables: party, case_file, the victim's fact for aangifte made) of a
     * comparison's group, per unit or all ("NL"): {victims, made}.
     */
    private static long[] trueGroup(String group, String region) {
        String where = switch (group) {
            case "priority.yes", "priority.no" ->
                "YEAR(f.opened_on) = 2022 AND EXISTS (SELECT 1 FROM context_priority cp WHERE "
                        + "cp.municipality_code = f.municipality_code AND cp.year = 2022 AND cp.priority = "
                        + group.endsWith("yes") + ")";
            case "pilot.tagged", "pilot.untagged" ->
                "f.police_unit IN ('AMS', 'RDM') AND f.opened_on BETWEEN '" + PILOT_START + "' AND '2022-12-31' AND "
                        + (group.endsWith("untagged") ? "NOT " : "")
                        + "EXISTS (SELECT 1 FROM case_pilot t JOIN context_pilot cpl ON cpl.id = t.pilot_id "
                        + "WHERE t.case_id = f.id AND cpl.name = '" + PILOT + "')";
            case "pilotStart.before" ->
                "f.police_unit IN ('AMS', 'RDM') AND f.opened_on BETWEEN '2021-07-01' AND '2022-06-30'";
            case "pilotStart.after" ->
                "f.police_unit IN ('AMS', 'RDM') AND f.opened_on BETWEEN '2022-07-01' AND '2023-06-30'";
            default -> throw new IllegalArgumentException(group);
        };
        try (var c = Db.connect();
                var s = c.prepareStatement(
                        "SELECT COUNT(*), COALESCE(SUM(v.aangifte_made), 0) FROM party p JOIN case_file f "
                                + "ON f.id = p.case_id JOIN report_victim_fact v ON v.party_id = p.id WHERE p.kind = 'VICTIM' AND (? = 'NL' OR f.police_unit = ?) AND "
                                + where)) {
            s.setString(1, region);
            s.setString(2, region);
            try (var rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The true number of suspects with a chain event, or victims with an aangifte made, in the year (base tables:
     * chain_event, aangifte_event), whatever the year their case was opened; per unit or all ("NL").
     */
    private static long trueByEventYear(String metric, int year, String unit) {
        String event = switch (metric) {
            case "s_in_view" -> "e.stage = 'IN_VIEW'";
            case "s_om_inflow" -> "e.stage = 'OM_INFLOW'";
            case "s_summons" -> "e.stage = 'OM_DECISION' AND e.decision = 'SUMMONS'";
            case "s_conviction" -> "e.stage = 'VERDICT' AND e.verdict = 'CONVICTION'";
            default -> null;
        };
        String sql = event == null
                ? "SELECT COUNT(DISTINCT p.id) FROM party p JOIN case_file f ON f.id = p.case_id JOIN aangifte_event e ON e.victim_id = p.id "
                        + "WHERE p.kind = 'VICTIM' AND e.type = 'AANGIFTE_MADE' AND YEAR(e.occurred_on) = ? AND (? = 'NL' OR f.police_unit = ?)"
                : "SELECT COUNT(DISTINCT p.id) FROM party p JOIN case_file f ON f.id = p.case_id JOIN chain_event e ON e.party_id = p.id "
                        + "WHERE p.kind = 'SUSPECT' AND " + event
                        + " AND YEAR(e.occurred_on) = ? AND (? = 'NL' OR f.police_unit = ?)";
        try (var c = Db.connect();
                var s = c.prepareStatement(sql)) {
            s.setInt(1, year);
            s.setString(2, unit);
            s.setString(3, unit);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The true sum of the estimated clients of the victims in cases opened in the year (base tables), per unit or all ("NL"). */
    private static long trueEstimated(int year, String unit) {
        try (var c = Db.connect();
                var s = c.prepareStatement(
                        "SELECT COALESCE(SUM(p.estimated_client_count), 0) FROM party p JOIN case_file f "
                                + "ON f.id = p.case_id WHERE p.kind = 'VICTIM' AND YEAR(f.opened_on) = ? AND (? = 'NL' OR f.police_unit = ?)")) {
            s.setInt(1, year);
            s.setString(2, unit);
            s.setString(3, unit);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a published count p can come from the true count t by the public perturbation rule (README). */
    static boolean preimage(long p, long t) {
        if (p == 0) {
            return t <= 4;
        }
        return p == 5 ? t >= 1 && t <= 11 : t >= Math.max(5, p - 6) && t <= p + 6;
    }

    private String regionalCoordinator(long organisation, String unit) {
        String username = "coordmon" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Api.Reply r = scenario.admin()
                .post(
                        "api/admin/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                Scenario.PASSWORD,
                                "role",
                                "COORDINATOR",
                                "organisationId",
                                organisation,
                                "policeUnit",
                                unit));
        assertEquals(201, r.status(), "create regional coordinator: " + r);
        return username;
    }

    // ---- acceptance 1: known answers ------------------------------------------------------------------

    private void knownAnswers(Api api, String unit, String lang) {
        JsonNode m = json(api, "api/monitor?year=" + YEAR + "&lang=" + lang);
        assertEquals(YEAR, m.get("year").asInt());
        assertEquals(YEAR - 9, m.get("fromYear").asInt());
        assertTrue(m.get("yearClosed").asBoolean(), "2022 lies before the test clock's year");
        assertEquals(SECTIONS, ids(m.get("sections")));
        Texts texts = new Texts(lang);
        for (int year = YEAR - 9; year <= YEAR; year++) {
            Expected e = expected(api, year);
            for (JsonNode s : m.get("sections")) {
                String id = s.get("id").asText();
                JsonNode point = s.get("trend").get(year - (YEAR - 9));
                assertEquals(year, point.get("year").asInt());
                if (id.equals("clientsEstimated")) {
                    clientsEstimated(e, point, unit, year);
                    continue;
                }
                assertFigure(e.figure(id, "NL"), point.get("national"), id + " " + year + " national");
                if (unit != null) {
                    assertFigure(e.figure(id, unit), point.get("unit"), id + " " + year + " " + unit);
                }
                if (year == YEAR) {
                    assertFigure(e.figure(id, "NL"), s.get("national"), id + " national");
                    for (JsonNode r : s.get("regions")) {
                        assertFigure(
                                e.figure(id, r.get("region").asText()),
                                r.get("figure"),
                                id + " region " + r.get("region"));
                    }
                    assertEquals(
                            texts.get("monitor." + id + ".cannotTell"),
                            s.get("cannotTell").asText());
                    if (id.equals("context")) {
                        contextParts(s, unit);
                        assertEquals(
                                contextSentence(texts, s, unit),
                                s.get("sentence").asText(),
                                "context sentence (" + lang + ")");
                        continue;
                    }
                    assertEquals(
                            sentence(texts, id, e, unit, s),
                            s.get("sentence").asText(),
                            id + " sentence (" + lang + ")");
                }
            }
        }
        JsonNode estimated = monitorSection(m, "clientsEstimated");
        assertFalse(
                estimated.get("national").get("value").isNull(),
                "eight victims with estimates in 2022: a published share");
        assertEquals(
                sentence(texts, "clientsEstimated", expected(api, YEAR), unit, estimated),
                estimated.get("sentence").asText());
        for (JsonNode part : monitorSection(m, "vulnerable").get("parts")) {
            JsonNode f = part.get("national");
            if (part.get("id").asText().startsWith("aangifte.")
                    && !f.get("value").isNull()) {
                assertFigure(
                        wilson(f.get("numerator").asLong(), f.get("denominator").asLong()),
                        f,
                        part.get("id").asText());
            }
        }
        // Calendar year: by opening year the measure-1 counts; by event year at most the events of all years.
        Expected e = expected(api, YEAR);
        List<String> events = new ArrayList<>();
        for (JsonNode row : m.get("calendar").get("rows")) {
            String metric = row.get("event").asText();
            events.add(metric);
            long byOpening = metric.equals("aangifte_made")
                    ? new Report(section(e.victims, "VICTIMS_AANGIFTE")).national(metric)
                    : e.dependency.national(metric);
            assertEquals(byOpening, row.get("byOpeningYear").get("numerator").asLong(), metric + " by opening year");
            assertPoisson(row.get("byEventYear"), metric + " by event year");
            long published = row.get("byEventYear").get("numerator").asLong();
            long truth = trueByEventYear(metric, YEAR, "NL");
            assertTrue(
                    preimage(published, truth),
                    metric + " in the year of the event: published " + published + ", true " + truth);
            if (unit != null) {
                long own = row.get("unitByEventYear").get("numerator").asLong();
                assertTrue(
                        preimage(own, trueByEventYear(metric, YEAR, unit)),
                        metric + " " + unit + " in the year of the event");
            }
        }
        assertEquals(List.of("s_in_view", "s_om_inflow", "s_summons", "s_conviction", "aangifte_made"), events);
        assertTrue(m.get("calendar").get("fixed").asBoolean(), "a closed year's events are fixed");
    }

    /**
     * Measure 7's comparisons: each group's published victims and aangiften made lie in the perturbation rule's
     * preimage of the true counts; its share is Wilson's on them; each difference is Newcombe's on the two shares.
     */
    private static void contextParts(JsonNode s, String unit) {
        List<String> ids = new ArrayList<>();
        s.get("parts").forEach(p -> ids.add(p.get("id").asText()));
        assertEquals(
                List.of(
                        "priority.yes",
                        "priority.no",
                        "priority.difference",
                        "pilot.tagged",
                        "pilot.untagged",
                        "pilot.difference",
                        "pilotStart.after",
                        "pilotStart.before",
                        "pilotStart.difference"),
                ids);
        for (String region : unit == null ? List.of("NL") : List.of("NL", unit)) {
            String side = "NL".equals(region) ? "national" : "unit";
            for (String comparison : List.of("priority", "pilot", "pilotStart")) {
                double[][] shares = new double[2][];
                int i = 0;
                for (JsonNode p : s.get("parts")) {
                    String id = p.get("id").asText();
                    if (!id.startsWith(comparison + ".") || id.endsWith(".difference")) {
                        continue;
                    }
                    JsonNode f = p.get(side);
                    long[] truth = trueGroup(id, region);
                    assertTrue(
                            preimage(f.get("denominator").asLong(), truth[0]),
                            id + " " + region + " victims: " + f + " true " + truth[0]);
                    assertTrue(
                            preimage(f.get("numerator").asLong(), truth[1]),
                            id + " " + region + " made: " + f + " true " + truth[1]);
                    shares[i] = wilson(
                            f.get("numerator").asLong(), f.get("denominator").asLong());
                    assertFigure(shares[i], f, id + " " + region);
                    i++;
                }
                assertFigure(
                        newcombe(shares[0], shares[1]),
                        part(s, comparison + ".difference", side),
                        comparison + " difference " + region);
            }
        }
        assertFalse(
                part(s, "priority.difference", "national").get("value").isNull(),
                "Amsterdam against Rotterdam in 2022: a difference");
        assertFalse(
                part(s, "pilotStart.difference", "national").get("value").isNull(),
                "before and after the pilot's start: a difference");
    }

    /** Measure 7's sentence formed again from the bundles and the parts' figures. */
    private static String contextSentence(Texts t, JsonNode s, String unit) {
        JsonNode n = s.get("national");
        String out = n.get("value").isNull()
                ? t.get("monitor.context.sentence.none", YEAR)
                : t.get(
                        "monitor.context.sentence",
                        YEAR,
                        t.fte(n.get("value").asDouble()),
                        t.fte(n.get("lower").asDouble()),
                        t.fte(n.get("upper").asDouble()));
        if (unit != null) {
            JsonNode u = s.get("unit");
            out += " "
                    + (u.get("value").isNull()
                            ? t.get("monitor.sentence.unitNone", "Amsterdam")
                            : t.get(
                                    "monitor.sentence.unit",
                                    "Amsterdam",
                                    t.fte(u.get("value").asDouble()),
                                    t.fte(u.get("lower").asDouble()),
                                    t.fte(u.get("upper").asDouble())));
        }
        for (String[] c : new String[][] {
            {"priority", "yes", "no"}, {"pilot", "tagged", "untagged"}, {"pilotStart", "after", "before"}
        }) {
            JsonNode d = part(s, c[0] + ".difference", "national");
            out += " "
                    + (d.get("value").isNull()
                            ? t.get("monitor.context." + c[0] + ".none", YEAR, PILOT)
                            : t.get(
                                    "monitor.context." + c[0],
                                    t.pct(part(s, c[0] + "." + c[1], "national")
                                            .get("value")
                                            .asDouble()),
                                    t.pct(part(s, c[0] + "." + c[2], "national")
                                            .get("value")
                                            .asDouble()),
                                    t.points(d.get("value").asDouble()),
                                    t.points(d.get("lower").asDouble()),
                                    t.points(d.get("upper").asDouble()),
                                    PILOT,
                                    YEAR));
        }
        for (String word : List.of(
                "because",
                "caused",
                "due to",
                "leads to",
                "effect",
                "omdat",
                "doordat",
                "veroorzaakt",
                "leidt tot",
                "effect")) {
            assertFalse(out.toLowerCase(Locale.ROOT).contains(word), "no causal wording: " + word + " in " + out);
        }
        return out;
    }

    private static JsonNode monitorSection(JsonNode monitor, String id) {
        for (JsonNode s : monitor.get("sections")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no section " + id);
    }

    /** Identified (measure 2's published clients) over estimated (published within the rule's preimage of the true sum), Wilson. */
    private static void clientsEstimated(Expected e, JsonNode point, String unit, int year) {
        for (String region : unit == null ? List.of("NL") : List.of("NL", unit)) {
            JsonNode f = point.get("NL".equals(region) ? "national" : "unit");
            long truth = trueEstimated(year, region);
            if (f.get("denominator").isNull()) {
                continue;
            }
            long published = f.get("denominator").asLong();
            assertTrue(
                    preimage(published, truth),
                    "estimated clients " + region + " " + year + ": published " + published + ", true " + truth);
            Long identified = e.clients.cell("clients", region, -1);
            assertEquals(
                    identified,
                    f.get("numerator").isNull() ? null : f.get("numerator").asLong(),
                    "identified clients " + region + " " + year);
            assertFigure(
                    published == 0 ? null : wilson(identified, published),
                    f,
                    "identified per estimated " + region + " " + year);
        }
    }

    /** The figures a coordinator can read off the reports of one year, computed here from their published counts. */
    private Expected expected(Api api, int year) {
        String q = "?year=" + year;
        return new Expected(
                year,
                new Report(json(api, "api/reports/dependency" + q)),
                new Report(json(api, "api/reports/clients" + q)),
                json(api, "api/reports/throughput/IN_VIEW_TO_OM_INFLOW" + q),
                json(api, "api/reports/victims" + q),
                json(api, "api/reports/runaways" + q),
                json(api, "api/reports/care" + q));
    }

    private record Expected(
            int year,
            Report dependency,
            Report clients,
            JsonNode throughput,
            JsonNode victims,
            JsonNode runaways,
            JsonNode care) {

        /** {value, lower, upper} or null when not published. */
        double[] figure(String id, String region) {
            return switch (id) {
                case "invisible" -> null; // no partner registrations in this world: never an estimate
                case "dependency" ->
                    wilson(
                            dependency.cell("cases", region, dependency.category("AANGIFTE")),
                            dependency.cell("cases", region, -1));
                case "suspectsOm" -> poisson(dependency.cell("s_om_inflow", region, -1));
                case "clients" -> wilson(clients.cell("c_om_inflow", region, -1), clients.cell("clients", region, -1));
                case "throughput" -> horizon(throughput, region);
                case "vulnerable" -> {
                    Report markers = new Report(section(victims, "VICTIMS_VULNERABILITY"));
                    Report all = new Report(section(victims, "VICTIMS_AANGIFTE"));
                    yield wilson(
                            markers.cell("marker_mentions", region, markers.category("LVB")),
                            all.cell("victims", region, -1));
                }
                case "runaways" -> {
                    Report r = new Report(section(runaways, "RUNAWAYS"));
                    yield wilson(r.cell("victimised", region, -1), r.cell("episodes", region, -1));
                }
                case "care" -> median(care, "REFERRAL_TO_START", region);
                case "context" ->
                    perFte(
                            dependency.cell("s_om_inflow", region, -1),
                            FTE.getOrDefault(year, Map.of()).get(region));
                default -> throw new IllegalArgumentException(id);
            };
        }
    }

    /** A report's count tables by metric, region ("NL" for the national row) and category (-1 total). */
    private record Report(JsonNode json) {
        Long cell(String metric, String region, int category) {
            for (JsonNode t : json.get("tables")) {
                if (t.get("metric").asText().equals(metric)) {
                    JsonNode row = null;
                    if ("NL".equals(region)) {
                        row = t.get("national");
                    } else {
                        for (JsonNode r : t.get("rows")) {
                            if (r.get("region").asText().equals(region)) {
                                row = r;
                            }
                        }
                    }
                    if (row == null) {
                        return null;
                    }
                    JsonNode c =
                            category < 0 ? row.get("total") : row.get("cells").get(category);
                    return c.get("value").isNull() ? null : c.get("value").asLong();
                }
            }
            return null;
        }

        long national(String metric) {
            return cell(metric, "NL", -1);
        }

        int category(String c) {
            for (int i = 0; i < json.get("categories").size(); i++) {
                if (json.get("categories").get(i).asText().equals(c)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static JsonNode section(JsonNode report, String name) {
        for (JsonNode s : report.get("sections")) {
            if (s.get("measure").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no section " + name);
    }

    /** Wilson's score interval, written out from its definition. */
    static double[] wilson(Long x, Long n) {
        if (x == null || n == null || n == 0) {
            return null;
        }
        double k = Math.min(x, n);
        double p = k / n;
        double denominator = 1 + Z * Z / n;
        double centre = (p + Z * Z / (2 * n)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n));
        return new double[] {p, Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** A count per FTE: the count and its exact Poisson limits over the FTE. */
    static double[] perFte(Long x, java.math.BigDecimal fte) {
        if (x == null || fte == null) {
            return null;
        }
        double[] p = poisson(x);
        double f = fte.doubleValue();
        return new double[] {p[0] / f, p[1] / f, p[2] / f};
    }

    /** Newcombe's hybrid score interval (1998, method 10) for a − b, from the two Wilson intervals. */
    static double[] newcombe(double[] a, double[] b) {
        if (a == null || b == null) {
            return null;
        }
        double d = a[0] - b[0];
        return new double[] {
            d,
            d - Math.sqrt(Math.pow(a[0] - a[1], 2) + Math.pow(b[2] - b[0], 2)),
            d + Math.sqrt(Math.pow(a[2] - a[0], 2) + Math.pow(b[0] - b[1], 2))
        };
    }

    /** The exact Poisson interval of a count from the gamma quantiles (Garwood). */
    static double[] poisson(Long x) {
        if (x == null) {
            return null;
        }
        double lower = x == 0 ? 0 : new GammaDistribution(x, 1).inverseCumulativeProbability(0.025);
        double upper = new GammaDistribution(x + 1, 1).inverseCumulativeProbability(0.975);
        return new double[] {x, lower, upper};
    }

    private static double[] horizon(JsonNode view, String region) {
        JsonNode row = "NL".equals(region) ? view.get("national") : null;
        if (row == null) {
            for (JsonNode r : view.get("rows")) {
                if (r.get("region").asText().equals(region)) {
                    row = r;
                }
            }
        }
        if (row == null) {
            return null;
        }
        for (JsonNode h : row.get("horizons")) {
            if (h.get("days").asInt() == 365) {
                return h.get("incidence").isNull()
                        ? null
                        : new double[] {
                            h.get("incidence").asDouble(),
                            h.get("lower95").asDouble(),
                            h.get("upper95").asDouble()
                        };
            }
        }
        return null;
    }

    private static double[] median(JsonNode report, String interval, String region) {
        for (JsonNode v : report.get("survival")) {
            if (v.get("interval").asText().equals(interval)) {
                JsonNode row = "NL".equals(region) ? v.get("national") : null;
                if (row == null) {
                    for (JsonNode r : v.get("rows")) {
                        if (r.get("region").asText().equals(region)) {
                            row = r;
                        }
                    }
                }
                if (row == null || row.get("medianDays").isNull()) {
                    return null;
                }
                return new double[] {
                    row.get("medianDays").asDouble(), nullable(row.get("lower95")), nullable(row.get("upper95"))
                };
            }
        }
        return null;
    }

    private static double nullable(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static void assertFigure(double[] expected, JsonNode figure, String what) {
        assertNotNull(figure, what);
        if (expected == null) {
            assertTrue(figure.get("value").isNull(), what + ": not published, got " + figure);
            return;
        }
        assertEquals(expected[0], figure.get("value").asDouble(), 1e-9, what + " value");
        check(expected[1], figure.get("lower"), what + " lower");
        check(expected[2], figure.get("upper"), what + " upper");
    }

    private static void check(double expected, JsonNode actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(actual.isNull(), what);
        } else {
            assertEquals(expected, actual.asDouble(), 1e-7, what);
        }
    }

    private static void assertPoisson(JsonNode figure, String what) {
        if (figure.get("value").isNull()) {
            return;
        }
        double[] e = poisson(figure.get("value").asLong());
        assertEquals(e[1], figure.get("lower").asDouble(), 1e-7, what);
        assertEquals(e[2], figure.get("upper").asDouble(), 1e-7, what);
    }

    // ---- the sentences, formed again here --------------------------------------------------------------

    private static final class Texts {
        final String lang;
        final Properties p = new Properties();

        Texts(String lang) {
            this.lang = lang;
            try (var in = MonitorIT.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String get(String key, Object... params) {
            String t = p.getProperty(key);
            assertNotNull(t, key);
            for (int i = 0; i < params.length; i++) {
                t = t.replace("{" + i + "}", String.valueOf(params[i]));
            }
            return t;
        }

        String pct(double v) {
            DecimalFormat f = new DecimalFormat(
                    "0.0", DecimalFormatSymbols.getInstance("en".equals(lang) ? Locale.UK : new Locale("nl", "NL")));
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f.format(v * 100) + "%";
        }

        String fte(double v) {
            DecimalFormat f = new DecimalFormat(
                    "0.00", DecimalFormatSymbols.getInstance("en".equals(lang) ? Locale.UK : new Locale("nl", "NL")));
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f.format(v);
        }

        /** Percentage points with a sign; U+2212 for minus. */
        String points(double v) {
            String digits = pct(Math.abs(v)).replace("%", "");
            return (digits.matches("[0.,]+") ? "" : v < 0 ? "\u2212" : "+") + digits;
        }

        String num(long v) {
            return String.format("en".equals(lang) ? Locale.UK : new Locale("nl", "NL"), "%,d", v);
        }
    }

    private String sentence(Texts t, String id, Expected e, String unit, JsonNode target) {
        double[] f = id.equals("clientsEstimated") ? fromJson(target.get("national")) : e.figure(id, "NL");
        if (f == null) {
            return t.get("monitor.sentence.none", YEAR);
        }
        String s = switch (id) {
            case "dependency" ->
                t.get(
                        "monitor.dependency.sentence",
                        YEAR,
                        t.pct(f[0]),
                        t.pct(f[1]),
                        t.pct(f[2]),
                        pctOrX(
                                t,
                                wilson(
                                        e.dependency.cell("s_om_inflow", "NL", e.dependency.category("AANGIFTE")),
                                        e.dependency.cell("s_in_view", "NL", e.dependency.category("AANGIFTE")))),
                        pctOrX(
                                t,
                                wilson(
                                        e.dependency.cell("s_om_inflow", "NL", e.dependency.category("AMBTSHALVE")),
                                        e.dependency.cell("s_in_view", "NL", e.dependency.category("AMBTSHALVE")))));
            case "suspectsOm" ->
                t.get(
                        "monitor.suspectsOm.sentence",
                        YEAR,
                        t.num((long) f[0]),
                        t.num(Math.round(f[1])),
                        t.num(Math.round(f[2])));
            case "clients" ->
                t.get(
                        "monitor.clients.sentence",
                        YEAR,
                        t.pct(f[0]),
                        t.num(e.clients.cell("clients", "NL", -1)),
                        t.pct(f[1]),
                        t.pct(f[2]),
                        pctOrX(
                                t,
                                wilson(e.clients.cell("c_conviction", "NL", -1), e.clients.cell("clients", "NL", -1))));
            case "throughput" -> t.get("monitor.throughput.sentence", YEAR, t.pct(f[0]), t.pct(f[1]), t.pct(f[2]));
            case "vulnerable" -> {
                Report all = new Report(section(e.victims, "VICTIMS_AANGIFTE"));
                JsonNode lvb = part(target, "aangifte.LVB");
                yield t.get(
                        "monitor.vulnerable.sentence",
                        YEAR,
                        t.pct(f[0]),
                        t.pct(f[1]),
                        t.pct(f[2]),
                        lvb.get("value").isNull()
                                ? "x"
                                : pctOrX(
                                        t,
                                        wilson(
                                                lvb.get("numerator").asLong(),
                                                lvb.get("denominator").asLong())),
                        pctOrX(t, wilson(all.cell("aangifte_made", "NL", -1), all.cell("victims", "NL", -1))));
            }
            case "clientsEstimated" -> {
                JsonNode n = target.get("national");
                yield t.get(
                        "monitor.clientsEstimated.sentence",
                        YEAR,
                        t.num(n.get("numerator").asLong()),
                        t.num(n.get("denominator").asLong()),
                        t.pct(n.get("value").asDouble()),
                        t.pct(n.get("lower").asDouble()),
                        t.pct(n.get("upper").asDouble()),
                        t.num(Math.max(
                                0,
                                n.get("denominator").asLong()
                                        - n.get("numerator").asLong())));
            }
            case "runaways" ->
                t.get(
                        "monitor.runaways.sentence",
                        YEAR,
                        t.pct(f[0]),
                        t.num(new Report(section(e.runaways, "RUNAWAYS")).cell("episodes", "NL", -1)),
                        t.pct(f[1]),
                        t.pct(f[2]));
            case "care" -> t.get("monitor.care.sentence", YEAR, t.num(Math.round(f[0])), days(t, f[1]), days(t, f[2]));
            default -> throw new IllegalArgumentException(id);
        };
        if (unit != null) {
            double[] u = id.equals("clientsEstimated") ? fromJson(target.get("unit")) : e.figure(id, unit);
            s += " "
                    + (u == null
                            ? t.get("monitor.sentence.unitNone", "Amsterdam")
                            : t.get(
                                    "monitor.sentence.unit",
                                    "Amsterdam",
                                    value(t, id, u[0]),
                                    value(t, id, u[1]),
                                    value(t, id, u[2])));
        }
        if (id.equals("suspectsOm")) {
            double[] shown = unit == null ? f : e.figure(id, unit);
            JsonNode goalNode = target.get("target");
            long goal = goalNode.asLong();
            s += " "
                    + (goalNode.isNull()
                            ? t.get("monitor.target.none")
                            : shown == null
                                    ? ""
                                    : Math.round(shown[0]) >= goal
                                            ? t.get("monitor.target.met", t.num(goal))
                                            : t.get(
                                                    "monitor.target.below",
                                                    t.num(goal),
                                                    t.num(goal - Math.round(shown[0]))));
        }
        return s.strip();
    }

    private static double[] fromJson(JsonNode f) {
        return f == null || f.isNull() || f.get("value").isNull()
                ? null
                : new double[] {f.get("value").asDouble(), nullable(f.get("lower")), nullable(f.get("upper"))};
    }

    private static JsonNode part(JsonNode section, String id, String side) {
        for (JsonNode p : section.get("parts")) {
            if (p.get("id").asText().equals(id)) {
                return p.get(side);
            }
        }
        throw new AssertionError("no part " + id);
    }

    private static JsonNode part(JsonNode section, String id) {
        for (JsonNode p : section.get("parts")) {
            if (p.get("id").asText().equals(id)) {
                return p.get("national");
            }
        }
        throw new AssertionError("no part " + id);
    }

    private static String value(Texts t, String id, double v) {
        if (Double.isNaN(v)) {
            return "x";
        }
        return switch (id) {
            case "suspectsOm", "care" -> t.num(Math.round(v));
            default -> t.pct(v);
        };
    }

    private static String days(Texts t, double v) {
        return Double.isNaN(v) ? "x" : t.num(Math.round(v));
    }

    private static String pctOrX(Texts t, double[] f) {
        return f == null ? "x" : t.pct(f[0]);
    }

    // ---- acceptance 3: the PDF ----------------------------------------------------------------------------

    /**
     * The PDF's text (PDFBox) holds every sentence and every published figure of the page, a withheld figure
     * as "x" and never as a number; the document is tagged (structure tree, marked content) with its language.
     */
    private void pdf(Api api, String unit, String lang) {
        JsonNode m = json(api, "api/monitor?year=" + YEAR + "&lang=" + lang);
        byte[] bytes = api.getBytes("api/monitor/pdf?year=" + YEAR + "&lang=" + lang);
        String text;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            assertNotNull(doc.getDocumentCatalog().getStructureTreeRoot(), "tagged: a structure tree");
            assertTrue(
                    doc.getDocumentCatalog().getMarkInfo() != null
                            && doc.getDocumentCatalog().getMarkInfo().isMarked(),
                    "tagged: marked");
            assertEquals(lang, doc.getDocumentCatalog().getLanguage());
            text = flat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Texts t = new Texts(lang);
        for (JsonNode s : m.get("sections")) {
            String id = s.get("id").asText();
            String pdfText = text;
            // A line may break after a dash ("20,1%–" / "63,5%"), which extraction turns into a space: compare without
            // any.
            String squeezed = squeezed(text);
            assertTrue(
                    squeezed.contains(squeezed(s.get("sentence").asText())),
                    () -> id + ": the sentence \"" + s.get("sentence").asText() + "\" is in the PDF's text: "
                            + pdfText);
            assertTrue(
                    squeezed.contains(squeezed(s.get("cannotTell").asText())),
                    id + ": what it cannot tell is in the PDF");
            String kind = s.get("kind").asText();
            String value = shown(t, kind, s.get("national"));
            assertTrue(
                    text.contains(t.get("monitor.figure.national") + " " + YEAR + ": " + value),
                    id + ": the national figure " + value);
            for (JsonNode region : s.get("regions")) {
                String name = region.get("region").asText().equals("AMS") ? "Amsterdam" : null;
                if (name == null) {
                    continue;
                }
                String row = name + " " + shown(t, kind, region.get("figure"));
                assertTrue(text.contains(row), id + ": the region's row " + row);
                if (region.get("figure").get("value").isNull()) {
                    assertTrue(text.contains(name + " x –"), id + ": a withheld figure is x, never a number");
                }
            }
            for (JsonNode point : s.get("trend")) {
                JsonNode f = unit == null ? point.get("national") : point.get("unit");
                assertTrue(
                        text.contains(point.get("year").asText() + " " + shown(t, kind, f)),
                        id + " trend " + point.get("year"));
            }
        }
        withheldNeverAppears(m, text, unit);
    }

    /** Every trend point the page withholds is "x" in the PDF's trend table, never a number. */
    private static void withheldNeverAppears(JsonNode m, String text, String unit) {
        for (JsonNode s : m.get("sections")) {
            for (JsonNode point : s.get("trend")) {
                JsonNode f = unit == null ? point.get("national") : point.get("unit");
                if (f.get("value").isNull()) {
                    assertTrue(
                            text.contains(point.get("year").asText() + " x –"),
                            s.get("id") + " " + point.get("year") + ": withheld is x");
                }
            }
        }
    }

    private static String shown(Texts t, String kind, JsonNode f) {
        if (f == null || f.isNull() || f.get("value").isNull()) {
            return "x";
        }
        double v = f.get("value").asDouble();
        return switch (kind) {
            case "COUNT" -> t.num(Math.round(v));
            case "DAYS" -> t.get("monitor.days", t.num(Math.round(v)));
            case "PER_FTE" -> t.get("monitor.perFte", t.fte(v));
            default -> t.pct(v);
        };
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String squeezed(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** A regional report's PDF (the print view's figures): every count of the region's rows is in its text. */
    private void regionalReportPdf(Api api) {
        JsonNode report = json(api, "api/reports/dependency?year=" + YEAR);
        byte[] bytes = api.getBytes("api/reports/dependency/pdf/AMS?year=" + YEAR + "&lang=nl");
        String text;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            assertNotNull(doc.getDocumentCatalog().getStructureTreeRoot(), "tagged: a structure tree");
            text = flat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode table : report.get("tables")) {
            for (JsonNode row : table.get("rows")) {
                if (!row.get("region").asText().equals("AMS")) {
                    continue;
                }
                StringBuilder line = new StringBuilder("Amsterdam");
                row.get("cells")
                        .forEach(c -> line.append(' ').append(c.get("display").asText()));
                line.append(' ').append(row.get("total").get("display").asText());
                assertTrue(text.contains(line.toString()), table.get("metric") + ": " + line);
            }
        }
    }

    // ---- acceptance 2: the page ------------------------------------------------------------------------

    private void page(String username, String unit) {
        try (Browser b = Browser.open(base, "monitor")) {
            b.login(username, Scenario.PASSWORD, () -> {
                scenario.advanceClock(31);
                return scenario.totp(username);
            });
            b.waitForPage("/coordinator");
            b.click("coordinator-monitor");
            b.waitForPage("/monitor");
            b.select("monitor-year", Integer.toString(YEAR)).submit();
            b.waitForPage("/monitor?year=" + YEAR);
            Api api = scenario.login(username, Scenario.PASSWORD);
            for (String lang : List.of("nl", "en")) {
                b.language(lang);
                JsonNode m = json(api, "api/monitor?year=" + YEAR + "&lang=" + lang);
                for (JsonNode s : m.get("sections")) {
                    String id = "monitor-" + s.get("id").asText();
                    assertTrue(b.present(By.id(id + "-national")), id + " shows its figure");
                    assertEquals(
                            unit != null,
                            b.present(By.id(id + "-unit")),
                            id + " shows the unit's figure to a regional coordinator only");
                    assertEquals(
                            s.get("sentence").asText(),
                            b.driver.findElement(By.id(id + "-sentence")).getText(),
                            id + " sentence");
                    assertFalse(
                            b.driver
                                    .findElements(By.cssSelector("#" + id + "-trend svg"))
                                    .isEmpty(),
                            id + " trend chart");
                    assertFalse(
                            b.driver
                                    .findElements(By.cssSelector("#" + id + "-trend table"))
                                    .isEmpty(),
                            id + " trend table");
                    assertFalse(
                            b.driver
                                    .findElements(By.cssSelector("#" + id + "-regions svg"))
                                    .isEmpty(),
                            id + " regions chart");
                    assertFalse(
                            b.driver
                                    .findElements(By.cssSelector("#" + id + "-regions table"))
                                    .isEmpty(),
                            id + " regions table");
                    if (s.get("id").asText().equals("context")) {
                        assertFalse(
                                b.driver
                                        .findElements(By.cssSelector("#" + id + "-differences svg"))
                                        .isEmpty(),
                                "measure 7's differences chart");
                        assertFalse(
                                b.driver
                                        .findElements(By.cssSelector("#" + id + "-differences table"))
                                        .isEmpty(),
                                "measure 7's differences table");
                    }
                    String rows = (String) b.js(
                            "return [...document.querySelectorAll(arguments[0])].map((r) => r.cells[0].textContent).join('|')",
                            "#" + id + "-trend tbody tr");
                    assertEquals(10, rows.split("\\|").length, id + ": ten years in the trend table");
                }
                violations.addAll(b.axe("monitor" + (unit == null ? "" : "-" + unit) + " " + lang));
            }
            b.screenshots("monitor-" + (unit == null ? "national" : "regional"));
        }
    }

    private static List<String> ids(JsonNode sections) {
        List<String> ids = new ArrayList<>();
        sections.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private static JsonNode json(Api api, String path) {
        Api.Reply r = api.get(path);
        assertEquals(200, r.status(), path + ": " + r);
        return r.json();
    }
}
