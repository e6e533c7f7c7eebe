package nl.ketenzicht.context;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ketenzicht.context.ContextRequests.CasePilot;
import nl.ketenzicht.context.ContextRequests.PilotRequest;
import nl.ketenzicht.context.ContextRequests.PilotValue;
import nl.ketenzicht.context.ContextRequests.PilotView;
import nl.ketenzicht.context.ContextRequests.TagChange;
import nl.ketenzicht.context.ContextRequests.Version;
import nl.ketenzicht.shared.Page;

/** Pilots with their police units and history, and the tags of cases with them. */
final class PilotRepository {

    private static final String SELECT = "SELECT p.id, p.name, p.starts_on, p.ends_on, "
            + "(SELECT GROUP_CONCAT(u.police_unit ORDER BY u.police_unit) FROM context_pilot_unit u WHERE u.pilot_id = p.id), "
            + "(SELECT COUNT(*) FROM case_pilot t WHERE t.pilot_id = p.id), p.version, p.changed_by, p.changed_at FROM context_pilot p";

    private PilotRepository() {}

    static Optional<PilotView> find(Connection c, long id, boolean lock) throws SQLException {
        if (lock) {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM context_pilot WHERE id = ? FOR UPDATE")) {
                s.setLong(1, id);
                s.executeQuery().close();
            }
        }
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE p.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    static Optional<Long> idOfName(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM context_pilot WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** One page, latest start first; {@code unit} non-null: only pilots that unit takes part in. */
    static Page<PilotView> list(Connection c, String unit, int offset, int limit) throws SQLException {
        Filter f = unit == null
                ? Filter.where()
                : Filter.where()
                        .and(
                                "EXISTS (SELECT 1 FROM context_pilot_unit u WHERE u.pilot_id = p.id AND u.police_unit = ?)",
                                unit);
        long total = f.count(c, "context_pilot p");
        List<PilotView> items = new ArrayList<>();
        try (PreparedStatement s =
                        f.prepare(c, SELECT, " ORDER BY p.starts_on DESC, p.id DESC LIMIT ? OFFSET ?", limit, offset);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                items.add(view(rs));
            }
        }
        return new Page<>(items, total, offset, limit);
    }

    static long insert(Connection c, PilotRequest r, String actor, Instant now) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO context_pilot (name, starts_on, ends_on, version, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, 1, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, r.name().strip());
            s.setDate(2, Date.valueOf(r.startsOn()));
            s.setDate(3, r.endsOn() == null ? null : Date.valueOf(r.endsOn()));
            s.setString(4, actor);
            s.setTimestamp(5, Timestamp.from(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        units(c, id, r.policeUnits());
        history(c, id, 1, r, actor, now);
        return id;
    }

    static void update(Connection c, long id, long version, PilotRequest r, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE context_pilot SET name = ?, starts_on = ?, ends_on = ?, version = ?, "
                        + "changed_by = ?, changed_at = ? WHERE id = ?")) {
            s.setString(1, r.name().strip());
            s.setDate(2, Date.valueOf(r.startsOn()));
            s.setDate(3, r.endsOn() == null ? null : Date.valueOf(r.endsOn()));
            s.setLong(4, version);
            s.setString(5, actor);
            s.setTimestamp(6, Timestamp.from(now));
            s.setLong(7, id);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM context_pilot_unit WHERE pilot_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        units(c, id, r.policeUnits());
        history(c, id, version, r, actor, now);
    }

    static List<Version<PilotValue>> history(Connection c, long id) throws SQLException {
        List<Version<PilotValue>> out = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT version, name, starts_on, ends_on, police_units, changed_by, changed_at "
                        + "FROM context_pilot_history WHERE pilot_id = ? ORDER BY version DESC")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version<>(
                            rs.getLong(1),
                            new PilotValue(
                                    rs.getString(2),
                                    rs.getDate(3).toLocalDate(),
                                    date(rs, 4),
                                    List.copyOf(ContextFigures.units(rs.getString(5)))),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return out;
    }

    /** The pilots a case is tagged with. */
    static List<CasePilot> tagsOf(Connection c, long caseId) throws SQLException {
        return casePilots(
                c,
                "SELECT p.id, p.name, p.starts_on, p.ends_on FROM case_pilot t JOIN context_pilot p ON p.id = t.pilot_id "
                        + "WHERE t.case_id = ? ORDER BY p.starts_on, p.id",
                caseId);
    }

    /** The pilots of a police unit that a case of that unit is not tagged with. */
    static List<CasePilot> availableFor(Connection c, long caseId, String unit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT p.id, p.name, p.starts_on, p.ends_on FROM context_pilot p "
                        + "JOIN context_pilot_unit u ON u.pilot_id = p.id AND u.police_unit = ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM case_pilot t WHERE t.case_id = ? AND t.pilot_id = p.id) ORDER BY p.starts_on, p.id")) {
            s.setString(1, unit);
            s.setLong(2, caseId);
            return casePilots(s);
        }
    }

    static List<TagChange> tagHistory(Connection c, long caseId) throws SQLException {
        List<TagChange> out = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT pilot_id, tagged, changed_by, changed_at FROM case_pilot_history "
                        + "WHERE case_id = ? ORDER BY id DESC")) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new TagChange(
                            rs.getLong(1),
                            rs.getBoolean(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return out;
    }

    /** Tags or untags; false when the case already was (or was not) tagged, so nothing changed. */
    static boolean tag(Connection c, long caseId, long pilotId, boolean tagged, String actor, Instant now)
            throws SQLException {
        String sql = tagged
                ? "INSERT IGNORE INTO case_pilot (case_id, pilot_id, tagged_by, tagged_at) VALUES (?, ?, ?, ?)"
                : "DELETE FROM case_pilot WHERE case_id = ? AND pilot_id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, caseId);
            s.setLong(2, pilotId);
            if (tagged) {
                s.setString(3, actor);
                s.setTimestamp(4, Timestamp.from(now));
            }
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO case_pilot_history (case_id, pilot_id, tagged, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, caseId);
            s.setLong(2, pilotId);
            s.setBoolean(3, tagged);
            s.setString(4, actor);
            s.setTimestamp(5, Timestamp.from(now));
            s.executeUpdate();
        }
        return true;
    }

    private static void units(Connection c, long id, List<String> units) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO context_pilot_unit (pilot_id, police_unit) VALUES (?, ?)")) {
            for (String unit : new java.util.TreeSet<>(units)) {
                s.setLong(1, id);
                s.setString(2, unit);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void history(Connection c, long id, long version, PilotRequest r, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO context_pilot_history (pilot_id, version, name, starts_on, ends_on, "
                        + "police_units, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setLong(2, version);
            s.setString(3, r.name().strip());
            s.setDate(4, Date.valueOf(r.startsOn()));
            s.setDate(5, r.endsOn() == null ? null : Date.valueOf(r.endsOn()));
            s.setString(6, String.join(",", new java.util.TreeSet<>(r.policeUnits())));
            s.setString(7, actor);
            s.setTimestamp(8, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    private static List<CasePilot> casePilots(Connection c, String sql, long caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, caseId);
            return casePilots(s);
        }
    }

    private static List<CasePilot> casePilots(PreparedStatement s) throws SQLException {
        List<CasePilot> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new CasePilot(
                        rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), date(rs, 4)));
            }
        }
        return out;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static PilotView view(ResultSet rs) throws SQLException {
        return new PilotView(
                rs.getLong(1),
                rs.getString(2),
                rs.getDate(3).toLocalDate(),
                date(rs, 4),
                List.copyOf(ContextFigures.units(rs.getString(5))),
                rs.getLong(6),
                rs.getLong(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant());
    }
}
