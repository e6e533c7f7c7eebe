package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads report_funnel as readers see it: the folded counters plus the deltas not folded yet. */
public final class CounterCheck {

    private CounterCheck() {}

    /** One line per counter row with cases, in key order, as {@link #foldedRows} lists them. */
    public static List<String> currentRows(Connection c) throws SQLException {
        String sums =
                CaseContribution.COLUMNS.stream().map(col -> "SUM(" + col + ")").collect(Collectors.joining(", "));
        // The cell key of a row is the same in the counters and in every delta of it: the writers' key.
        return rows(
                c,
                "SELECT " + Counters.DIMS + ", " + sums + ", MAX(tk) FROM "
                        + Counters.current(Counters.COLUMNS + ", tk", "") + " f GROUP BY " + Counters.DIMS
                        + " HAVING SUM(cases) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8");
    }

    /** The folded counters alone, in the columns and order of {@link #currentRows} (after a rebuild: a recount). */
    public static List<String> foldedRows(Connection c) throws SQLException {
        return rows(c, "SELECT " + Counters.COLUMNS + ", tk FROM report_funnel ORDER BY 1, 2, 3, 4, 5, 6, 7, 8");
    }

    public static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
