package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Times {@link AggregateRebuild} on a loaded database, step by step (bench/rebuild.sh):
 * {@code java ... RebuildBench <jdbc-url> <user> <password> [rounds] [--single] [--checks]}. By default as
 * the application runs it after a bulk load: {@link AggregateRebuild#swap}, shadow tables filled on parallel
 * connections and swapped in; with --single (or when the code under test has no swap, as an older commit in
 * bench/rebuild.sh compare) the whole rebuild in one transaction on one connection. The first round after a
 * bulk load finds the derived tables empty; later rounds replace a full set. With --checks the single
 * transaction keeps unique and foreign-key checks on (row-by-row inserts), for comparison.
 */
public final class RebuildBench {

    private RebuildBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        boolean bulk = !String.join(" ", args).contains("--checks");
        java.lang.reflect.Method swap = String.join(" ", args).contains("--single") || !bulk ? null : swapMethod();
        String url = args[0] + "?allowPublicKeyRetrieval=true&useSSL=false";
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            System.out.println(
                    "cases: " + count(c, "case_file") + ", parties: " + count(c, "party") + ", chain events: "
                            + count(c, "chain_event") + ", runaway episodes: " + count(c, "runaway_episode")
                            + ", care referrals: "
                            + count(c, "care_referral") + ", registrations: " + count(c, "registration"));
            ServerThread server = ServerThread.of(c);
            for (int round = 1; round <= rounds; round++) {
                if (swap != null) {
                    swapRound(swap, url, args, round);
                    checksums(c);
                    continue;
                }
                System.out.printf(
                        Locale.ROOT,
                        "round %d (%s), load average %s; per step: rows, wall time, CPU time of the "
                                + "server thread that ran it%n",
                        round,
                        bulk ? "bulk inserts" : "checks on",
                        load());
                c.setAutoCommit(false);
                long start = System.nanoTime();
                double cpuStart = server.cpuSeconds();
                double[] cpuBefore = {cpuStart};
                AggregateRebuild.run(
                        c,
                        (step, rows, took) -> {
                            double cpu = server.cpuSeconds();
                            System.out.printf(
                                    Locale.ROOT,
                                    "  %-40s %,12d rows %10.1f s %8.1f s CPU%n",
                                    step,
                                    rows,
                                    took.toMillis() / 1000.0,
                                    cpu - cpuBefore[0]);
                            cpuBefore[0] = cpu;
                        },
                        bulk);
                long commit = System.nanoTime();
                c.commit();
                long end = System.nanoTime();
                c.setAutoCommit(true);
                double cpu = server.cpuSeconds();
                System.out.printf(
                        Locale.ROOT,
                        "  %-40s %12s      %10.1f s %8.1f s CPU%n",
                        "commit",
                        "",
                        (end - commit) / 1e9,
                        cpu - cpuBefore[0]);
                System.out.printf(
                        Locale.ROOT,
                        "TOTAL %.1f s, %.1f s CPU, load average %s%n",
                        (end - start) / 1e9,
                        cpu - cpuStart,
                        load());
                checksums(c);
            }
        }
    }

    private static java.lang.reflect.Method swapMethod() {
        try {
            return AggregateRebuild.class.getMethod(
                    "swap",
                    Connection.class,
                    Connection.class,
                    Connection.class,
                    java.util.concurrent.Executor.class,
                    AggregateRebuild.Steps.class);
        } catch (NoSuchMethodException e) {
            return null; // an older AggregateRebuild (bench/rebuild.sh compare): one transaction
        }
    }

    /**
     * One rebuild by swap on three connections of its own; the steps of the two branches overlap, so a step's
     * wall time is its own and the CPU is given per connection (the server thread of each) and in total.
     */
    private static void swapRound(java.lang.reflect.Method swap, String url, String[] args, int round)
            throws Exception {
        System.out.printf(
                Locale.ROOT,
                "round %d (swap: shadow tables on parallel connections), load average %s; per step: rows, "
                        + "wall time, finished at%n",
                round,
                load());
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (Connection guard = DriverManager.getConnection(url, args[1], args[2]);
                Connection a = DriverManager.getConnection(url, args[1], args[2]);
                Connection b = DriverManager.getConnection(url, args[1], args[2])) {
            ServerThread[] threads = {ServerThread.of(guard), ServerThread.of(a), ServerThread.of(b)};
            double[] cpuStart = new double[3];
            for (int i = 0; i < 3; i++) {
                cpuStart[i] = threads[i].cpuSeconds();
            }
            long start = System.nanoTime();
            AggregateRebuild.Steps steps = (step, rows, took) -> System.out.printf(
                    Locale.ROOT,
                    "  %-40s %,12d rows %10.1f s %8.1f s%n",
                    step,
                    rows,
                    took.toMillis() / 1000.0,
                    (System.nanoTime() - start) / 1e9);
            try {
                swap.invoke(null, guard, a, b, executor, steps);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
            long end = System.nanoTime();
            double[] cpu = new double[3];
            for (int i = 0; i < 3; i++) {
                cpu[i] = threads[i].cpuSeconds() - cpuStart[i];
            }
            System.out.printf(
                    Locale.ROOT,
                    "  CPU of the server threads: guard %.1f s, first %.1f s, second %.1f s%n",
                    cpu[0],
                    cpu[1],
                    cpu[2]);
            System.out.printf(
                    Locale.ROOT,
                    "TOTAL %.1f s, %.1f s CPU, load average %s%n",
                    (end - start) / 1e9,
                    cpu[0] + cpu[1] + cpu[2],
                    load());
        } finally {
            executor.shutdown();
        }
    }

    /**
     * The MariaDB thread that serves this connection (information_schema.PROCESSLIST.TID) and its CPU time
     * from /proc: on a machine shared with other work the wall time says little, the CPU time of the
     * statement's own thread much more (background flushing and I/O threads are not in it). NaN when the
     * server is not a local process this user can read.
     */
    private record ServerThread(java.nio.file.Path stat) {

        static ServerThread of(Connection c) throws Exception {
            long tid;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT TID FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()")) {
                rs.next();
                tid = rs.getLong(1);
            }
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info()
                            .command()
                            .map(cmd -> cmd.endsWith("/mariadbd"))
                            .orElse(false))
                    .map(p -> new ServerThread(
                            java.nio.file.Path.of("/proc", Long.toString(p.pid()), "task", Long.toString(tid), "stat")))
                    .filter(t -> java.nio.file.Files.isReadable(t.stat()))
                    .findFirst()
                    .orElse(new ServerThread(null));
        }

        /** utime + stime of the thread, in seconds (the kernel counts in ticks of 1/100 s). */
        double cpuSeconds() {
            if (stat == null) {
                return Double.NaN;
            }
            try {
                String line = java.nio.file.Files.readString(stat);
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            } catch (Exception e) {
                return Double.NaN;
            }
        }
    }

    /**
     * Every derived table's row count and a checksum of its content (a sum over rows of the CRC32 of each
     * row's values as text, so independent of the rows' order and of how the table was made): two rebuilds of
     * one data set, by two versions of the code or by the two ways of {@link AggregateRebuild}, must print
     * the same lines. Not CHECKSUM TABLE: on report_funnel, which has a stored generated column (ta,
     * V1_17_0), it gave three different values for three rebuilds of equal rows.
     */
    private static void checksums(Connection c) throws Exception {
        for (String table : TABLES) {
            java.util.List<String> columns = new java.util.ArrayList<>();
            try (java.sql.PreparedStatement s = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS "
                    + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
                s.setString(1, table);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        columns.add("COALESCE(CAST(`" + rs.getString(1) + "` AS CHAR), '\\N')");
                    }
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', "
                            + String.join(", ", columns) + "))), 0) FROM " + table)) {
                rs.next();
                System.out.printf(
                        Locale.ROOT, "  checksum %-22s %,12d rows %20d%n", table, rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private static final java.util.List<String> TABLES = java.util.List.of(
            "report_case_fact",
            "report_party_fact",
            "report_funnel",
            "report_funnel_delta",
            "report_victim_fact",
            "report_runaway_fact",
            "report_care_fact",
            "report_victim_count",
            "overlap_count",
            "registration_count");

    private static long count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .substring(0, 14);
        } catch (Exception e) {
            return "?";
        }
    }
}
