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

/**
 * Keeps report_victim_count (measure 4) equal to report_victim_fact: a victim's cells move from the
 * stored fact to the new one in one multi-row upsert that adds to the counters, so concurrent
 * writers to the same cell never lose an update. The stored fact is read with a lock on its row,
 * which exists: a victim without a fact gets a placeholder first (as in {@link AggregateMaintenance}),
 * so no locking read lands in a gap where concurrent victim creations insert.
 */
final class VictimCounts {

    static final String FACT_COLUMNS = "municipality, police_unit, court_district, prosecution_office, year, quarter, origin, "
            + "team_type, forms, age_group, aangifte_made, declined, hearing, channel, reasons, vulnerabilities";
    private static final String KEY = "municipality, police_unit, court_district, prosecution_office, year, quarter, origin, "
            + "team_type, forms, age_group, breakdown, code";
    private static final String ROW = "(" + "?, ".repeat(14) + "?)";
    private static final String UPSERT = "INSERT INTO report_victim_count (" + KEY + ", victims, aangifte_made, declined) VALUES ";
    private static final String ADD = " ON DUPLICATE KEY UPDATE victims = victims + VALUES(victims), "
            + "aangifte_made = aangifte_made + VALUES(aangifte_made), declined = declined + VALUES(declined)";
    private static final String PLACEHOLDER = "INSERT IGNORE INTO report_victim_fact (party_id, case_id, " + FACT_COLUMNS
            + ") VALUES (?, ?, '', '', '', '', 0, 0, '', '', '', '', FALSE, FALSE, '', '', '', '')";
    private static final Comparator<List<Object>> LOCK_ORDER = Comparator.comparing(List::toString);

    private VictimCounts() {
    }

    /** A victim's fact as measure 4 counts it: the cut's dimensions (the key's first ten values) and the figures. */
    record Fact(List<Object> dims, boolean made, boolean declined, String hearing, String channel, String reasons,
                String vulnerabilities) {

        /** The counter cells this victim adds one to, with what it adds: victims, aangifte made, declined. */
        Map<List<Object>, long[]> cells() {
            Map<List<Object>, long[]> cells = new TreeMap<>(LOCK_ORDER);
            long[] one = {1, made ? 1 : 0, declined ? 1 : 0};
            cells.put(key("HEARING", hearing), one);
            cells.put(key("CHANNEL", channel), one);
            for (String marker : vulnerabilities.isEmpty() ? List.of("NONE") : Arrays.asList(vulnerabilities.split(","))) {
                cells.put(key("MARKER", marker), one);
            }
            for (String reason : reasons.isEmpty() ? List.<String>of() : Arrays.asList(reasons.split(","))) {
                cells.put(key("REASON", reason), one);
            }
            return cells;
        }

        private List<Object> key(String breakdown, String code) {
            List<Object> key = new ArrayList<>(dims);
            key.add(breakdown);
            key.add(code);
            return key;
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
        try (PreparedStatement s = c.prepareStatement("SELECT " + FACT_COLUMNS + " FROM report_victim_fact WHERE party_id = ? FOR UPDATE")) {
            s.setLong(1, partyId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(5) != 0 ? Optional.of(fact(rs)) : Optional.empty();
            }
        }
    }

    /** Removes the facts of parties whose base rows are gone (a purge) and their counts. */
    static void forget(Connection c, List<Long> partyIds) throws SQLException {
        for (long partyId : partyIds) {
            if (!exists(c, partyId)) {
                continue; // not a victim: no locking read of a missing row
            }
            Optional<Fact> stored = Optional.empty();
            try (PreparedStatement s = c.prepareStatement("SELECT " + FACT_COLUMNS + " FROM report_victim_fact WHERE party_id = ? FOR UPDATE")) {
                s.setLong(1, partyId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getInt(5) != 0) {
                        stored = Optional.of(fact(rs));
                    }
                }
            }
            move(c, stored, Optional.empty());
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
        try (PreparedStatement s = c.prepareStatement(UPSERT + String.join(", ", Collections.nCopies(deltas.size(), ROW)) + ADD)) {
            int next = 1;
            for (var e : deltas.entrySet()) {
                for (Object value : e.getKey()) {
                    s.setObject(next++, value);
                }
                for (long n : e.getValue()) {
                    s.setLong(next++, n);
                }
            }
            s.executeUpdate();
        }
    }

    /** A fact read in the order of {@link #FACT_COLUMNS}. */
    private static Fact fact(ResultSet rs) throws SQLException {
        List<Object> dims = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            dims.add(i == 5 || i == 6 ? (Object) rs.getInt(i) : rs.getString(i));
        }
        return new Fact(dims, rs.getBoolean(11), rs.getBoolean(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16));
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
