package nl.ketenzicht.context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ketenzicht.context.ContextRequests.PriorityView;
import nl.ketenzicht.context.ContextRequests.Version;
import nl.ketenzicht.shared.Page;

/** Local priorities: the current version per municipality and year, and every version in the history. */
final class PriorityRepository {

    private static final String SELECT =
            "SELECT p.municipality_code, m.name, m.police_unit, p.year, p.priority, p.version, p.changed_by, "
                    + "p.changed_at FROM context_priority p JOIN ref_municipality m ON m.cbs_code = p.municipality_code";

    private PriorityRepository() {}

    static Optional<PriorityView> find(Connection c, String municipality, int year, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                SELECT + " WHERE p.municipality_code = ? AND p.year = ?" + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, municipality);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    static Page<PriorityView> list(Connection c, String unit, Integer year, Boolean priority, int offset, int limit)
            throws SQLException {
        Filter f = Filter.where().eq("m.police_unit", unit).eq("p.year", year).eq("p.priority", priority);
        long total = f.count(c, "context_priority p JOIN ref_municipality m ON m.cbs_code = p.municipality_code");
        List<PriorityView> items = new ArrayList<>();
        try (PreparedStatement s = f.prepare(
                        c,
                        SELECT,
                        " ORDER BY p.year DESC, m.name, p.municipality_code LIMIT ? OFFSET ?",
                        limit,
                        offset);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                items.add(view(rs));
            }
        }
        return new Page<>(items, total, offset, limit);
    }

    static void save(
            Connection c, String municipality, int year, boolean priority, long version, String actor, Instant now)
            throws SQLException {
        String sql = version == 1
                ? "INSERT INTO context_priority (priority, version, changed_by, changed_at, municipality_code, year) VALUES (?, ?, ?, ?, ?, ?)"
                : "UPDATE context_priority SET priority = ?, version = ?, changed_by = ?, changed_at = ? WHERE municipality_code = ? AND year = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, priority, version, actor, now, municipality, year);
            s.executeUpdate();
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO context_priority_history (priority, version, changed_by, changed_at, "
                        + "municipality_code, year) VALUES (?, ?, ?, ?, ?, ?)")) {
            bind(s, priority, version, actor, now, municipality, year);
            s.executeUpdate();
        }
    }

    static List<Version<Boolean>> history(Connection c, String municipality, int year) throws SQLException {
        List<Version<Boolean>> out = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT version, priority, changed_by, changed_at FROM context_priority_history "
                        + "WHERE municipality_code = ? AND year = ? ORDER BY version DESC")) {
            s.setString(1, municipality);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version<>(
                            rs.getLong(1),
                            rs.getBoolean(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return out;
    }

    private static void bind(
            PreparedStatement s,
            boolean priority,
            long version,
            String actor,
            Instant now,
            String municipality,
            int year)
            throws SQLException {
        s.setBoolean(1, priority);
        s.setLong(2, version);
        s.setString(3, actor);
        s.setTimestamp(4, Timestamp.from(now));
        s.setString(5, municipality);
        s.setInt(6, year);
    }

    private static PriorityView view(ResultSet rs) throws SQLException {
        return new PriorityView(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getBoolean(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }
}
