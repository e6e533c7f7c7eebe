package nl.ketenzicht.reports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.reports.aggregates.CellKeys;
import nl.ketenzicht.reports.stats.CompetingObservation;

/** Reads the maintained party facts of suspects for a cut (indexed by kind and period), never the chain or case tables. */
final class ThroughputFacts {

    /**
     * The observations per region, and per region and report_funnel row key the number of them by outcome
     * (in the order of the outcomes): each suspect counts in its counter row, so suspects in view here are
     * the same cell, with the same published figure, as measure 1's.
     */
    record Observed(Map<String, List<CompetingObservation>> byRegion, Map<String, Map<Long, long[]>> byRow) {}

    private ThroughputFacts() {}

    static Observed read(Connection c, Interval interval, ReportRequest r, LocalDate today) throws SQLException {
        List<Object> params =
                new ArrayList<>(List.of(r.fromQuarter() / 4, r.toQuarter() / 4, r.fromQuarter(), r.toQuarter()));
        StringBuilder sql =
                new StringBuilder("SELECT " + r.level().column + ", in_view_on, om_inflow_on, decision_on, decision, "
                        + "verdict_on, case_closed_on, case_closing_reason, police_unit, court_district, prosecution_office, year, quarter, "
                        + "origin, team_type, forms FROM report_party_fact WHERE kind = 'SUSPECT' "
                        + "AND year BETWEEN ? AND ? AND year * 4 + quarter - 1 BETWEEN ? AND ? AND "
                        + interval.startColumn + " IS NOT NULL");
        if (r.origin() != null) {
            sql.append(" AND origin = ?");
            params.add(r.origin());
        }
        if (r.team() != null) {
            sql.append(" AND team_type = ?");
            params.add(r.team());
        }
        if (r.form() != null) {
            sql.append(" AND FIND_IN_SET(?, forms) > 0");
            params.add(r.form());
        }
        Map<String, List<CompetingObservation>> byRegion = new HashMap<>();
        Map<String, Map<Long, long[]>> byRow = new HashMap<>();
        Map<List<Object>, Long> rowKeys = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String region = rs.getString(1);
                    var fact = new ChainFact(
                            date(rs, 2),
                            date(rs, 3),
                            date(rs, 4),
                            rs.getString(5),
                            date(rs, 6),
                            date(rs, 7),
                            rs.getString(8));
                    var observed = interval.observe(fact, today);
                    if (observed.isPresent()) {
                        CompetingObservation o = observed.get();
                        byRegion.computeIfAbsent(region, k -> new ArrayList<>()).add(o);
                        List<Object> dims = List.of(
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11),
                                rs.getInt(12),
                                rs.getInt(13),
                                rs.getString(14),
                                rs.getString(15),
                                rs.getString(16));
                        Long key = rowKeys.get(dims);
                        if (key == null) {
                            key = CellKeys.of(c, dims.toArray());
                            rowKeys.put(dims, key);
                        }
                        byRow.computeIfAbsent(region, k -> new HashMap<>())
                                .computeIfAbsent(key, k -> new long[CompetingObservation.Outcome.values().length])[
                                o.outcome().ordinal()]++;
                    }
                }
            }
        }
        return new Observed(byRegion, byRow);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
