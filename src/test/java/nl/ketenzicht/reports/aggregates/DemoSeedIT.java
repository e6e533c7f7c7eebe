package nl.ketenzicht.reports.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.ketenzicht.reports.AgeGroup;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Scenario;
import nl.ketenzicht.support.Settings;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployment runs in demo mode on a database of its own (pom: it.server.DemoSeedIT in the
 * execution isolated, a small ketenzicht.demo.cases), so the demo seeder bulk-loads its synthetic
 * world past the services at start-up, as on a fresh demo. Afterwards every figure the reports of measures 1, 2, 4, 5 and 6 read
 * equals a recount from the base tables, computed here in plain Java from plain row reads: the funnel
 * counters as readers see them (with unfolded deltas), the victim facts and, through
 * {@link VictimCountCheck}, the measure-4 counters, the runaway and care facts, and the dark number's
 * overlap counts; and the dark-number series has an estimate for each of the five years.
 */
@ExtendWith(ArquillianExtension.class)
class DemoSeedIT {

    private static final List<String> TYPES =
            List.of("POLICE", "OM", "CARE", "YOUTH_CARE", "NATIONAL", "KMAR", "INSPECTORATE", "OTHER");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyReportFigureOfTheSeededDemoEqualsARecountFromTheBaseTables() throws SQLException, InterruptedException {
        int cases = Integer.parseInt(Settings.get("ketenzicht.demo.cases"));
        try (Connection c = Db.connect()) {
            Base b = Base.read(c);
            assertEquals(cases, b.cases.size(), "the seeder loaded its world");
            assertFalse(
                    b.episodes.isEmpty() || b.referrals.isEmpty() || b.registrations.isEmpty(),
                    "runaways, care and registrations seeded");

            Map<String, List<Long>> funnel = b.funnel();
            assertEquals(funnel, counters(c), "measures 1-2: every funnel counter equals the recount");
            assertEquals(
                    cases, funnel.values().stream().mapToLong(v -> v.get(0)).sum(), "every case counted once");

            assertEquals(
                    b.victimFacts(),
                    rows(
                            c,
                            "SELECT party_id, case_id, municipality, police_unit, court_district, "
                                    + "prosecution_office, year, quarter, origin, team_type, forms, age_group, aangifte_made + 0, declined + 0, "
                                    + "hearing, channel, reasons, vulnerabilities FROM report_victim_fact WHERE year <> 0 ORDER BY party_id"),
                    "measure 4: every victim's fact equals the recount");
            c.setAutoCommit(false);
            assertTrue(VictimCountCheck.assertCountersEqualFacts(c) > 0, "measure 4: the counters equal the facts");
            c.setAutoCommit(true);
            assertEquals(
                    b.runawayFacts(),
                    rows(
                            c,
                            "SELECT episode_id, victim_id, municipality, police_unit, court_district, "
                                    + "prosecution_office, year, quarter, origin, team_type, forms, age_group, institution_type, missing_since, "
                                    + "reported_on, found_on, victimised + 0 FROM report_runaway_fact ORDER BY episode_id"),
                    "measure 5: every episode's fact equals the recount");
            assertEquals(
                    b.careFacts(),
                    rows(
                            c,
                            "SELECT referral_id, victim_id, municipality, police_unit, court_district, "
                                    + "prosecution_office, year, quarter, origin, team_type, forms, age_group, care_type, referred_on, started_on "
                                    + "FROM report_care_fact ORDER BY referral_id"),
                    "measure 6: every referral's fact equals the recount");
            assertEquals(
                    rows(
                            c,
                            "SELECT id, COALESCE(estimated_client_count, -1) FROM party WHERE kind = 'VICTIM' AND id IN "
                                    + "(SELECT party_id FROM report_victim_fact WHERE year <> 0) ORDER BY id"),
                    rows(
                            c,
                            "SELECT party_id, COALESCE(estimated_clients, -1) FROM report_victim_fact WHERE year <> 0 ORDER BY party_id"),
                    "monitor: every victim's estimated clients equal the base table's");
            assertEquals(
                    b.overlap(),
                    keyed(
                            c,
                            "SELECT period_year, period_quarter, police_unit, type_mask, persons "
                                    + "FROM overlap_count WHERE persons <> 0"),
                    "dark number: overlap counts equal the recount");
            assertEquals(
                    b.registrationCounts(),
                    keyed(
                            c,
                            "SELECT period_year, period_quarter, police_unit, organisation_type, "
                                    + "match_quality, registrations FROM registration_count WHERE registrations <> 0"),
                    "dark number: registrations per type and match equal the recount");
        }
        darkNumberHasFiveYears();
        monitorShowsEveryConcern();
        importPageHasItsPreviews();
    }

    /**
     * The import page's demo: the police case worker's case file and the coordinator's context file,
     * previewed (a refused row to read and download in the first), and nothing of them kept.
     */
    private void importPageHasItsPreviews() throws InterruptedException {
        String cases = "import_job WHERE template = 'CASES' AND status = 'PREVIEWED' AND refused_count = 1 "
                + "AND created_count = 10 AND file_name = 'zaken-voorbeeld.csv'";
        String context = "import_job WHERE template = 'CONTEXT' AND status = 'PREVIEWED' AND refused_count = 0 "
                + "AND created_count + updated_count + unchanged_count = 2";
        long until = System.currentTimeMillis() + 120_000;
        while ((Db.count(cases) == 0 || Db.count(context) == 0) && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
        assertEquals(1, Db.count(cases), "the demo's case file is previewed with its refused row");
        assertEquals(1, Db.count(context), "the demo's context file is previewed");
        assertEquals(
                1,
                Db.count("import_problem p JOIN import_job j ON j.id = p.job_id WHERE j.template = 'CASES' "
                        + "AND p.rule_name = 'EXPLOITATION_BEFORE_BIRTH'"),
                "the refused row's rule");
        assertEquals(0, Db.count("import_reference"), "a preview keeps nothing");
    }

    /** Issue 16: on first start the monitor of last year has a figure in every section (estimated clients seeded too). */
    private void monitorShowsEveryConcern() {
        Scenario s = new Scenario(base);
        long national = s.organisation("NATIONAL", null);
        Api coordinator = s.login(
                s.createUserOnly("COORDINATOR", national).get("username").asText(), Scenario.PASSWORD);
        Api.Reply reply = coordinator.get(
                "api/monitor?year=" + (LocalDate.now(ZoneOffset.UTC).getYear() - 1));
        assertEquals(200, reply.status(), reply.body());
        for (JsonNode section : reply.json().get("sections")) {
            assertTrue(
                    section.get("national").get("value").isNumber(),
                    "a figure in " + section.get("id") + ": " + section.get("national"));
            assertFalse(section.get("sentence").asText().isBlank(), "a sentence in " + section.get("id"));
            if (section.get("id").asText().equals("context")) {
                // Measure 7: a comparison whose two groups are published has a difference with its interval. With
                // this test's 400 cases the pilot's groups of one year are a handful of victims, which the cell keys
                // may withhold (then so is the difference); the priority groups span every municipality and are not.
                Map<String, JsonNode> parts = new HashMap<>();
                section.get("parts").forEach(part -> parts.put(part.get("id").asText(), part.get("national")));
                for (String comparison : List.of("priority", "pilot", "pilotStart")) {
                    boolean published = parts.entrySet().stream()
                            .filter(e -> e.getKey().startsWith(comparison + ".")
                                    && !e.getKey().endsWith(".difference"))
                            .allMatch(e -> e.getValue().get("lower").isNumber());
                    JsonNode difference = parts.get(comparison + ".difference");
                    assertEquals(
                            published,
                            difference.get("lower").isNumber(),
                            "measure 7: " + comparison + " " + difference + " of " + parts);
                }
                assertTrue(
                        parts.get("priority.difference").get("lower").isNumber(),
                        "measure 7: the priority comparison has its interval: " + parts);
                assertEquals(
                        9,
                        section.get("parts").size(),
                        "priority, pilot and before/after its start: " + section.get("parts"));
            }
        }
    }

    /**
     * Measure 7 and the monitor have context on first start: capacity of every police unit in every demo
     * year, a priority (yes for some, no for others) for every municipality with cases in every year, and
     * the pilot with its units and tagged cases, each tagged case one of its units' opened while it ran.
     */
    @Test
    void theDemoSeedsContextForEveryUnitMunicipalityAndYearAndAPilotWithCases() throws SQLException {
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        try (Connection c = Db.connect();
                Statement s = c.createStatement()) {
            List<String> units = column(s, "SELECT code FROM ref_police_unit ORDER BY code");
            Map<String, Map<Integer, nl.ketenzicht.context.ContextFigures.Capacity>> capacity =
                    nl.ketenzicht.context.ContextFigures.capacity(c, 2015, thisYear);
            assertEquals(new TreeSet<>(units), new TreeSet<>(capacity.keySet()), "every police unit");
            for (var perUnit : capacity.values()) {
                assertEquals(thisYear - 2015 + 1, perUnit.size(), "every demo year");
                perUnit.values()
                        .forEach(cap -> assertTrue(
                                cap.investigators().signum() > 0
                                        && cap.psychologists().signum() > 0,
                                cap.toString()));
            }
            List<String> municipalities = column(s, "SELECT DISTINCT municipality_code FROM case_file ORDER BY 1");
            Map<Integer, Map<String, Boolean>> priorities =
                    nl.ketenzicht.context.ContextFigures.priorities(c, 2015, thisYear);
            for (int year = 2015; year <= thisYear; year++) {
                assertEquals(
                        new TreeSet<>(municipalities),
                        new TreeSet<>(priorities.get(year).keySet()),
                        "every municipality with cases in " + year);
            }
            var values = priorities.values().stream()
                    .flatMap(m -> m.values().stream())
                    .distinct()
                    .toList();
            assertEquals(2, values.size(), "some municipalities have the priority, others not");

            var pilots = nl.ketenzicht.context.ContextFigures.pilots(c);
            assertEquals(1, pilots.size());
            var pilot = pilots.get(0);
            assertEquals(java.util.Set.of("AMS", "OB", "RDM"), pilot.policeUnits());
            long tagged = nl.ketenzicht.context.ContextFigures.taggedCases(c).getOrDefault(pilot.id(), 0L);
            assertTrue(tagged > 0, "the pilot has cases");
            try (ResultSet rs = s.executeQuery(
                    "SELECT f.police_unit, f.opened_on FROM case_pilot t JOIN case_file f ON f.id = t.case_id")) {
                while (rs.next()) {
                    assertTrue(
                            pilot.policeUnits().contains(rs.getString(1))
                                    && pilot.runsOn(rs.getDate(2).toLocalDate()),
                            "a tagged case lies in the pilot's units and period: " + rs.getString(1) + " "
                                    + rs.getDate(2));
                }
            }
            assertEquals(
                    tagged,
                    Long.parseLong(column(s, "SELECT COUNT(*) FROM case_pilot_history WHERE tagged")
                            .get(0)),
                    "each tag in the history");
        }
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private void darkNumberHasFiveYears() {
        Scenario s = new Scenario(base);
        s.admin();
        long national = s.organisation("NATIONAL", null);
        Api coordinator = s.login(
                s.createUserOnly("COORDINATOR", national).get("username").asText(), Scenario.PASSWORD);
        int year = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
        Api.Reply reply = coordinator.get("api/mse/series?fromYear=" + (year - 4) + "&toYear=" + year
                + "&region=NATIONAL&lists=POLICE&lists=CARE&lists=NATIONAL&lists=KMAR");
        assertEquals(200, reply.status(), reply.body());
        JsonNode series = reply.json();
        assertEquals(5, series.size(), reply.body());
        for (JsonNode point : series) {
            assertTrue(point.get("populationSize").isNumber(), "an estimate for " + point.get("year") + ": " + point);
        }
    }

    /** Counters as the report reads them: report_funnel plus unfolded deltas, per cell. */
    private static Map<String, List<Long>> counters(Connection c) throws SQLException {
        Map<String, List<Long>> out = new TreeMap<>();
        for (String line : CounterCheck.currentRows(c)) {
            String[] f = line.split("\\|", -1);
            List<Long> values = new ArrayList<>();
            for (int i = 8; i < 8 + CaseContribution.COLUMNS.size(); i++) {
                values.add(Long.parseLong(f[i]));
            }
            out.put(String.join("|", Arrays.copyOfRange(f, 0, 8)), values);
        }
        return out;
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        return CounterCheck.rows(c, sql);
    }

    /** Rows as key (all columns but the last) → last column. */
    private static Map<String, Long> keyed(Connection c, String sql) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (String row : CounterCheck.rows(c, sql)) {
            String[] f = row.split("\\|", -1);
            out.put(String.join("|", Arrays.copyOfRange(f, 0, f.length - 2)), Long.parseLong(f[f.length - 2]));
        }
        return out;
    }

    private record Kase(
            long id,
            String municipality,
            String unit,
            String district,
            String office,
            LocalDate opened,
            String origin,
            String team,
            TreeSet<String> formSet) {
        /** Sorted as Java sorts strings. */
        String forms() {
            return String.join(",", formSet);
        }
    }

    private record Party(
            long id,
            long caseId,
            String kind,
            Boolean ageCheck,
            Integer birthYear,
            Integer birthMonth,
            LocalDate exploitationStarted,
            String channel) {}

    private record Step(long party, String stage, String decision, String verdict, Integer custodyDays) {}

    private record Aangifte(long id, long victim, String type, String advice) {}

    private record Episode(
            long id,
            long victim,
            String institution,
            LocalDate missing,
            LocalDate reported,
            LocalDate found,
            Boolean victimised) {}

    private record Referral(long id, long victim, String type, LocalDate referred, LocalDate started) {}

    private record Registered(long person, String type, LocalDate on, String unit, String quality) {}

    /** The base tables, read row by row with no grouping. */
    private static final class Base {
        final Map<Long, Kase> cases = new TreeMap<>();
        final Map<Long, Party> parties = new TreeMap<>();
        final Map<Long, List<Step>> steps = new HashMap<>();
        final Map<Long, List<Aangifte>> aangifte = new HashMap<>();
        final Map<Long, TreeSet<String>> reasons = new HashMap<>();
        final Map<Long, TreeSet<String>> markers = new HashMap<>();
        final List<Episode> episodes = new ArrayList<>();
        final List<Referral> referrals = new ArrayList<>();
        final List<Registered> registrations = new ArrayList<>();

        static Base read(Connection c) throws SQLException {
            Base b = new Base();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs =
                        s.executeQuery("SELECT id, municipality_code, police_unit, court_district, prosecution_office, "
                                + "opened_on, origin, team_type FROM case_file")) {
                    while (rs.next()) {
                        b.cases.put(
                                rs.getLong(1),
                                new Kase(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        date(rs, 6),
                                        rs.getString(7),
                                        rs.getString(8),
                                        new TreeSet<>()));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT case_id, code FROM case_exploitation_form")) {
                    while (rs.next()) {
                        b.cases.get(rs.getLong(1)).formSet().add(rs.getString(2));
                    }
                }
                try (ResultSet rs =
                        s.executeQuery("SELECT id, case_id, kind, age_verification_at_issue, birth_year, birth_month, "
                                + "exploitation_started_on, recruitment_channel FROM party")) {
                    while (rs.next()) {
                        b.parties.put(
                                rs.getLong(1),
                                new Party(
                                        rs.getLong(1),
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getObject(4, Boolean.class),
                                        rs.getObject(5, Integer.class),
                                        rs.getObject(6, Integer.class),
                                        date(rs, 7),
                                        rs.getString(8)));
                    }
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT party_id, stage, decision, verdict, custody_unconditional_days FROM chain_event")) {
                    while (rs.next()) {
                        b.steps
                                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Step(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getObject(5, Integer.class)));
                    }
                }
                Map<Long, Aangifte> events = new HashMap<>();
                try (ResultSet rs =
                        s.executeQuery("SELECT id, victim_id, type, psychologist_advised FROM aangifte_event")) {
                    while (rs.next()) {
                        Aangifte a = new Aangifte(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
                        events.put(a.id(), a);
                        b.aangifte
                                .computeIfAbsent(a.victim(), k -> new ArrayList<>())
                                .add(a);
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT event_id, code FROM aangifte_reason")) {
                    while (rs.next()) {
                        Aangifte a = events.get(rs.getLong(1));
                        if (a.type().equals("DECLINED")) { // a reason counts as a reason for declining
                            b.reasons
                                    .computeIfAbsent(a.victim(), k -> new TreeSet<>())
                                    .add(rs.getString(2));
                        }
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT party_id, code FROM victim_vulnerability")) {
                    while (rs.next()) {
                        b.markers
                                .computeIfAbsent(rs.getLong(1), k -> new TreeSet<>())
                                .add(rs.getString(2));
                    }
                }
                try (ResultSet rs =
                        s.executeQuery("SELECT id, victim_id, institution_type, missing_since, reported_on, found_on, "
                                + "victimised_during FROM runaway_episode ORDER BY id")) {
                    while (rs.next()) {
                        b.episodes.add(new Episode(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                date(rs, 4),
                                date(rs, 5),
                                date(rs, 6),
                                rs.getObject(7, Boolean.class)));
                    }
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT id, victim_id, care_type, referred_on, started_on FROM care_referral ORDER BY id")) {
                    while (rs.next()) {
                        b.referrals.add(
                                new Referral(rs.getLong(1), rs.getLong(2), rs.getString(3), date(rs, 4), date(rs, 5)));
                    }
                }
                try (ResultSet rs =
                        s.executeQuery("SELECT person_id, organisation_type, registered_on, police_unit, match_quality "
                                + "FROM registration")) {
                    while (rs.next()) {
                        b.registrations.add(new Registered(
                                rs.getLong(1), rs.getString(2), date(rs, 3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return b;
        }

        /** Measures 1–2: per cell (region, quarter opened, origin, team, form set) the case's counts, summed. */
        Map<String, List<Long>> funnel() {
            Map<String, long[]> cells = new TreeMap<>();
            for (Kase k : cases.values()) {
                long[] n = cells.computeIfAbsent(
                        String.join(
                                "|",
                                k.unit(),
                                k.district(),
                                k.office(),
                                String.valueOf(k.opened().getYear()),
                                String.valueOf(quarter(k.opened())),
                                k.origin(),
                                k.team(),
                                k.forms()),
                        key -> new long[CaseContribution.COLUMNS.size()]);
                n[0]++;
            }
            for (Party p : parties.values()) {
                Kase k = cases.get(p.caseId());
                long[] n = cells.get(String.join(
                        "|",
                        k.unit(),
                        k.district(),
                        k.office(),
                        String.valueOf(k.opened().getYear()),
                        String.valueOf(quarter(k.opened())),
                        k.origin(),
                        k.team(),
                        k.forms()));
                List<Step> chain = steps.getOrDefault(p.id(), List.of());
                boolean omInflow = chain.stream().anyMatch(e -> e.stage().equals("OM_INFLOW"));
                boolean summons =
                        chain.stream().anyMatch(e -> e.stage().equals("OM_DECISION") && "SUMMONS".equals(e.decision()));
                boolean conviction =
                        chain.stream().anyMatch(e -> e.stage().equals("VERDICT") && "CONVICTION".equals(e.verdict()));
                boolean custody = chain.stream()
                        .anyMatch(e -> e.stage().equals("SENTENCE") && e.custodyDays() != null && e.custodyDays() > 0);
                switch (p.kind()) {
                    case "VICTIM" -> n[1]++;
                    case "SUSPECT" -> {
                        n[2]++;
                        n[3] += chain.stream().anyMatch(e -> e.stage().equals("IN_VIEW")) ? 1 : 0;
                        n[4] += omInflow ? 1 : 0;
                        n[5] += summons ? 1 : 0;
                        n[6] += conviction ? 1 : 0;
                        n[7] += custody ? 1 : 0;
                    }
                    case "CLIENT" -> {
                        n[8]++;
                        n[9] += omInflow ? 1 : 0;
                        n[10] += summons ? 1 : 0;
                        n[11] += conviction ? 1 : 0;
                        n[12] += custody ? 1 : 0;
                        n[13] += Boolean.TRUE.equals(p.ageCheck()) ? 1 : 0;
                    }
                    default -> throw new IllegalStateException(p.kind());
                }
            }
            Map<String, List<Long>> out = new TreeMap<>();
            cells.forEach((key, n) -> out.put(key, Arrays.stream(n).boxed().toList()));
            return out;
        }

        /** Measure 4: a victim's fact, with the case's dimensions, age group, aangifte history, channel and markers. */
        List<String> victimFacts() {
            List<String> out = new ArrayList<>();
            for (Party p : parties.values()) {
                if (!p.kind().equals("VICTIM")) {
                    continue;
                }
                Kase k = cases.get(p.caseId());
                boolean made = false;
                boolean declined = false;
                boolean heard = false;
                boolean before = false;
                boolean during = false;
                for (Aangifte a : aangifte.getOrDefault(p.id(), List.of())) {
                    made |= a.type().equals("AANGIFTE_MADE");
                    declined |= a.type().equals("DECLINED");
                    if (a.type().equals("AANGIFTE_MADE") || a.type().equals("INFORMATORY_INTERVIEW")) {
                        heard = true;
                        before |= a.advice().startsWith("BEFORE");
                        during |= a.advice().endsWith("DURING");
                    }
                }
                String hearing = !heard
                        ? "NO_HEARING"
                        : before && during ? "BEFORE_AND_DURING" : before ? "BEFORE" : during ? "DURING" : "NONE";
                out.add(row(
                        p.id(),
                        k.id(),
                        victimDims(p, k.opened()),
                        made ? 1 : 0,
                        declined ? 1 : 0,
                        hearing,
                        p.channel() == null ? "UNKNOWN" : p.channel(),
                        String.join(",", reasons.getOrDefault(p.id(), new TreeSet<>())),
                        String.join(",", markers.getOrDefault(p.id(), new TreeSet<>()))));
            }
            return out;
        }

        /** Measure 5: episodes by the quarter the child went missing. */
        List<String> runawayFacts() {
            List<String> out = new ArrayList<>();
            for (Episode e : episodes) {
                out.add(row(
                        e.id(),
                        e.victim(),
                        victimDims(parties.get(e.victim()), e.missing()),
                        e.institution(),
                        e.missing(),
                        e.reported(),
                        e.found(),
                        Boolean.TRUE.equals(e.victimised()) ? 1 : 0));
            }
            return out;
        }

        /** Measure 6: referrals by the quarter of referral. */
        List<String> careFacts() {
            List<String> out = new ArrayList<>();
            for (Referral r : referrals) {
                out.add(row(
                        r.id(),
                        r.victim(),
                        victimDims(parties.get(r.victim()), r.referred()),
                        r.type(),
                        r.referred(),
                        r.started()));
            }
            return out;
        }

        /** Persons per year (quarter 0) and quarter, per police unit and nationally (''), by the set of partner types that registered them. */
        Map<String, Long> overlap() {
            Map<String, Integer> masks = new HashMap<>();
            for (Registered r : registrations) {
                for (String cell : cells(r)) {
                    masks.merge(r.person() + "|" + cell, 1 << TYPES.indexOf(r.type()), (a, b) -> a | b);
                }
            }
            Map<String, Long> out = new TreeMap<>();
            masks.forEach((key, mask) -> out.merge(key.substring(key.indexOf('|') + 1) + "|" + mask, 1L, Long::sum));
            return out;
        }

        Map<String, Long> registrationCounts() {
            Map<String, Long> out = new TreeMap<>();
            for (Registered r : registrations) {
                for (String cell : cells(r)) {
                    out.merge(cell + "|" + r.type() + "|" + r.quality(), 1L, Long::sum);
                }
            }
            return out;
        }

        private static List<String> cells(Registered r) {
            int y = r.on().getYear();
            int q = quarter(r.on());
            return List.of(y + "|0|", y + "|0|" + r.unit(), y + "|" + q + "|", y + "|" + q + "|" + r.unit());
        }

        /** Region, period of {@code periodDate}, case cut and the victim's age group, as the fact tables order them. */
        private String victimDims(Party p, LocalDate periodDate) {
            Kase k = cases.get(p.caseId());
            AgeGroup age = AgeGroup.of(p.birthYear(), p.birthMonth(), p.exploitationStarted(), k.opened());
            return String.join(
                    "|",
                    k.municipality(),
                    k.unit(),
                    k.district(),
                    k.office(),
                    String.valueOf(periodDate.getYear()),
                    String.valueOf(quarter(periodDate)),
                    k.origin(),
                    k.team(),
                    k.forms(),
                    age.name());
        }
    }

    private static String row(Object... values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            b.append(v).append('|');
        }
        return b.toString();
    }

    private static int quarter(LocalDate d) {
        return (d.getMonthValue() - 1) / 3 + 1;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
