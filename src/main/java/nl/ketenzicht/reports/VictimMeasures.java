package nl.ketenzicht.reports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.reports.CounterSpec.Section;
import nl.ketenzicht.reports.Measure.Rate;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import nl.ketenzicht.reports.aggregates.CellKeys;
import nl.ketenzicht.reports.stats.CellKeyPerturbation;
import nl.ketenzicht.reports.stats.KeyedTable;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;
import nl.ketenzicht.reports.stats.SurvivalObservation;

/**
 * Measure 4 (victims) from the counters of V1_11_0, measures 5 (runaways) and 6 (care) from the
 * narrow fact tables of V1_6_0.
 *
 * <p>Speed: measure 4 sums the counter rows of the cut (one row per cut cell with a column per
 * hearing and code, kept with the victim facts in the writer's transaction, so never stale) instead
 * of grouping one fact row per victim, which took 8–15 s at 1.3 million victims; at the municipality
 * level REST is the national figure less the unit's municipalities. The Kaplan–Meier measures read
 * one fact table with a row per episode or referral, without joins, filtered on the period index:
 * they need the individual durations anyway (as measure 3 does), and there are far fewer of them.
 *
 * <p>Every count is perturbed by its cell key ({@link CellKeyPerturbation}): measure 4 sums count × tk
 * of its counter rows, measures 5 and 6 add up the keys of their episodes and referrals. Tables that
 * publish the same totals (victims by age group and by recruitment channel) therefore publish the same
 * figures for them.
 */
final class VictimMeasures {

    static final List<String> HEARINGS = List.of("NONE", "BEFORE", "DURING", "BEFORE_AND_DURING");
    private static final List<String> AGE_GROUPS =
            Arrays.stream(AgeGroup.values()).map(Enum::name).toList();

    private final Connection c;
    private final VictimCut cut;
    private final List<RegionRef> regions;
    private final Set<String> visible;
    private final int k;
    private final Map<String, Integer> index = new HashMap<>();
    private final Integer rest;
    private Map<String, String> described;

    VictimMeasures(Connection c, VictimCut cut, List<RegionRef> regions, Set<String> visible, int k) {
        this.c = c;
        this.cut = cut;
        this.regions = regions;
        this.visible = visible;
        this.k = k;
        for (int i = 0; i < regions.size(); i++) {
            index.put(regions.get(i).code(), i);
        }
        this.rest = index.get(RegionDirectory.REST);
        this.described = cut.describe();
    }

    // ---- measure 4 --------------------------------------------------------------------------

    MeasureReport victims() throws SQLException {
        List<String> reasons = RegionDirectory.codes(c, "NON_REPORTING_REASON");
        List<String> markers = new ArrayList<>(RegionDirectory.codes(c, "VULNERABILITY"));
        markers.add("NONE");
        List<String> channels = new ArrayList<>(RegionDirectory.codes(c, "RECRUITMENT_CHANNEL"));
        channels.add("UNKNOWN");
        Tables g = new Tables();
        String sums = sums(channels, markers, reasons);
        List<Object> params = new ArrayList<>();
        if (!cut.byMunicipality()) {
            query(
                    "SELECT " + cut.regionColumn() + ", age_group, tk, " + sums + " FROM report_victim_count"
                            + where(params) + " AND municipality = '' GROUP BY 1, 2, 3",
                    params,
                    rs -> victimCounts(g, region(rs.getString(1)), 1, rs, channels, markers, reasons));
        } else {
            // REST, all municipalities outside the unit: the national figure less the unit's municipalities.
            query(
                    "SELECT NULL, age_group, tk, " + sums + " FROM report_victim_count" + where(params)
                            + " AND municipality = '' GROUP BY 2, 3",
                    params,
                    rs -> victimCounts(g, rest, 1, rs, channels, markers, reasons));
            List<String> listed = regions.stream()
                    .map(RegionRef::code)
                    .filter(code -> !code.equals(RegionDirectory.REST))
                    .toList();
            List<Object> inUnit = new ArrayList<>();
            String sql = "SELECT municipality, age_group, tk, " + sums + " FROM report_victim_count" + where(inUnit)
                    + " AND municipality IN (" + String.join(", ", java.util.Collections.nCopies(listed.size(), "?"))
                    + ") GROUP BY 1, 2, 3";
            inUnit.addAll(listed);
            query(sql, inUnit, rs -> {
                victimCounts(g, region(rs.getString(1)), 1, rs, channels, markers, reasons);
                victimCounts(g, rest, -1, rs, channels, markers, reasons);
            });
        }
        g.ensure("victims", AGE_GROUPS.size(), "aangifte_made", "declined");
        g.ensure("heard", HEARINGS.size(), "heard_aangifte");
        g.ensure("victims_by_channel", channels.size());
        g.ensure("marker_mentions", markers.size());
        g.ensure("reason_mentions", reasons.size());
        Map<String, SuppressedTwoWayTable> t = g.publish();
        List<RegionalReport> sections = List.of(
                publish(
                        new Section(
                                "VICTIMS_AANGIFTE",
                                AGE_GROUPS,
                                List.of("victims", "aangifte_made", "declined"),
                                List.of("victims"),
                                List.of(new Rate("aangifte_made", "victims")),
                                new Rate("aangifte_made", "victims"),
                                null),
                        t),
                publish(
                        new Section(
                                "VICTIMS_HEARING",
                                HEARINGS,
                                List.of("heard", "heard_aangifte"),
                                List.of(),
                                List.of(new Rate("heard_aangifte", "heard")),
                                new Rate("heard_aangifte", "heard"),
                                null),
                        t),
                publish(
                        new Section(
                                "VICTIMS_REASONS",
                                reasons,
                                List.of("reason_mentions"),
                                List.of(),
                                List.of(),
                                null,
                                null),
                        t),
                publish(
                        new Section(
                                "VICTIMS_VULNERABILITY",
                                markers,
                                List.of("marker_mentions"),
                                List.of(),
                                List.of(),
                                null,
                                null),
                        t),
                publish(
                        new Section(
                                "VICTIMS_CHANNEL",
                                channels,
                                List.of("victims_by_channel"),
                                List.of("victims_by_channel"),
                                List.of(),
                                null,
                                null),
                        t));
        return new MeasureReport("VICTIMS", described, k, shown(), sections, List.of());
    }

    /**
     * The counter columns in the order {@link #victimCounts} reads them, named from the code lists (V1_11_0):
     * their sums per counter row key tk (a report_funnel row's key, which the age groups and municipalities split).
     */
    private static String sums(List<String> channels, List<String> markers, List<String> reasons) {
        List<String> columns = new ArrayList<>(List.of("victims", "aangifte_made", "declined"));
        HEARINGS.forEach(h -> columns.add("heard_" + h));
        HEARINGS.forEach(h -> columns.add("heard_made_" + h));
        channels.forEach(code -> columns.add("channel_" + code));
        markers.forEach(code -> columns.add("marker_" + code));
        reasons.forEach(code -> columns.add("reason_" + code));
        return columns.stream()
                .map(col -> {
                    if (!col.matches("[A-Za-z_]+")) { // codes come from ref_code; a column name is never a parameter
                        throw new IllegalStateException("Not a counter column: " + col);
                    }
                    return col.toLowerCase();
                })
                .map(col -> "SUM(" + col + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Adds {@code sign} times one group of counter rows (region, age group, row key tk, then the column
     * sums) to region {@code r}.
     */
    private static void victimCounts(
            Tables g,
            Integer r,
            int sign,
            ResultSet rs,
            List<String> channels,
            List<String> markers,
            List<String> reasons)
            throws SQLException {
        if (r == null) {
            return;
        }
        int age = AGE_GROUPS.indexOf(rs.getString(2));
        long tk = rs.getLong(3);
        g.add("victims", r, age, AGE_GROUPS.size(), tk, sign * column(rs, 0));
        g.add("aangifte_made", r, age, AGE_GROUPS.size(), tk, sign * column(rs, 1));
        g.add("declined", r, age, AGE_GROUPS.size(), tk, sign * column(rs, 2));
        int next = 3;
        for (int h = 0; h < HEARINGS.size(); h++) {
            g.add("heard", r, h, HEARINGS.size(), tk, sign * column(rs, next + h));
            g.add("heard_aangifte", r, h, HEARINGS.size(), tk, sign * column(rs, next + HEARINGS.size() + h));
        }
        next += 2 * HEARINGS.size();
        next = addAll(g, "victims_by_channel", r, sign, rs, tk, next, channels.size());
        next = addAll(g, "marker_mentions", r, sign, rs, tk, next, markers.size());
        addAll(g, "reason_mentions", r, sign, rs, tk, next, reasons.size());
    }

    private static int addAll(Tables g, String metric, int r, int sign, ResultSet rs, long tk, int from, int codes)
            throws SQLException {
        for (int i = 0; i < codes; i++) {
            g.add(metric, r, i, codes, tk, sign * column(rs, from + i));
        }
        return from + codes;
    }

    /** Counter column j of a row read with {@link #sums}. */
    private static long column(ResultSet rs, int j) throws SQLException {
        return rs.getLong(4 + j);
    }

    // ---- measure 5 --------------------------------------------------------------------------

    MeasureReport runaways(LocalDate today) throws SQLException {
        censoredAt(today);
        List<String> institutions = RegionDirectory.codes(c, "INSTITUTION_TYPE");
        Tables g = new Tables();
        Map<Integer, List<SurvivalObservation>> toReport = new HashMap<>();
        Map<Integer, List<SurvivalObservation>> toFind = new HashMap<>();
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + cut.regionColumn()
                + ", institution_type, missing_since, reported_on, found_on, victimised, "
                + "episode_id FROM report_runaway_fact" + where(params);
        query(sql, params, rs -> {
            Integer r = region(rs.getString(1));
            if (r == null) {
                return;
            }
            int i = Math.max(0, institutions.indexOf(rs.getString(2)));
            LocalDate missing = date(rs, 3);
            LocalDate reported = date(rs, 4);
            LocalDate found = date(rs, 5);
            long key = CellKeys.of(c, "episode", rs.getLong(7));
            boolean victimised = rs.getBoolean(6);
            g.add("episodes", r, i, institutions.size(), key, 1);
            g.add("reported", r, i, institutions.size(), key, reported == null ? 0 : 1);
            g.add("found", r, i, institutions.size(), key, found == null ? 0 : 1);
            g.add("victimised", r, i, institutions.size(), key, victimised ? 1 : 0);
            toReport.computeIfAbsent(r, x -> new ArrayList<>())
                    .add(Durations.toReport(missing, reported, found, today));
            toFind.computeIfAbsent(r, x -> new ArrayList<>()).add(Durations.until(missing, found, today));
        });
        g.ensure("episodes", institutions.size(), "reported", "found", "victimised");
        Map<String, SuppressedTwoWayTable> t = g.publish();
        RegionalReport counts = publish(
                new Section(
                        "RUNAWAYS",
                        institutions,
                        List.of("episodes", "reported", "found", "victimised"),
                        List.of("episodes"),
                        List.of(new Rate("victimised", "episodes")),
                        new Rate("victimised", "episodes"),
                        null),
                t);
        return new MeasureReport(
                "RUNAWAYS",
                described,
                k,
                shown(),
                List.of(counts),
                List.of(
                        survival("MISSING_TO_REPORTED", t.get("episodes"), t.get("reported"), toReport),
                        survival("MISSING_TO_FOUND", t.get("episodes"), t.get("found"), toFind)));
    }

    // ---- measure 6 --------------------------------------------------------------------------

    MeasureReport care(LocalDate today) throws SQLException {
        censoredAt(today);
        List<String> types = RegionDirectory.codes(c, "CARE_TYPE");
        Tables g = new Tables();
        Map<Integer, List<SurvivalObservation>> waiting = new HashMap<>();
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + cut.regionColumn()
                + ", care_type, referred_on, started_on, referral_id FROM report_care_fact" + where(params);
        query(sql, params, rs -> {
            Integer r = region(rs.getString(1));
            if (r == null) {
                return;
            }
            int i = Math.max(0, types.indexOf(rs.getString(2)));
            LocalDate started = date(rs, 4);
            long key = CellKeys.of(c, "referral", rs.getLong(5));
            g.add("referrals", r, i, types.size(), key, 1);
            g.add("started", r, i, types.size(), key, started == null ? 0 : 1);
            waiting.computeIfAbsent(r, x -> new ArrayList<>()).add(Durations.until(date(rs, 3), started, today));
        });
        g.ensure("referrals", types.size(), "started");
        Map<String, SuppressedTwoWayTable> t = g.publish();
        RegionalReport counts = publish(
                new Section(
                        "CARE",
                        types,
                        List.of("referrals", "started"),
                        List.of("referrals"),
                        List.of(new Rate("started", "referrals")),
                        null,
                        null),
                t);
        return new MeasureReport(
                "CARE",
                described,
                k,
                shown(),
                List.of(counts),
                List.of(survival("REFERRAL_TO_START", t.get("referrals"), t.get("started"), waiting)));
    }

    // ---- shared -----------------------------------------------------------------------------

    /** The reference date (from the injected clock) at which open episodes and waits are censored, shown with the cut. */
    private void censoredAt(LocalDate today) {
        described = new LinkedHashMap<>(described);
        described.put("referenceDate", today.toString());
    }

    /** Kaplan–Meier rows whose people and events are the region totals the section publishes. */
    private ThroughputReport.View survival(
            String name,
            SuppressedTwoWayTable people,
            SuppressedTwoWayTable events,
            Map<Integer, List<SurvivalObservation>> byRegion) {
        List<ThroughputReport.Row> rows = new ArrayList<>();
        List<SurvivalObservation> all = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            List<SurvivalObservation> obs = byRegion.getOrDefault(r, List.of());
            all.addAll(obs);
            if (visible.contains(regions.get(r).code())) {
                rows.add(ThroughputReport.row(regions.get(r).code(), people.rowTotal(r), events.rowTotal(r), obs, k));
            }
        }
        return new ThroughputReport.View(
                name,
                described,
                k,
                shown(),
                rows,
                ThroughputReport.row("NL", people.grandTotal(), events.grandTotal(), all, k));
    }

    private RegionalReport publish(Section section, Map<String, SuppressedTwoWayTable> tables) {
        return new RegionalReportBuilder(section, regions, visible, k).publish(described, tables);
    }

    private List<RegionRef> shown() {
        return regions.stream().filter(r -> visible.contains(r.code())).toList();
    }

    /** A row's region index; at municipality level every municipality outside the unit is REST. */
    private Integer region(String code) {
        Integer r = index.get(code);
        return r == null ? rest : r;
    }

    private String where(List<Object> params) {
        StringBuilder where = cut.base().where(params);
        if (cut.ageGroup() != null) {
            where.append(" AND age_group = ?");
            params.add(cut.ageGroup().name());
        }
        return where.toString();
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** One regions × categories grid per metric. */
    /** A measure's tables, one per metric, gathered by base row (see {@link KeyedTable}). */
    private final class Tables {
        private final Map<String, KeyedTable> tables = new LinkedHashMap<>();

        void add(String metric, int region, int category, int categories, long rowKey, long n) {
            tables.computeIfAbsent(metric, m -> new KeyedTable(regions.size(), categories))
                    .add(region, category, rowKey, n);
        }

        void ensure(String metric, int categories, String... more) {
            tables.computeIfAbsent(metric, m -> new KeyedTable(regions.size(), categories));
            for (String m : more) {
                tables.computeIfAbsent(m, x -> new KeyedTable(regions.size(), categories));
            }
        }

        /** Every table, each count perturbed by the key of its records. */
        Map<String, SuppressedTwoWayTable> publish() {
            Map<String, SuppressedTwoWayTable> published = new HashMap<>();
            tables.forEach((metric, table) -> published.put(metric, table.publish()));
            return published;
        }
    }

    /** Durations in days for the Kaplan–Meier measures; those without the event are censored. */
    static final class Durations {

        private Durations() {}

        /** From start to the event, or censored at the reference date when it has not happened yet. */
        static SurvivalObservation until(LocalDate start, LocalDate event, LocalDate today) {
            return event != null
                    ? SurvivalObservation.event(days(start, event))
                    : SurvivalObservation.censored(days(start, today));
        }

        /** Reported missing; a child found before anyone reported them can no longer be: censored when found. */
        static SurvivalObservation toReport(LocalDate missing, LocalDate reported, LocalDate found, LocalDate today) {
            return reported != null
                    ? SurvivalObservation.event(days(missing, reported))
                    : SurvivalObservation.censored(days(missing, found != null ? found : today));
        }

        /** A date recorded before the start (a data-entry inconsistency) counts as day 0. */
        private static long days(LocalDate from, LocalDate to) {
            return Math.max(0, ChronoUnit.DAYS.between(from, to));
        }
    }
}
