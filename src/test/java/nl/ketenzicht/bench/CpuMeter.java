package nl.ketenzicht.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds spent by the three parties of a benchmark: the application server process, the
 * database threads serving the benchmark's database account, and this client. Wall-clock rates
 * swing with whatever else the shared 2-core machine runs; CPU per operation does not, so it gives
 * a load-independent figure and an estimate of what the machine could sustain on its own.
 * Reads /proc (Linux); MariaDB's information_schema.PROCESSLIST gives each connection's OS thread.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, fixed at 100 on Linux

    private final long appPid;
    private final long dbPid;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;

    CpuMeter(long appPid, long dbPid, String dbUrl, String dbUser, String dbPassword) {
        this.appPid = appPid;
        this.dbPid = dbPid;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    static CpuMeter fromSystemProperties() {
        return new CpuMeter(
                Long.getLong("bench.server.pid", -1),
                Long.getLong("bench.db.pid", -1),
                System.getProperty("bench.db.url"),
                System.getProperty("bench.db.user"),
                System.getProperty("bench.db.password"));
    }

    /** CPU seconds so far: app, each database thread of our account, client. -1 / null where unknown. */
    Sample sample() {
        return new Sample(
                appPid > 0 ? processSeconds(appPid) : -1,
                dbPid > 0 ? dbThreadSeconds() : null,
                processSeconds(ProcessHandle.current().pid()));
    }

    record Sample(double app, Map<Long, Double> db, double client) {
        /**
         * Only threads present at both ends count: MariaDB reuses cached threads, so a thread new to
         * our account may carry CPU of earlier connections. Pools are full after the warm-up.
         */
        Usage minus(Sample before) {
            double dbUsed = -1;
            if (db != null && before.db != null) {
                dbUsed = db.entrySet().stream()
                        .filter(e -> before.db.containsKey(e.getKey()))
                        .mapToDouble(e -> e.getValue() - before.db.get(e.getKey()))
                        .sum();
            }
            return new Usage(app < 0 || before.app < 0 ? -1 : app - before.app, dbUsed, client - before.client);
        }
    }

    /** CPU seconds used over a measured period. */
    record Usage(double app, double db, double client) {
        static final Usage NONE = new Usage(-1, -1, -1);

        /** CPU seconds of all three parties per operation, or -1 when a party's figure is missing. */
        double perOp(long ops) {
            return ops == 0 || app < 0 || db < 0 || client < 0 ? -1 : (app + db + client) / ops;
        }

        String perOperation(long ops) {
            if (ops == 0 || client < 0) {
                return "";
            }
            double total = Math.max(app, 0) + Math.max(db, 0) + client;
            return String.format(
                    "  cpu/op: app %s db %s client %.2f ms → %.0f ops/s on 2 idle cores",
                    ms(app, ops), ms(db, ops), client * 1000 / ops, 2.0 * ops / total);
        }

        private static String ms(double seconds, long ops) {
            return seconds < 0 ? "?" : String.format("%.2f", seconds * 1000 / ops);
        }
    }

    private static double processSeconds(long pid) {
        return statSeconds(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    private Map<Long, Double> dbThreadSeconds() {
        Map<Long, Double> seconds = new HashMap<>();
        for (long tid : dbThreads()) {
            double s = statSeconds(Path.of("/proc", String.valueOf(dbPid), "task", String.valueOf(tid), "stat"));
            if (s >= 0) {
                seconds.put(tid, s);
            }
        }
        return seconds;
    }

    /** The OS threads of all connections of the benchmark's database account (pooled, so stable while measuring). */
    private List<Long> dbThreads() {
        List<Long> tids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
                PreparedStatement ps =
                        c.prepareStatement("SELECT tid FROM information_schema.processlist WHERE user = ?")) {
            ps.setString(1, dbUser);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the database threads: " + e.getMessage(), e);
        }
        return tids;
    }

    /** utime + stime (fields 14 and 15) of a /proc stat file; the command name may hold spaces, so count from ')'. */
    private static double statSeconds(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
