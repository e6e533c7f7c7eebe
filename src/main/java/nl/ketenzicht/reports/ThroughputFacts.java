package nl.ketenzicht.reports;

import nl.ketenzicht.reports.stats.SurvivalObservation;

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

/** Reads the maintained party facts of suspects for a cut (indexed by kind and period), never the chain tables. */
final class ThroughputFacts {

    private ThroughputFacts() {
    }

    static Map<String, List<SurvivalObservation>> read(Connection c, Interval interval, ReportRequest r, LocalDate today) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(r.fromQuarter() / 4, r.toQuarter() / 4, r.fromQuarter(), r.toQuarter()));
        StringBuilder sql = new StringBuilder("SELECT " + r.level().column + ", " + interval.fromColumn + ", " + interval.toColumn
                + ", decision, decision_on FROM report_party_fact WHERE kind = 'SUSPECT' AND year BETWEEN ? AND ? "
                + "AND year * 4 + quarter - 1 BETWEEN ? AND ? AND " + interval.fromColumn + " IS NOT NULL");
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
        Map<String, List<SurvivalObservation>> byRegion = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String region = rs.getString(1);
                    interval.observe(date(rs, 2), date(rs, 3), rs.getString(4), date(rs, 5), today)
                            .ifPresent(o -> byRegion.computeIfAbsent(region, k -> new ArrayList<>()).add(o));
                }
            }
        }
        return byRegion;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
