package nl.ketenzicht.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Issue 19, acceptance 3: reads singleton_run (written by the nodes when ketenzicht.leases.journal is on)
 * and fails when two runs of one lease overlapped, i.e. two nodes sealed or folded at the same time.
 * Runs of one node follow each other, so any overlap is between two holders.
 */
final class LeaseJournal {

    private LeaseJournal() {}

    /** The whole of bench/cluster-failover.sh (kills, restarts and rejoins): runs since {@code bench.since}. */
    public static void main(String[] args) throws Exception {
        List<String> failures = new java.util.ArrayList<>();
        try (Connection c = ClusterFailoverBench.database()) {
            check(c, Timestamp.valueOf(System.getProperty("bench.since")), failures);
        }
        System.out.println(failures.isEmpty() ? "NO OVERLAPS" : "FAILED: " + failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static Timestamp now(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT NOW(6)");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /** Prints each lease's runs, holders and handovers since {@code since}; adds a failure per overlap. */
    static void check(Connection c, Timestamp since, List<String> failures) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, COUNT(*), COUNT(DISTINCT holder),"
                + " SUM(ended_at IS NULL), SUM(changed) FROM (SELECT name, holder, ended_at,"
                + " COALESCE(holder <> LAG(holder) OVER (PARTITION BY name ORDER BY started_at, id), 0) AS changed"
                + " FROM singleton_run WHERE started_at >= ?) r GROUP BY name ORDER BY name")) {
            s.setTimestamp(1, since);
            try (ResultSet rs = s.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    System.out.printf(
                            "lease %-15s %5d runs by %d holders, %d handovers, %d never ended (node or writer killed mid-run)%n",
                            rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(5), rs.getLong(4));
                }
                if (!any) {
                    failures.add("no lease runs journalled (is KETENZICHT_LEASES_JOURNAL=true on the nodes?)");
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT name, holder, started_at, previous_end FROM ("
                + " SELECT name, holder, started_at, MAX(ended_at) OVER (PARTITION BY name ORDER BY started_at, id"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end"
                + " FROM singleton_run WHERE started_at >= ? AND ended_at IS NOT NULL) r"
                + " WHERE started_at < previous_end")) {
            s.setTimestamp(1, since);
            int overlaps = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    overlaps++;
                    System.out.printf(
                            "OVERLAP: %s run by %s started at %s before the previous run ended (%s)%n",
                            rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4));
                }
            }
            System.out.println("overlapping runs of one lease: " + overlaps);
            if (overlaps > 0) {
                failures.add(overlaps + " runs overlapped another node's run of the same lease");
            }
        }
    }
}
