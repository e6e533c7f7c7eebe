package nl.ketenzicht.monitor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import nl.ketenzicht.monitor.MonitorViews.CalendarRow;
import nl.ketenzicht.monitor.MonitorViews.CalendarYear;
import nl.ketenzicht.monitor.MonitorViews.Figure;
import nl.ketenzicht.reports.Measure;
import nl.ketenzicht.reports.ReportRequest;
import nl.ketenzicht.reports.ReportService;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import nl.ketenzicht.reports.aggregates.CellKeys;
import nl.ketenzicht.reports.stats.KeyedTable;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.shared.Jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calendar-year figures: suspects' chain events counted in the year they happened, beside the same stages
 * counted by the year their case was opened (measure 1's cut). A year's count by event is fixed once the
 * year is over; a count by opening year still grows while that year's cases go on along the chain.
 *
 * <p>Disclosure: a suspect's record belongs to its case's report_funnel row, whose secret key {@code tk}
 * is computed here in SQL from the row's dimensions ({@link CellKeys#FUNNEL_SQL}); the units × events table
 * is gathered per base row and published by {@link KeyedTable}, the reports' own method.
 */
@RequestScoped
public class CalendarYearFigures {

    /** Events in the order of the table, with the measure-1 counter of the same stage. */
    static final List<String> EVENTS = List.of("s_in_view", "s_om_inflow", "s_summons");

    @Inject
    Jdbc jdbc;
    @Inject
    ReportService reports;

    CalendarYear read(int year, String unit, boolean fixed) {
        RegionalReport byOpening = reports.compute(Measure.DEPENDENCY, ReportRequest.parse(Map.of("year", List.of(Integer.toString(year)))));
        List<String> units = new ArrayList<>();
        SuppressedTwoWayTable byEvent = byEventYear(year, units);
        int unitRow = unit == null ? -1 : units.indexOf(unit);
        List<CalendarRow> rows = new ArrayList<>();
        for (int e = 0; e < EVENTS.size(); e++) {
            String metric = EVENTS.get(e);
            rows.add(new CalendarRow(metric, count(byEvent.columnTotal(e)), Figures.count(Figures.count(byOpening, metric, Figures.NATIONAL, -1)),
                    unit == null ? null : unitRow < 0 ? Figures.count(0L) : count(byEvent.cell(unitRow, e)),
                    unit == null ? null : Figures.count(Figures.count(byOpening, metric, unit, -1))));
        }
        return new CalendarYear(year, fixed, rows);
    }

    private static Figure count(Cell cell) {
        return cell instanceof Cell.Count c ? Figures.count(c.value()) : Figure.NONE;
    }

    /**
     * Police units × events of the year, every police unit with events (not only the visible ones), so that
     * the national total is the same whoever asks; {@code units} receives the rows' units in order.
     */
    private SuppressedTwoWayTable byEventYear(int year, List<String> units) {
        return jdbc.with("The calendar-year figures could not be read", c -> {
            List<Object[]> groups = new ArrayList<>();
            String from = year + "-01-01";
            String to = year + "-12-31";
            String sql = "SELECT police_unit, " + CellKeys.FUNNEL_SQL + " AS tk, iv, om, su FROM (SELECT f.police_unit, f.court_district, "
                    + "f.prosecution_office, f.year, f.quarter, f.origin, f.team_type, f.forms, "
                    + "SUM(f.in_view_on BETWEEN ? AND ?) AS iv, SUM(f.om_inflow_on BETWEEN ? AND ?) AS om, "
                    + "SUM(f.decision = 'SUMMONS' AND f.decision_on BETWEEN ? AND ?) AS su FROM report_party_fact f "
                    + "WHERE f.kind = 'SUSPECT' AND f.year <= ? AND (f.in_view_on BETWEEN ? AND ? OR f.om_inflow_on BETWEEN ? AND ? "
                    + "OR f.decision_on BETWEEN ? AND ?) GROUP BY f.police_unit, f.court_district, f.prosecution_office, f.year, f.quarter, "
                    + "f.origin, f.team_type, f.forms) f CROSS JOIN report_key k WHERE k.id = 1";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                for (int i = 0; i < 3; i++) {
                    s.setString(p++, from);
                    s.setString(p++, to);
                }
                s.setInt(p++, year);
                for (int i = 0; i < 3; i++) {
                    s.setString(p++, from);
                    s.setString(p++, to);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        groups.add(new Object[]{rs.getString(1), rs.getLong(2), new long[]{rs.getLong(3), rs.getLong(4), rs.getLong(5)}});
                    }
                }
            }
            Map<String, Integer> index = new HashMap<>();
            groups.forEach(g -> index.computeIfAbsent((String) g[0], u -> {
                units.add(u);
                return units.size() - 1;
            }));
            KeyedTable table = new KeyedTable(Math.max(1, units.size()), EVENTS.size());
            for (Object[] g : groups) {
                long[] counts = (long[]) g[2];
                for (int e = 0; e < EVENTS.size(); e++) {
                    table.add(index.get((String) g[0]), e, (Long) g[1], counts[e]);
                }
            }
            return table.publish();
        });
    }
}
