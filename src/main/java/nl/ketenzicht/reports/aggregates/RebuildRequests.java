package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Standing requests to rebuild every aggregate from the base tables ({@code report_rebuild_request}):
 * a writer that commits base rows past the maintenance files one before its first commit and
 * withdraws it after its rebuild, so a failed rebuild or a stopped server leaves it for the next
 * start ({@link BulkLoadRebuild#rebuildRequested}).
 */
public final class RebuildRequests {

    private RebuildRequests() {}

    /** Files a request in its own (auto-committed) statement; returns its id. */
    public static long file(Connection c, String reason, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO report_rebuild_request (reason, requested_at) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, reason.length() <= 200 ? reason : reason.substring(0, 200));
            s.setTimestamp(2, Timestamp.from(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Withdraws the requests a rebuild that started after them has served. */
    public static void withdraw(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM report_rebuild_request WHERE id = ?")) {
            for (long id : ids) {
                s.setLong(1, id);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The ids of the standing requests. */
    public static List<Long> pending(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM report_rebuild_request ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
