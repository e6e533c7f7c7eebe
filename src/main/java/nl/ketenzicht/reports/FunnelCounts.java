package nl.ketenzicht.reports;

import nl.ketenzicht.reports.aggregates.Counters;

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

    /**
     * Counts per region and category, each an array in the order of {@code measure.metrics()} followed
     * by the metrics' cell keys in the same order: a cell's key is the sum of count × tk over its rows,
     * so the same cases give the same key however the cell is reached (see {@link nl.ketenzicht.reports.aggregates.CellKeys}).
     */
    public static Map<String, Map<String, long[]>> read(Connection c, Measure measure, ReportRequest r) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = sql(measure, r, params);
        Map<String, Map<String, long[]>> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long[] values = new long[2 * measure.metrics().size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getLong(3 + i);
                    }
                    counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), values);
                }
            }
        }
        return counts;
    }

    static String sql(Measure measure, ReportRequest r, List<Object> params) {
        List<Object> filter = new ArrayList<>();
        StringBuilder where = r.where(filter);
        params.addAll(Counters.bindTwice(filter));
        String columns = r.level().column + ", " + measure.category() + ", " + String.join(", ", measure.metrics()) + ", tk";
        String sums = measure.metrics().stream().map(m -> "SUM(" + m + ")").collect(Collectors.joining(", ")) + ", "
                + measure.metrics().stream().map(m -> "SUM(" + m + " * tk)").collect(Collectors.joining(", "));
        return "SELECT " + r.level().column + ", " + measure.category() + ", " + sums + " FROM "
                + Counters.current(columns, where) + " f GROUP BY " + r.level().column + ", " + measure.category();
    }
}
