package nl.ketenzicht.reports.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measure 4's maintained counters against an independent count: a GROUP BY over report_victim_fact
 * turned into counter cells here, in plain Java, with the codes of the report's code lists; and
 * against the set-based rebuild.
 */
public final class VictimCountCheck {

    private static final String DIMS =
            "year, quarter, police_unit, court_district, prosecution_office, origin, team_type, forms, age_group";
    private static final List<String> HEARINGS = List.of("NONE", "BEFORE", "DURING", "BEFORE_AND_DURING");

    private VictimCountCheck() {}

    /**
     * Every non-zero counter (row and column) equals the facts' count, and no fact lacks its counter;
     * returns the number of counters compared. Runs in the caller's transaction, which it leaves rolled back.
     */
    public static int assertCountersEqualFacts(Connection c) throws SQLException {
        Map<String, Long> counters = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM report_victim_count")) {
            while (rs.next()) {
                for (int col = 11; col <= rs.getMetaData().getColumnCount(); col++) {
                    // tk is the row's cell key, not a count; the rebuild check below compares it
                    if (rs.getLong(col) != 0
                            && !rs.getMetaData().getColumnLabel(col).equalsIgnoreCase("tk")) {
                        counters.put(
                                key(rs, 10)
                                        + rs.getMetaData().getColumnLabel(col).toLowerCase(),
                                rs.getLong(col));
                    }
                }
            }
        }
        List<String> channels = codes(c, "RECRUITMENT_CHANNEL");
        List<String> markers = codes(c, "VULNERABILITY");
        List<String> reasons = codes(c, "NON_REPORTING_REASON");
        Map<String, Long> facts = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT municipality, " + DIMS + ", aangifte_made, "
                        + "declined, hearing, channel, vulnerabilities, reasons, COUNT(*) FROM report_victim_fact WHERE year <> 0 GROUP BY "
                        + "municipality, " + DIMS
                        + ", aangifte_made, declined, hearing, channel, vulnerabilities, reasons")) {
            while (rs.next()) {
                String municipal = key(rs, 10);
                for (String row : List.of(municipal, "|" + municipal.substring(municipal.indexOf('|') + 1))) {
                    List<String> columns = new ArrayList<>(List.of("victims"));
                    boolean made = rs.getBoolean(11);
                    if (made) {
                        columns.add("aangifte_made");
                    }
                    if (rs.getBoolean(12)) {
                        columns.add("declined");
                    }
                    if (HEARINGS.contains(rs.getString(13))) {
                        columns.add("heard_" + rs.getString(13));
                        if (made) {
                            columns.add("heard_made_" + rs.getString(13));
                        }
                    }
                    columns.add("channel_" + (channels.contains(rs.getString(14)) ? rs.getString(14) : "UNKNOWN"));
                    if (rs.getString(15).isEmpty()) {
                        columns.add("marker_NONE");
                    }
                    split(rs.getString(15)).stream().filter(markers::contains).forEach(m -> columns.add("marker_" + m));
                    split(rs.getString(16)).stream().filter(reasons::contains).forEach(r -> columns.add("reason_" + r));
                    for (String column : columns) {
                        facts.merge(row + column.toLowerCase(), rs.getLong(17), Long::sum);
                    }
                }
            }
        }
        assertEquals(facts, counters, "measure-4 counters (cut cell | column) equal a count of the victim facts");
        List<String> maintained = rows(c);
        AggregateRebuild.run(c);
        assertEquals(rows(c), maintained, "measure-4 counters equal a rebuild from the victim facts");
        c.rollback();
        return counters.size();
    }

    private static List<String> split(String set) {
        return set.isEmpty() ? List.of() : List.of(set.split(","));
    }

    private static List<String> codes(Connection c, String list) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM ref_code WHERE list = '" + list + "'")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT * FROM report_victim_count " + "WHERE victims <> 0 ORDER BY municipality, " + DIMS)) {
            while (rs.next()) {
                out.add(key(rs, rs.getMetaData().getColumnCount()));
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
}
