package nl.ketenzicht.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.ketenzicht.reports.aggregates.Counters;
import nl.ketenzicht.reports.stats.CellKeyPerturbation.Key;

/**
 * Reads the maintained counters: one small GROUP BY over report_funnel and its unfolded deltas, never
 * the base tables.
 * Column names come only from {@link Measure} and {@link ReportRequest.Level}, never from the request.
 */
public final class FunnelCounts {

    private FunnelCounts() {}

    /** A cell's true counts, one per metric, and their keys in the same order. */
    public record Counted(long[] counts, Key[] keys) {}

    /**
     * Counts per region and category, each with the metrics' counts and keys in the order of
     * {@code measure.metrics()}: the same cases give the same key however the cell is reached (see
     * {@link nl.ketenzicht.reports.aggregates.CellKeys}).
     */
    public static Map<String, Map<String, Counted>> read(Connection c, Measure measure, ReportRequest r)
            throws SQLException {
        List<Object> filter = new ArrayList<>();
        StringBuilder where = r.where(filter);
        Map<String, Map<String, Counted>> counts = new HashMap<>();
        read(
                c,
                r.level().column + ", " + measure.category(),
                measure.metrics(),
                where,
                filter,
                (rs, counted) -> counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), counted));
        return counts;
    }

    /** What is done with each group's row: the group's two columns are still on the result set. */
    public interface GroupReader {
        void accept(ResultSet rs, Counted counted) throws SQLException;
    }

    /**
     * Counts the metrics per group of two columns (a function of the counter's dimensions) over report_funnel
     * and its unfolded deltas filtered by {@code where}. A count's key needs each counter row's net records
     * (see {@link Key}): where deltas are pending, an inner GROUP BY nets them per row first; where none are,
     * report_funnel holds one row per counter row and is read alone, which is most of the time (a fold every
     * second) and three times cheaper. Both statements read the snapshot of the caller's transaction.
     */
    public static void read(
            Connection c,
            String groups,
            List<String> metrics,
            CharSequence where,
            List<Object> filter,
            GroupReader reader)
            throws SQLException {
        boolean pending = pending(c, where, filter);
        String source = pending
                ? "(SELECT " + groups + ", MAX(tk) AS tk, MAX(ta) AS ta, "
                        + metrics.stream().map(m -> "SUM(" + m + ") AS " + m).collect(Collectors.joining(", "))
                        + " FROM " + Counters.current(Counters.DIMS + ", tk, ta, " + String.join(", ", metrics), where)
                        + " f GROUP BY " + Counters.DIMS + ") g"
                : "report_funnel" + where;
        // The sums run in double precision and are cast back: MariaDB adds integers as DECIMAL, which cost a
        // third of the statement. Exact: every addend is a whole number and every partial sum stays below 2^53
        // (a count, or at most 2^21 rows of key terms below 2^32 each: only the key's sum mod 2^32 is used,
        // so each row's m × tk is reduced mod 2^32 first).
        String sql = "SELECT " + groups + ", "
                + metrics.stream()
                        .map(m -> "CAST(SUM(" + m + " + 0e0) AS SIGNED)")
                        .collect(Collectors.joining(", ")) + ", "
                + metrics.stream()
                        .map(m -> "CAST(SUM(((" + m + " * tk) & 4294967295) + 0e0) AS SIGNED)")
                        .collect(Collectors.joining(", "))
                + ", "
                + metrics.stream().map(m -> "MIN(ta / NULLIF(" + m + ", 0))").collect(Collectors.joining(", "))
                + " FROM " + source + " GROUP BY " + groups;
        List<Object> params = pending ? Counters.bindTwice(filter) : filter;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                int n = metrics.size();
                while (rs.next()) {
                    long[] counts = new long[n];
                    Key[] keys = new Key[n];
                    for (int i = 0; i < n; i++) {
                        counts[i] = rs.getLong(3 + i);
                        double earliest = rs.getDouble(3 + 2 * n + i);
                        if (rs.wasNull()) { // no row with records (or only rows netted to 0)
                            earliest = Double.POSITIVE_INFINITY;
                        }
                        keys[i] = new Key(rs.getLong(3 + n + i) & 0xFFFF_FFFFL, earliest);
                    }
                    reader.accept(rs, new Counted(counts, keys));
                }
            }
        }
    }

    /** Whether deltas not folded yet fall in the cut. */
    private static boolean pending(Connection c, CharSequence where, List<Object> filter) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT EXISTS (SELECT 1 FROM report_funnel_delta" + where + ")")) {
            for (int i = 0; i < filter.size(); i++) {
                s.setObject(i + 1, filter.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
