package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Keeps the incremental maintenance off the report tables while {@link AggregateRebuild#swap} builds their
 * replacements (V1_20_0). Every writer locks the guard row in share mode, inside its own transaction, before
 * it touches a report table: writers never wait for each other on it. The rebuild locks it exclusively for
 * its whole run: that waits until the writers in flight have committed, and every later writer waits at this
 * point, with its base-table changes not yet committed, until the new tables are in place. The rebuild reads
 * the base tables as committed (READ COMMITTED), so it counts every change of the writers that went before
 * and none of those that wait; these then apply their change to the new tables. Nothing is lost and nothing
 * is counted twice. A writer that waits longer than innodb_lock_wait_timeout fails and rolls back, as it did
 * when the rebuild held the report tables' locks in one transaction.
 */
final class RebuildGuard {

    static final String SHARED = "SELECT id FROM report_rebuild_guard WHERE id = 1 LOCK IN SHARE MODE";
    static final String EXCLUSIVE = "SELECT id FROM report_rebuild_guard WHERE id = 1 FOR UPDATE";

    private RebuildGuard() {}

    /** A writer's turn: call before the first statement on a report table of the transaction. */
    static void enter(Connection c) throws SQLException {
        lock(c, SHARED);
    }

    /** The rebuild's: held until the caller's transaction ends. */
    static void hold(Connection c) throws SQLException {
        lock(c, EXCLUSIVE);
    }

    private static void lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("report_rebuild_guard has no row; migration V1_20_0 makes it");
            }
        }
    }
}
