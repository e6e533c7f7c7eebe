package nl.ketenzicht.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ketenzicht.indicators.IndicatorRequests.IndicatorRequest;
import nl.ketenzicht.indicators.IndicatorRequests.IndicatorView;
import nl.ketenzicht.indicators.IndicatorRequests.TargetView;
import nl.ketenzicht.reports.FunnelCounts;

/** Indicators, targets, and the yearly counts per police unit that the results compare. */
final class IndicatorRepository {

    private IndicatorRepository() {}

    static long insert(Connection c, IndicatorRequest r, String actor, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO indicator (name, metric, origin, form, team_type, created_by, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, r.name().strip());
            s.setString(2, r.metric());
            s.setString(3, r.origin());
            s.setString(4, r.form());
            s.setString(5, r.team());
            s.setString(6, actor);
            s.setTimestamp(7, Timestamp.from(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void setTarget(Connection c, long id, int year, String unit, long target) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO indicator_target (indicator_id, year, police_unit, target) "
                        + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE target = VALUES(target)")) {
            s.setLong(1, id);
            s.setInt(2, year);
            s.setString(3, unit == null ? "" : unit);
            s.setLong(4, target);
            s.executeUpdate();
        }
    }

    static List<IndicatorView> all(Connection c) throws SQLException {
        List<IndicatorView> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT id, name, metric, origin, form, team_type FROM indicator ORDER BY id")) {
            while (rs.next()) {
                out.add(new IndicatorView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        List.of()));
            }
        }
        List<IndicatorView> withTargets = new ArrayList<>();
        for (IndicatorView v : out) {
            withTargets.add(new IndicatorView(
                    v.id(), v.name(), v.metric(), v.origin(), v.form(), v.team(), targets(c, v.id())));
        }
        return withTargets;
    }

    static Optional<IndicatorView> find(Connection c, long id) throws SQLException {
        return all(c).stream().filter(v -> v.id() == id).findFirst();
    }

    static List<TargetView> targets(Connection c, long id) throws SQLException {
        List<TargetView> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT year, police_unit, target FROM indicator_target WHERE indicator_id = ? ORDER BY year, police_unit")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new TargetView(
                            rs.getInt(1), rs.getString(2).isEmpty() ? null : rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** Actual counts per police unit and year from the counters; the metric is whitelisted by the caller. */
    static Map<String, Map<Integer, FunnelCounts.Counted>> actuals(
            Connection c, IndicatorView v, int fromYear, int toYear) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE year BETWEEN ? AND ?");
        List<Object> filter = new ArrayList<>(List.of(fromYear, toYear));
        if (v.origin() != null) {
            where.append(" AND origin = ?");
            filter.add(v.origin());
        }
        if (v.team() != null) {
            where.append(" AND team_type = ?");
            filter.add(v.team());
        }
        if (v.form() != null) {
            where.append(" AND FIND_IN_SET(?, forms) > 0");
            filter.add(v.form());
        }
        Map<String, Map<Integer, FunnelCounts.Counted>> out = new HashMap<>();
        FunnelCounts.read(
                c,
                "police_unit, year",
                List.of(v.metric()),
                where,
                filter,
                (rs, counted) -> out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getInt(2), counted));
        return out;
    }
}
