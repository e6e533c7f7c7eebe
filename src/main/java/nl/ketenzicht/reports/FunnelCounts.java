package nl.ketenzicht.reports;

import nl.ketenzicht.reports.aggregates.CellKeys;
import nl.ketenzicht.reports.aggregates.Counters;
import nl.ketenzicht.reports.stats.CellKeyPerturbation.Key;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the maintained counters: one small GROUP BY over report_funnel and its unfolded deltas, never
 * the base tables.
 * Column names come only from {@link Measure} and {@link ReportRequest.Level}, never from the request.
 */
public final class FunnelCounts {

    private FunnelCounts() {
    }

    /** A cell's true counts, one per metric, and their keys in the same order. */
    public record Counted(long[] counts, Key[] keys) {
    }

    /**
     * Counts per region and category, each with the metrics' counts and keys in the order of
     * {@code measure.metrics()}: the same cases give the same key however the cell is reached (see
     * {@link nl.ketenzicht.reports.aggregates.CellKeys}).
     */
    public static Map<String, Map<String, Counted>> read(Connection c, Measure measure, ReportRequest r) throws SQLException {
        List<Object> filter = new ArrayList<>();
        StringBuilder where = r.where(filter);
        Map<String, Map<String, Counted>> counts = new HashMap<>();
        read(c, r.level().column + ", " + measure.category(), measure.metrics(), where, filter,
                (rs, counted) -> counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), counted));
        return counts;
    }

    /** What is done with each group's row: the group's two columns are still on the result set. */
    public interface GroupReader {
        void accept(ResultSet rs, Counted counted) throws SQLException;
    }

    /**
     * Counts the metrics per group of two columns (a function of the counter's dimensions) over report_funnel
     * and its unfolded deltas filtered by {@code where}. The inner GROUP BY nets each counter row's deltas
     * (rows are one per tk, the key of their dimensions), so that each row is keyed by its net count.
     */
    public static void read(Connection c, String groups, List<String> metrics, CharSequence where, List<Object> filter,
                            GroupReader reader) throws SQLException {
        String inner = "SELECT " + groups + ", tk, " + metrics.stream().map(m -> "SUM(" + m + ") AS " + m).collect(Collectors.joining(", "))
                + " FROM " + Counters.current(groups + ", tk, " + String.join(", ", metrics), where) + " f GROUP BY " + groups + ", tk";
        String sql = "SELECT " + groups + ", "
                + metrics.stream().map(m -> "SUM(" + m + ")").collect(Collectors.joining(", ")) + ", "
                + metrics.stream().map(m -> "SUM(" + m + " * tk)").collect(Collectors.joining(", ")) + ", "
                + metrics.stream().map(m -> "MIN(CASE WHEN " + m + " > 0 THEN " + CellKeys.ARRIVAL_SQL + " / " + m + " END)")
                .collect(Collectors.joining(", "))
                + " FROM (" + inner + ") g GROUP BY " + groups;
        List<Object> params = Counters.bindTwice(filter);
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
                        if (rs.wasNull()) {
                            earliest = Double.POSITIVE_INFINITY;
                        }
                        keys[i] = new Key(rs.getLong(3 + n + i) & 0xFFFF_FFFFL, earliest);
                    }
                    reader.accept(rs, new Counted(counts, keys));
                }
            }
        }
    }
}
