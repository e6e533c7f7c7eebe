package nl.ketenzicht.monitor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.reports.aggregates.CellKeys;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.KeyedTable;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;
import nl.ketenzicht.shared.Jdbc;

/**
 * Victim figures that measure 4 does not count: the estimated clients per victim (V1_19_0) and the aangifte
 * rate within each vulnerable group. Read from the victim facts of one opening year, gathered per
 * report_funnel row (whose secret key {@code tk} the victims' counters carry too: {@link CellKeys#FUNNEL_SQL})
 * and published by {@link KeyedTable}, the reports' own method: a victim count here is the same cell, with the
 * same figure, wherever the same victims are counted.
 */
@RequestScoped
public class VictimFactFigures {

    /** Columns of the table, per police unit. */
    static final List<String> COLUMNS = List.of(
            "with_estimate",
            "estimated_clients",
            "LVB",
            "LVB_made",
            "EATING_DISORDER",
            "EATING_DISORDER_made",
            "GGZ",
            "GGZ_made",
            "RESIDENTIAL_YOUTH_CARE",
            "RESIDENTIAL_YOUTH_CARE_made");

    @Inject
    Jdbc jdbc;

    /** Published counts per police unit and nationally ("NL"), by column. */
    record Published(Map<String, Map<String, Long>> byRegion) {
        Long get(String region, String column) {
            Map<String, Long> row = byRegion.get(region);
            return row == null ? Long.valueOf(0) : row.get(column);
        }
    }

    Published read(int year) {
        return jdbc.with("The victim figures could not be read", c -> {
            StringBuilder sums =
                    new StringBuilder("SUM(estimated_clients IS NOT NULL), COALESCE(SUM(estimated_clients), 0)");
            for (String marker : MonitorSections.MARKERS) {
                sums.append(", SUM(FIND_IN_SET('")
                        .append(marker)
                        .append("', vulnerabilities) > 0), SUM(FIND_IN_SET('")
                        .append(marker)
                        .append("', vulnerabilities) > 0 AND aangifte_made)");
            }
            String sql = "SELECT f.police_unit, " + CellKeys.FUNNEL_SQL
                    + ", f.* FROM (SELECT police_unit, court_district, prosecution_office, "
                    + "year, quarter, origin, team_type, forms, " + sums + " FROM report_victim_fact WHERE year = ? "
                    + "GROUP BY police_unit, court_district, prosecution_office, year, quarter, origin, team_type, forms) f "
                    + "CROSS JOIN report_key k WHERE k.id = 1";
            List<String> units = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            List<Object[]> groups = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, year);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long[] counts = new long[COLUMNS.size()];
                        for (int i = 0; i < counts.length; i++) {
                            counts[i] = rs.getLong(11 + i);
                        }
                        String unit = rs.getString(1);
                        index.computeIfAbsent(unit, u -> {
                            units.add(u);
                            return units.size() - 1;
                        });
                        groups.add(new Object[] {unit, rs.getLong(2), counts});
                    }
                }
            }
            KeyedTable table = new KeyedTable(Math.max(1, units.size()), COLUMNS.size());
            for (Object[] g : groups) {
                long[] counts = (long[]) g[2];
                for (int i = 0; i < counts.length; i++) {
                    table.add(index.get((String) g[0]), i, (Long) g[1], counts[i]);
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
            return new Published(byRegion);
        });
    }

    private static Long value(Cell cell) {
        return cell instanceof Cell.Count c ? c.value() : null;
    }
}
