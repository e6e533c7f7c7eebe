package nl.ketenzicht.monitor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.monitor.MonitorViews.CalendarRow;
import nl.ketenzicht.monitor.MonitorViews.CalendarYear;
import nl.ketenzicht.monitor.MonitorViews.Figure;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import nl.ketenzicht.reports.aggregates.CellKeys;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.KeyedTable;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;
import nl.ketenzicht.shared.Jdbc;

/**
 * Calendar-year figures: suspects' chain events (in view, OM inflow, summons, conviction at first instance) and
 * victims' aangiften counted in the year they happened, beside the same stages counted by the year their case
 * was opened (measure 1's cut, measure 4's aangiften made). A year's count by event is fixed once the year is
 * over; a count by opening year still grows while that year's cases go on along the chain.
 *
 * <p>Disclosure: a suspect's record belongs to its case's report_funnel row, whose secret key {@code tk}
 * is computed here in SQL from the row's dimensions ({@link CellKeys#FUNNEL_SQL}), as is a victim's (the same
 * key: measure 4 counts victims under it); the units × events table
 * is gathered per base row and published by {@link KeyedTable}, the reports' own method.
 */
@RequestScoped
public class CalendarYearFigures {

    /** Events in the order of the table, with the measure-1 counter of the same stage. */
    static final List<String> EVENTS =
            List.of("s_in_view", "s_om_inflow", "s_summons", "s_conviction", "aangifte_made");

    @Inject
    Jdbc jdbc;
    /**
     * {@code byOpening}: measure 1 of the year (suspects by opening year); {@code victims}: measure 4's aangifte
     * table of the year (aangiften made by opening year), both as the monitor already computed them.
     */
    CalendarYear read(int year, String unit, boolean fixed, RegionalReport byOpening, RegionalReport victims) {
        List<String> units = new ArrayList<>();
        SuppressedTwoWayTable byEvent = byEventYear(year, units);
        int unitRow = unit == null ? -1 : units.indexOf(unit);
        List<CalendarRow> rows = new ArrayList<>();
        for (int e = 0; e < EVENTS.size(); e++) {
            String metric = EVENTS.get(e);
            RegionalReport opening = metric.equals("aangifte_made") ? victims : byOpening;
            rows.add(new CalendarRow(
                    metric,
                    count(byEvent.columnTotal(e)),
                    Figures.count(opening == null ? null : Figures.count(opening, metric, Figures.NATIONAL, -1)),
                    unit == null ? null : unitRow < 0 ? Figures.count(0L) : count(byEvent.cell(unitRow, e)),
                    unit == null
                            ? null
                            : Figures.count(opening == null ? null : Figures.count(opening, metric, unit, -1))));
        }
        return new CalendarYear(year, fixed, rows);
    }

    private static Figure count(Cell cell) {
        return cell instanceof Cell.Count c ? Figures.count(c.value()) : Figure.NONE;
    }

    private static void collect(PreparedStatement s, List<Object[]> groups) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long[] counts = new long[EVENTS.size()];
                for (int e = 0; e < counts.length; e++) {
                    counts[e] = rs.getLong(3 + e);
                }
                groups.add(new Object[] {rs.getString(1), rs.getLong(2), counts});
            }
        }
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
            String sql = "SELECT police_unit, " + CellKeys.FUNNEL_SQL
                    + " AS tk, iv, om, su, co, 0 FROM (SELECT f.police_unit, f.court_district, "
                    + "f.prosecution_office, f.year, f.quarter, f.origin, f.team_type, f.forms, "
                    + "SUM(f.in_view_on BETWEEN ? AND ?) AS iv, SUM(f.om_inflow_on BETWEEN ? AND ?) AS om, "
                    + "SUM(f.decision = 'SUMMONS' AND f.decision_on BETWEEN ? AND ?) AS su, "
                    // A conviction at first instance in the year (the facts keep the last verdict's day, not its kind).
                    + "SUM(f.verdict_on >= ? AND EXISTS (SELECT 1 FROM chain_event e WHERE e.party_id = f.party_id AND e.stage = 'VERDICT' "
                    + "AND e.verdict = 'CONVICTION' AND e.occurred_on BETWEEN ? AND ?)) AS co FROM report_party_fact f "
                    + "WHERE f.kind = 'SUSPECT' AND f.year <= ? AND (f.in_view_on BETWEEN ? AND ? OR f.om_inflow_on BETWEEN ? AND ? "
                    + "OR f.decision_on BETWEEN ? AND ? OR f.verdict_on >= ?) GROUP BY f.police_unit, f.court_district, f.prosecution_office, "
                    + "f.year, f.quarter, f.origin, f.team_type, f.forms) f CROSS JOIN report_key k WHERE k.id = 1";
            // Victims whose aangifte was made in the year (once each, whatever the year their case was opened).
            String made = "SELECT police_unit, " + CellKeys.FUNNEL_SQL
                    + " AS tk, 0, 0, 0, 0, m FROM (SELECT f.police_unit, f.court_district, "
                    + "f.prosecution_office, f.year, f.quarter, f.origin, f.team_type, f.forms, COUNT(DISTINCT f.party_id) AS m "
                    + "FROM aangifte_event e JOIN report_victim_fact f ON f.party_id = e.victim_id WHERE e.type = 'AANGIFTE_MADE' "
                    + "AND e.occurred_on BETWEEN ? AND ? GROUP BY f.police_unit, f.court_district, f.prosecution_office, f.year, f.quarter, "
                    + "f.origin, f.team_type, f.forms) f CROSS JOIN report_key k WHERE k.id = 1";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                for (int i = 0; i < 3; i++) {
                    s.setString(p++, from);
                    s.setString(p++, to);
                }
                s.setString(p++, from);
                s.setString(p++, from);
                s.setString(p++, to);
                s.setInt(p++, year);
                for (int i = 0; i < 3; i++) {
                    s.setString(p++, from);
                    s.setString(p++, to);
                }
                s.setString(p, from);
                collect(s, groups);
            }
            try (PreparedStatement s = c.prepareStatement(made)) {
                s.setString(1, from);
                s.setString(2, to);
                collect(s, groups);
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
