package nl.ketenzicht.shared;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Leases for background work that must run on one node at a time (sealing the access log, folding the
 * report counters, the retention purge). A lease is a row in the database, taken and renewed with one
 * conditional UPDATE: the database is what every node must reach to do any work at all, so there is
 * exactly one lease table however the nodes' data grid splits (a grid lock would give each half of a
 * split grid its own holder). Expiry is the database's time, so the nodes' clocks need not agree.
 * The work itself stays safe if a stalled holder wakes after losing its lease: the sealer locks the
 * chain's head row and the folder works in short transactions, so two runs cannot corrupt anything;
 * the lease only keeps them from running twice.
 */
@ApplicationScoped
public class Leases {

    /** A holder that stops renewing (a dead or stalled node) loses its lease after this many seconds. */
    public static final int TERM_SECONDS = 5;

    private static final String NODE = node();

    @Inject
    Jdbc jdbc;

    /** Journals every run in singleton_run, so that a benchmark can show no two runs overlapped. */
    @Inject
    @ConfigProperty(name = "ketenzicht.leases.journal", defaultValue = "false")
    boolean journal;

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** Takes or renews the lease {@code name} for this node; true when this node holds it now. */
    public boolean hold(String name) throws SQLException {
        try (Connection c = jdbc.connection()) {
            boolean mine = hold(c, name, NODE);
            if (mine) {
                held.add(name);
            } else {
                held.remove(name);
            }
            return mine;
        }
    }

    /** A step that runs only while this node holds the lease {@code name}. */
    public EverySecond.Step onOneNode(String name, EverySecond.Step step) {
        return () -> {
            if (!hold(name)) {
                return;
            }
            if (!journal) {
                step.run();
                return;
            }
            long run = started(name);
            try {
                step.run();
            } finally {
                ended(run);
            }
        };
    }

    private long started(String name) throws SQLException {
        try (Connection c = jdbc.connection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO singleton_run (name, holder, started_at) VALUES (?, ?, NOW(6))",
                        Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, name);
            s.setString(2, NODE);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void ended(long run) throws SQLException {
        try (Connection c = jdbc.connection();
                PreparedStatement s = c.prepareStatement("UPDATE singleton_run SET ended_at = NOW(6) WHERE id = ?")) {
            s.setLong(1, run);
            s.executeUpdate();
        }
    }

    /** A node that stops cleanly hands its leases over at once instead of after the term. */
    @PreDestroy
    void releaseAll() {
        for (String name : held) {
            try (Connection c = jdbc.connection()) {
                release(c, name, NODE);
            } catch (SQLException | RuntimeException e) {
                // The lease simply expires after its term.
            }
        }
    }

    /**
     * Takes the lease when it is free or expired, renews it when {@code node} holds it; true when
     * {@code node} holds it afterwards. MariaDB applies the assignments left to right, so the fence
     * compares the old holder.
     */
    static boolean hold(Connection c, String name, String node) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE singleton_lease SET fence = fence + (holder IS NULL OR holder <> ?),"
                        + " holder = ?, expires_at = NOW(6) + INTERVAL " + TERM_SECONDS + " SECOND"
                        + " WHERE name = ? AND (holder = ? OR holder IS NULL OR expires_at < NOW(6))")) {
            s.setString(1, node);
            s.setString(2, node);
            s.setString(3, name);
            s.setString(4, node);
            return s.executeUpdate() == 1;
        }
    }

    static void release(Connection c, String name, String node) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE singleton_lease SET holder = NULL WHERE name = ? AND holder = ?")) {
            s.setString(1, name);
            s.setString(2, node);
            s.executeUpdate();
        }
    }

    /** This JVM: host, process and a random part, so that a restarted node is a new holder. */
    private static String node() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
