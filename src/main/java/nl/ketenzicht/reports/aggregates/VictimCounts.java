package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Keeps report_victim_count (measure 4) equal to report_victim_fact: a victim's two rows (regional
 * and municipal) move from the stored fact to the new one in one multi-row upsert that adds to the
 * counters, so concurrent writers to the same cell never lose an update. The stored fact is read with
 * a lock on its row, which exists: a victim without a fact gets a placeholder first (as in
 * {@link AggregateMaintenance}), so no locking read lands in a gap where concurrent creations insert.
 */
final class VictimCounts {

    static final String FACT_COLUMNS =
            "municipality, police_unit, court_district, prosecution_office, year, quarter, origin, "
                    + "team_type, forms, age_group, aangifte_made, declined, hearing, channel, reasons, vulnerabilities";
    private static final String KEY =
            "municipality, police_unit, court_district, prosecution_office, year, quarter, origin, "
                    + "team_type, forms, age_group";
    /** The part of {@link #KEY} that names a report_funnel row: its cell key is the row's key. */
    private static final String FUNNEL_DIMS =
            "police_unit, court_district, prosecution_office, year, quarter, origin, team_type, forms";
    /** The codes with a column (V1_11_0), as in the code lists of V1_1_1. */
    private static final List<String> HEARINGS = List.of("NONE", "BEFORE", "DURING", "BEFORE_AND_DURING");

    private static final List<String> CHANNELS = List.of(
            "SNAPCHAT",
            "INSTAGRAM",
            "TIKTOK",
            "DATING_APP",
            "PRO_ANA",
            "GAMING",
            "ESCORT_SITE",
            "MESSAGING",
            "PEER",
            "FAMILY",
            "INSTITUTION",
            "OTHER");
    private static final List<String> MARKERS = List.of(
            "LVB",
            "GGZ",
            "EATING_DISORDER",
            "RESIDENTIAL_YOUTH_CARE",
            "EARLIER_RUNAWAY",
            "ADDICTION",
            "HOMELESS",
            "DEBTS",
            "UNDOCUMENTED",
            "EARLIER_VICTIM");
    private static final List<String> REASONS = List.of(
            "FEAR_SUSPECT",
            "LOYALTY",
            "SHAME",
            "NO_TRUST",
            "NOT_A_VICTIM",
            "TRAUMA",
            "FAMILY_PRESSURE",
            "CONSEQUENCES",
            "OTHER");
    private static final int HEARD = 3;
    private static final int HEARD_MADE = HEARD + HEARINGS.size();
    private static final int CHANNEL = HEARD_MADE + HEARINGS.size();
    private static final int MARKER = CHANNEL + CHANNELS.size() + 1;
    private static final int REASON = MARKER + MARKERS.size() + 1;
    static final List<String> COUNTS = counts();
    /**
     * A written row: the cut cell ({@link #KEY}), the counts and the row's cell key tk: the key of the
     * report_funnel row of the same cases ({@link CellKeys}), so that measure 4 and measure 2 publish
     * their victims as one cell.
     */
    private static final String ROW = "(" + "?, ".repeat(10 + COUNTS.size()) + "?)";

    private static final String UPSERT =
            "INSERT INTO report_victim_count (" + KEY + ", " + String.join(", ", COUNTS) + ", tk) VALUES ";
    private static final String ADD = " ON DUPLICATE KEY UPDATE "
            + COUNTS.stream()
                    .map(col -> col + " = " + col + " + VALUES(" + col + ")")
                    .collect(Collectors.joining(", "));
    private static final String PLACEHOLDER = "INSERT IGNORE INTO report_victim_fact (party_id, case_id, "
            + FACT_COLUMNS + ") VALUES (?, ?, '', '', '', '', 0, 0, '', '', '', '', FALSE, FALSE, '', '', '', '')";
    private static final String SECRET = "(SELECT secret FROM report_key WHERE id = 1)";
    private static final Comparator<List<Object>> LOCK_ORDER = Comparator.comparing(List::toString);

    private VictimCounts() {}

    private static List<String> counts() {
        List<String> columns = new ArrayList<>(List.of("victims", "aangifte_made", "declined"));
        HEARINGS.forEach(h -> columns.add("heard_" + h.toLowerCase()));
        HEARINGS.forEach(h -> columns.add("heard_made_" + h.toLowerCase()));
        CHANNELS.forEach(c -> columns.add("channel_" + c.toLowerCase()));
        columns.add("channel_unknown");
        MARKERS.forEach(m -> columns.add("marker_" + m.toLowerCase()));
        columns.add("marker_none");
        REASONS.forEach(r -> columns.add("reason_" + r.toLowerCase()));
        return List.copyOf(columns);
    }

    /**
     * The set-based count of one year's facts into the municipal counters, for {@link AggregateRebuild}.
     * Same columns, in SQL, as {@link Fact#counts()} in Java. A year at a time: all municipal groups at
     * once (409,896 at a million cases) outgrew the in-memory temporary table and went to disk; the groups
     * of one year stay in memory, read through the facts' (year, quarter) index.
     */
    static String rebuildMunicipal(int year) {
        List<String> sums = new ArrayList<>(List.of("COUNT(*)", "SUM(aangifte_made)", "SUM(declined)"));
        HEARINGS.forEach(h -> sums.add("SUM(hearing = '" + h + "')"));
        HEARINGS.forEach(h -> sums.add("SUM(hearing = '" + h + "' AND aangifte_made)"));
        CHANNELS.forEach(c -> sums.add("SUM(channel = '" + c + "')"));
        sums.add("SUM(channel NOT IN ('" + String.join("', '", CHANNELS) + "'))");
        MARKERS.forEach(m -> sums.add("SUM(FIND_IN_SET('" + m + "', vulnerabilities) > 0)"));
        sums.add("SUM(vulnerabilities = '')");
        REASONS.forEach(r -> sums.add("SUM(FIND_IN_SET('" + r + "', reasons) > 0)"));
        return "INSERT INTO report_victim_count (" + KEY + ", " + String.join(", ", COUNTS) + ", tk) SELECT " + KEY
                + ", "
                + String.join(", ", sums) + ", " + CellKeys.sql(SECRET, FUNNEL_DIMS.split(", "))
                + " FROM report_victim_fact WHERE year = " + year + " GROUP BY " + KEY;
    }

    /**
     * The regional counters (municipality '') as sums of the municipal ones just written: every victim
     * counts once in its municipality's row, so a region's row is the sum over its municipalities, and
     * each column is a plain count, never a distinct one. 409,896 narrow integer rows instead of a
     * second pass over a million facts and their string tests.
     */
    static String rebuildRegional() {
        String dims = KEY.replace("municipality, ", "");
        return "INSERT INTO report_victim_count (" + KEY + ", " + String.join(", ", COUNTS) + ", tk) SELECT '', " + dims
                + ", "
                + COUNTS.stream().map(col -> "SUM(" + col + ")").collect(Collectors.joining(", ")) + ", "
                + CellKeys.sql(SECRET, FUNNEL_DIMS.split(", "))
                + " FROM report_victim_count WHERE municipality <> '' GROUP BY " + dims;
    }

    /** The years with victim facts (placeholders, year 0, left out); MIN and MAX come from the (year, quarter) index. */
    static final String YEARS = "SELECT MIN(year), MAX(year) FROM report_victim_fact WHERE year <> 0";

    /** A victim's fact as measure 4 counts it: the cut's dimensions (in {@link #KEY} order) and the figures. */
    record Fact(
            List<Object> dims,
            boolean made,
            boolean declined,
            String hearing,
            String channel,
            String reasons,
            String vulnerabilities) {

        /** What the victim adds to each counter column; codes without a column are not counted, as the report ignores them. */
        long[] counts() {
            long[] n = new long[COUNTS.size()];
            n[0] = 1;
            n[1] = made ? 1 : 0;
            n[2] = declined ? 1 : 0;
            int h = HEARINGS.indexOf(hearing);
            if (h >= 0) {
                n[HEARD + h] = 1;
                n[HEARD_MADE + h] = n[1];
            }
            int c = CHANNELS.indexOf(channel);
            n[CHANNEL + (c >= 0 ? c : CHANNELS.size())] = 1;
            if (vulnerabilities.isEmpty()) {
                n[MARKER + MARKERS.size()] = 1;
            }
            mark(n, MARKER, MARKERS, vulnerabilities);
            mark(n, REASON, REASONS, reasons);
            return n;
        }

        /** Its regional row (municipality '') and its municipality's row. */
        Map<List<Object>, long[]> cells() {
            Map<List<Object>, long[]> cells = new TreeMap<>(LOCK_ORDER);
            List<Object> regional = new ArrayList<>(dims);
            regional.set(0, "");
            cells.put(regional, counts());
            cells.put(dims, counts());
            return cells;
        }

        private static void mark(long[] n, int from, List<String> codes, String set) {
            for (String code : set.isEmpty() ? new String[0] : set.split(",")) {
                int i = codes.indexOf(code);
                if (i >= 0) {
                    n[from + i] = 1;
                }
            }
        }
    }

    /**
     * The fact last counted for the victim, its row locked; empty when it has none, which then has a
     * placeholder row (locked as well) for the caller's upsert to fill. The existence check is a plain
     * read: a fact row once written is only deleted with its case (purge).
     */
    static Optional<Fact> lockStored(Connection c, long partyId, long caseId) throws SQLException {
        if (!exists(c, partyId)) {
            try (PreparedStatement s = c.prepareStatement(PLACEHOLDER)) {
                s.setLong(1, partyId);
                s.setLong(2, caseId);
                if (s.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
        }
        return locked(c, partyId);
    }

    /** Removes the facts of parties whose base rows are gone (a purge) and their counts. */
    static void forget(Connection c, List<Long> partyIds) throws SQLException {
        for (long partyId : partyIds) {
            if (!exists(c, partyId)) {
                continue; // not a victim: no locking read of a missing row
            }
            move(c, locked(c, partyId), Optional.empty());
            try (PreparedStatement s = c.prepareStatement("DELETE FROM report_victim_fact WHERE party_id = ?")) {
                s.setLong(1, partyId);
                s.executeUpdate();
            }
        }
    }

    /** Moves the counters from one fact to another; cells that both count are left alone. */
    static void move(Connection c, Optional<Fact> before, Optional<Fact> after) throws SQLException {
        Map<List<Object>, long[]> deltas = new TreeMap<>(LOCK_ORDER); // one lock order for all writers
        before.ifPresent(b -> b.cells().forEach((k, n) -> deltas.merge(k, negate(n), VictimCounts::plus)));
        after.ifPresent(a -> a.cells().forEach((k, n) -> deltas.merge(k, n, VictimCounts::plus)));
        deltas.values().removeIf(d -> Arrays.stream(d).allMatch(n -> n == 0));
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement s =
                c.prepareStatement(UPSERT + String.join(", ", Collections.nCopies(deltas.size(), ROW)) + ADD)) {
            int next = 1;
            for (var e : deltas.entrySet()) {
                for (Object value : e.getKey()) {
                    s.setObject(next++, value);
                }
                for (long n : e.getValue()) {
                    s.setLong(next++, n);
                }
                s.setLong(next++, CellKeys.of(c, e.getKey().subList(1, 9).toArray()));
            }
            s.executeUpdate();
        }
    }

    /** The party's fact, its row locked; empty for a placeholder (year 0). */
    private static Optional<Fact> locked(Connection c, long partyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + FACT_COLUMNS + " FROM report_victim_fact WHERE party_id = ? FOR UPDATE")) {
            s.setLong(1, partyId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(5) != 0 ? Optional.of(fact(rs)) : Optional.empty();
            }
        }
    }

    /** A fact read in the order of {@link #FACT_COLUMNS}. */
    private static Fact fact(ResultSet rs) throws SQLException {
        List<Object> dims = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            dims.add(i == 5 || i == 6 ? (Object) rs.getInt(i) : rs.getString(i));
        }
        return new Fact(
                dims,
                rs.getBoolean(11),
                rs.getBoolean(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16));
    }

    private static boolean exists(Connection c, long partyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM report_victim_fact WHERE party_id = ?")) {
            s.setLong(1, partyId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long[] negate(long[] n) {
        return Arrays.stream(n).map(x -> -x).toArray();
    }

    private static long[] plus(long[] a, long[] b) {
        long[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }
}
