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
import nl.ketenzicht.context.ContextRequests.CapacityRequest;
import nl.ketenzicht.context.ContextRequests.CapacityValue;
import nl.ketenzicht.context.ContextRequests.CapacityView;
import nl.ketenzicht.context.ContextRequests.Version;
import nl.ketenzicht.shared.Page;

/** Capacity rows: the current version per police unit and year, and every version in the history. */
final class CapacityRepository {

    private static final String COLUMNS =
            "police_unit, year, fte_avim, fte_zeden, fte_digital, fte_psychologists, version, changed_by, changed_at";

    private CapacityRepository() {}

    /** The current row; {@code lock} holds it until the transaction ends, so a change is based on what was read. */
    static Optional<CapacityView> find(Connection c, String unit, int year, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM context_capacity WHERE police_unit = ? AND year = ?" + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, unit);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /** One page, by unit and year; {@code unit} and {@code year} null for all. */
    static Page<CapacityView> list(Connection c, String unit, Integer year, int offset, int limit) throws SQLException {
        Filter f = Filter.where().eq("police_unit", unit).eq("year", year);
        long total = f.count(c, "context_capacity");
        List<CapacityView> items = new ArrayList<>();
        try (PreparedStatement s = f.prepare(
                        c,
                        "SELECT " + COLUMNS + " FROM context_capacity",
                        " ORDER BY year DESC, police_unit LIMIT ? OFFSET ?",
                        limit,
                        offset);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                items.add(view(rs));
            }
        }
        return new Page<>(items, total, offset, limit);
    }

    /** Saves a new version (1 when the row is new) and its copy in the history. */
    static void save(Connection c, String unit, int year, CapacityRequest r, long version, String actor, Instant now)
            throws SQLException {
        String sql = version == 1
                ? "INSERT INTO context_capacity (fte_avim, fte_zeden, fte_digital, fte_psychologists, version, changed_by, changed_at, police_unit, year) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE context_capacity SET fte_avim = ?, fte_zeden = ?, fte_digital = ?, fte_psychologists = ?, version = ?, changed_by = ?, "
                        + "changed_at = ? WHERE police_unit = ? AND year = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, r, version, actor, now, unit, year);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO context_capacity_history (fte_avim, fte_zeden, fte_digital, "
                        + "fte_psychologists, version, changed_by, changed_at, police_unit, year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, r, version, actor, now, unit, year);
            s.executeUpdate();
        }
    }

    static List<Version<CapacityValue>> history(Connection c, String unit, int year) throws SQLException {
        List<Version<CapacityValue>> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT version, fte_avim, fte_zeden, fte_digital, fte_psychologists, changed_by, changed_at "
                        + "FROM context_capacity_history WHERE police_unit = ? AND year = ? ORDER BY version DESC")) {
            s.setString(1, unit);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version<>(
                            rs.getLong(1),
                            new CapacityValue(
                                    rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return out;
    }

    private static void bind(
            PreparedStatement s, CapacityRequest r, long version, String actor, Instant now, String unit, int year)
            throws SQLException {
        s.setBigDecimal(1, r.avim());
        s.setBigDecimal(2, r.zeden());
        s.setBigDecimal(3, r.digital());
        s.setBigDecimal(4, r.psychologists());
        s.setLong(5, version);
        s.setString(6, actor);
        s.setTimestamp(7, Timestamp.from(now));
        s.setString(8, unit);
        s.setInt(9, year);
    }

    private static CapacityView view(ResultSet rs) throws SQLException {
        return new CapacityView(
                rs.getString(1),
                rs.getInt(2),
                rs.getBigDecimal(3).stripTrailingZeros(),
                rs.getBigDecimal(4).stripTrailingZeros(),
                rs.getBigDecimal(5).stripTrailingZeros(),
                rs.getBigDecimal(6).stripTrailingZeros(),
                rs.getLong(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant());
    }
}
