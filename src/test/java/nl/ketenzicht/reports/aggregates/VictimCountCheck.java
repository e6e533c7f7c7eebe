package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Measure 4's maintained counters against an independent count: a GROUP BY over report_victim_fact
 * whose multi-valued columns are split here, in plain Java, and against the set-based rebuild.
 */
public final class VictimCountCheck {

    private static final String DIMS = "year, quarter, police_unit, court_district, prosecution_office, municipality, origin, "
            + "team_type, forms, age_group";

    private VictimCountCheck() {
    }

    /**
     * Every non-zero counter cell equals the facts' count, and no fact cell lacks its counter; returns
     * the number of cells. Run inside the caller's transaction, which it leaves rolled back.
     */
    public static int assertCountersEqualFacts(Connection c) throws SQLException {
        Map<String, String> counters = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + DIMS + ", breakdown, code, victims, "
                + "aangifte_made, declined FROM report_victim_count WHERE victims <> 0 OR aangifte_made <> 0 OR declined <> 0")) {
            while (rs.next()) {
                counters.put(key(rs, 12), rs.getLong(13) + "/" + rs.getLong(14) + "/" + rs.getLong(15));
            }
        }
        Map<String, long[]> facts = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + DIMS + ", hearing, channel, vulnerabilities, "
                + "reasons, COUNT(*), SUM(aangifte_made), SUM(declined) FROM report_victim_fact WHERE year <> 0 GROUP BY " + DIMS
                + ", hearing, channel, vulnerabilities, reasons")) {
            while (rs.next()) {
                String dims = key(rs, 10);
                long[] n = {rs.getLong(15), rs.getLong(16), rs.getLong(17)};
                add(facts, dims + "HEARING|" + rs.getString(11) + "|", n);
                add(facts, dims + "CHANNEL|" + rs.getString(12) + "|", n);
                for (String marker : rs.getString(13).isEmpty() ? new String[]{"NONE"} : rs.getString(13).split(",")) {
                    add(facts, dims + "MARKER|" + marker + "|", n);
                }
                for (String reason : rs.getString(14).isEmpty() ? new String[0] : rs.getString(14).split(",")) {
                    add(facts, dims + "REASON|" + reason + "|", n);
                }
            }
        }
        Map<String, String> expected = new TreeMap<>();
        facts.forEach((k, n) -> expected.put(k, n[0] + "/" + n[1] + "/" + n[2]));
        assertEquals(expected, counters, "measure-4 counters (victims/aangifte made/declined) equal a count of the victim facts");
        List<String> maintained = rows(c);
        AggregateRebuild.run(c);
        assertEquals(rows(c), maintained, "measure-4 counters equal a rebuild from the victim facts");
        c.rollback();
        return counters.size();
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM report_victim_count "
                + "WHERE victims <> 0 ORDER BY " + DIMS + ", breakdown, code")) {
            while (rs.next()) {
                out.add(key(rs, 15));
            }
        }
        return out;
    }

    private static String key(ResultSet rs, int columns) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            b.append(rs.getString(i)).append('|');
        }
        return b.toString();
    }

    private static void add(Map<String, long[]> cells, String key, long[] n) {
        long[] sum = cells.computeIfAbsent(key, k -> new long[3]);
        for (int i = 0; i < 3; i++) {
            sum[i] += n[i];
        }
    }
}
