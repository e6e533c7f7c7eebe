package nl.ketenzicht.context;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The current context values for reports (measure 7, the monitor): read on the report's own
 * connection, never logged here (the report logs its own run), and never a history version. Callers
 * check the regional scope themselves; these are inputs, not figures about people, and carry no
 * cell keys.
 */
public final class ContextFigures {

    /** The current tags of cases with pilots, to join on {@code case_id}: {@code (case_id, pilot_id)}. */
    public static final String CASE_PILOT_TABLE = "case_pilot";

    private ContextFigures() {}

    /** FTE of one police unit in one year. */
    public record Capacity(
            String policeUnit,
            int year,
            BigDecimal avim,
            BigDecimal zeden,
            BigDecimal digital,
            BigDecimal psychologists) {

        /** The human-trafficking and vice teams together: the investigators who take up the cases. */
        public BigDecimal investigators() {
            return avim.add(zeden);
        }

        public BigDecimal total() {
            return avim.add(zeden).add(digital).add(psychologists);
        }
    }

    /** A programme or pilot with its units; {@code endsOn} null while it runs open-ended. */
    public record Pilot(long id, String name, LocalDate startsOn, LocalDate endsOn, Set<String> policeUnits) {

        /** Whether the pilot ran on that day. */
        public boolean runsOn(LocalDate day) {
            return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
        }
    }

    /** Capacity per police unit and year, of the years given; a unit or year without a value is absent. */
    public static Map<String, Map<Integer, Capacity>> capacity(Connection c, int fromYear, int toYear)
            throws SQLException {
        Map<String, Map<Integer, Capacity>> out = new LinkedHashMap<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT police_unit, year, fte_avim, fte_zeden, fte_digital, fte_psychologists "
                        + "FROM context_capacity WHERE year BETWEEN ? AND ? ORDER BY police_unit, year")) {
            s.setInt(1, fromYear);
            s.setInt(2, toYear);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Capacity cap = new Capacity(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getBigDecimal(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6));
                    out.computeIfAbsent(cap.policeUnit(), k -> new LinkedHashMap<>())
                            .put(cap.year(), cap);
                }
            }
        }
        return out;
    }

    /**
     * Whether trafficking is a priority in the local safety plan, per year and municipality (CBS
     * code); a municipality without a value for a year is absent (unknown, neither yes nor no).
     */
    public static Map<Integer, Map<String, Boolean>> priorities(Connection c, int fromYear, int toYear)
            throws SQLException {
        Map<Integer, Map<String, Boolean>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT year, municipality_code, priority FROM context_priority " + "WHERE year BETWEEN ? AND ?")) {
            s.setInt(1, fromYear);
            s.setInt(2, toYear);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getInt(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBoolean(3));
                }
            }
        }
        return out;
    }

    /** Every programme and pilot, oldest start first. */
    public static List<Pilot> pilots(Connection c) throws SQLException {
        List<Pilot> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT p.id, p.name, p.starts_on, p.ends_on, "
                        + "(SELECT GROUP_CONCAT(u.police_unit ORDER BY u.police_unit) FROM context_pilot_unit u WHERE u.pilot_id = p.id) "
                        + "FROM context_pilot p ORDER BY p.starts_on, p.id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                java.sql.Date ends = rs.getDate(4);
                out.add(new Pilot(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        ends == null ? null : ends.toLocalDate(),
                        units(rs.getString(5))));
            }
        }
        return out;
    }

    /** The number of cases currently tagged with each pilot. */
    public static Map<Long, Long> taggedCases(Connection c) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT pilot_id, COUNT(*) FROM case_pilot GROUP BY pilot_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    static Set<String> units(String list) {
        return list == null || list.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(list.split(",")));
    }
}
