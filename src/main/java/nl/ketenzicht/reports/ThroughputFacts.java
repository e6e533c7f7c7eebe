package nl.ketenzicht.reports;

import nl.ketenzicht.reports.stats.CompetingObservation;

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

/** Reads the maintained party facts of suspects for a cut (indexed by kind and period), never the chain or case tables. */
final class ThroughputFacts {

    private ThroughputFacts() {
    }

    static Map<String, List<CompetingObservation>> read(Connection c, Interval interval, ReportRequest r, LocalDate today) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(r.fromQuarter() / 4, r.toQuarter() / 4, r.fromQuarter(), r.toQuarter()));
        StringBuilder sql = new StringBuilder("SELECT " + r.level().column + ", in_view_on, om_inflow_on, decision_on, decision, "
                + "verdict_on, case_closed_on, case_closing_reason FROM report_party_fact WHERE kind = 'SUSPECT' "
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
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String region = rs.getString(1);
                    var fact = new ChainFact(date(rs, 2), date(rs, 3), date(rs, 4), rs.getString(5), date(rs, 6), date(rs, 7), rs.getString(8));
                    interval.observe(fact, today)
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
