package nl.ketenzicht.monitor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ketenzicht.context.ContextFigures;
import nl.ketenzicht.context.ContextFigures.Capacity;
import nl.ketenzicht.context.ContextFigures.Pilot;
import nl.ketenzicht.reports.aggregates.CellKeys;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.KeyedTable;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;
import nl.ketenzicht.shared.Jdbc;

/**
 * Measure 7, outcomes set against context: what the monitor reads besides the reports. The investigators'
 * FTE (AVIM and zeden) per police unit and year, for suspects at OM inflow per FTE; and the victims with
 * their aangiften made in the groups a comparison sets side by side: municipalities where trafficking is a
 * priority of the local safety plan against those where it is not (in the year the case was opened), a
 * pilot's cases against the other cases of its units while it ran, and its units' cases of the four quarters
 * before its start against those of its first four quarters.
 *
 * <p>Disclosure: the victims of each group are gathered per report_funnel row ({@link CellKeys#FUNNEL_SQL},
 * the key measure 4's victims carry) and published by {@link KeyedTable}, the reports' method, one table per
 * group with the police units as rows. Periods are the quarters the cases were opened in, as in every report.
 */
@RequestScoped
public class ContextOutcomes {

    static final List<String> COLUMNS = List.of("victims", "made");

    @Inject
    Jdbc jdbc;

    /** Investigators' FTE per year by police unit, and nationally ("NL") where every police unit has a value. */
    record Fte(Map<Integer, Map<String, BigDecimal>> byYear) {
        BigDecimal of(int year, String region) {
            return byYear.getOrDefault(year, Map.of()).get(region);
        }
    }

    /** The published groups of the chosen year; {@code pilot} the pilot compared (null when none had started). */
    record Groups(
            VictimFactFigures.Published priority,
            VictimFactFigures.Published notPriority,
            Pilot pilot,
            VictimFactFigures.Published tagged,
            VictimFactFigures.Published untagged,
            VictimFactFigures.Published before,
            VictimFactFigures.Published after) {}

    Fte fte(int fromYear, int toYear) {
        return jdbc.with("The capacity could not be read", c -> {
            List<String> units = codes(c);
            Map<String, Map<Integer, Capacity>> capacity = ContextFigures.capacity(c, fromYear, toYear);
            Map<Integer, Map<String, BigDecimal>> byYear = new HashMap<>();
            for (int year = fromYear; year <= toYear; year++) {
                Map<String, BigDecimal> row = new HashMap<>();
                BigDecimal total = BigDecimal.ZERO;
                for (String unit : units) {
                    Capacity cap = capacity.getOrDefault(unit, Map.of()).get(year);
                    if (cap != null) {
                        row.put(unit, cap.investigators());
                        total = total.add(cap.investigators());
                    }
                }
                // The national figure only where its denominator covers every unit whose suspects it counts.
                if (row.size() == units.size()) {
                    row.put(Figures.NATIONAL, total);
                }
                byYear.put(year, row);
            }
            return new Fte(byYear);
        });
    }

    /**
     * The groups of the comparisons for {@code year}. The pilot: of the pilots a caller sees (a regional
     * coordinator's unit takes part in it) the one that started last, on or before the year's end.
     */
    Groups groups(int year, String scopeUnit) {
        return jdbc.with("The context comparisons could not be read", c -> {
            List<String> units = codes(c);
            String byPriority =
                    "f.year = ? AND EXISTS (SELECT 1 FROM context_priority p WHERE p.municipality_code = f.municipality "
                            + "AND p.year = f.year AND p.priority = ?)";
            VictimFactFigures.Published priority = published(c, units, byPriority, List.of(year, true));
            VictimFactFigures.Published notPriority = published(c, units, byPriority, List.of(year, false));
            LocalDate end = LocalDate.of(year, 12, 31);
            Optional<Pilot> chosen = ContextFigures.pilots(c).stream()
                    .filter(p -> !p.startsOn().isAfter(end) && !p.policeUnits().isEmpty())
                    .filter(p -> scopeUnit == null || p.policeUnits().contains(scopeUnit))
                    .reduce((a, b) -> b); // oldest start first: the last one started last
            if (chosen.isEmpty()) {
                return new Groups(priority, notPriority, null, null, null, null, null);
            }
            Pilot pilot = chosen.get();
            int start = quarter(pilot.startsOn());
            int last = pilot.endsOn() == null ? Integer.MAX_VALUE : quarter(pilot.endsOn());
            String inUnits = "f.police_unit IN ("
                    + String.join(
                            ", ", pilot.policeUnits().stream().map(u -> "?").toList()) + ")";
            String quarters = " AND f.year * 4 + f.quarter - 1 BETWEEN ? AND ?";
            String tag = " AND EXISTS (SELECT 1 FROM case_pilot t WHERE t.case_id = f.case_id AND t.pilot_id = ?)";
            int from = Math.max(start, year * 4);
            int to = Math.min(last, year * 4 + 3);
            List<Object> running = params(pilot, from, to);
            VictimFactFigures.Published tagged =
                    published(c, units, inUnits + quarters + tag, with(running, pilot.id()));
            VictimFactFigures.Published untagged = published(
                    c,
                    units,
                    inUnits + quarters + tag.replace("AND EXISTS", "AND NOT EXISTS"),
                    with(running, pilot.id()));
            VictimFactFigures.Published before =
                    published(c, units, inUnits + quarters, params(pilot, start - 4, start - 1));
            VictimFactFigures.Published after =
                    published(c, units, inUnits + quarters, params(pilot, start, Math.min(last, start + 3)));
            return new Groups(priority, notPriority, pilot, tagged, untagged, before, after);
        });
    }

    /** Quarter index year × 4 + quarter − 1, as the reports number their periods. */
    static int quarter(LocalDate day) {
        return day.getYear() * 4 + (day.getMonthValue() - 1) / 3;
    }

    private static List<Object> params(Pilot pilot, int from, int to) {
        List<Object> p = new ArrayList<>(pilot.policeUnits());
        p.add(from);
        p.add(to);
        return p;
    }

    private static List<Object> with(List<Object> params, Object more) {
        List<Object> p = new ArrayList<>(params);
        p.add(more);
        return p;
    }

    /** Victims and aangiften made of the victim facts that {@code where} selects, per police unit and nationally. */
    private static VictimFactFigures.Published published(
            Connection c, List<String> units, String where, List<Object> params) throws SQLException {
        String sql = "SELECT f.police_unit, " + CellKeys.FUNNEL_SQL
                + ", f.v, f.m FROM (SELECT f.police_unit, f.court_district, "
                + "f.prosecution_office, f.year, f.quarter, f.origin, f.team_type, f.forms, COUNT(*) AS v, SUM(f.aangifte_made) AS m "
                + "FROM report_victim_fact f WHERE " + where
                + " GROUP BY f.police_unit, f.court_district, f.prosecution_office, f.year, "
                + "f.quarter, f.origin, f.team_type, f.forms) f CROSS JOIN report_key k WHERE k.id = 1";
        KeyedTable table = new KeyedTable(units.size(), COLUMNS.size());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int row = units.indexOf(rs.getString(1));
                    table.add(row, 0, rs.getLong(2), rs.getLong(3));
                    table.add(row, 1, rs.getLong(2), rs.getLong(4));
                }
            }
        }
        SuppressedTwoWayTable t = table.publish();
        Map<String, Map<String, Long>> byRegion = new HashMap<>();
        for (int r = 0; r < units.size(); r++) {
            Map<String, Long> row = new HashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row.put(COLUMNS.get(i), value(t.cell(r, i)));
            }
            byRegion.put(units.get(r), row);
        }
        Map<String, Long> national = new HashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            national.put(COLUMNS.get(i), value(t.columnTotal(i)));
        }
        byRegion.put(Figures.NATIONAL, national);
        return new VictimFactFigures.Published(byRegion);
    }

    private static Long value(Cell cell) {
        return cell instanceof Cell.Count n ? n.value() : null;
    }

    private static List<String> codes(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM ref_police_unit ORDER BY code")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
