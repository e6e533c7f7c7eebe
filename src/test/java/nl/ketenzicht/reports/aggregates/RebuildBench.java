package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Times {@link AggregateRebuild} on a loaded database, step by step, in one transaction as the
 * application runs it (bench/rebuild.sh):
 * {@code java ... RebuildBench <jdbc-url> <user> <password> [rounds] [--checks]}. The first round
 * after a bulk load finds the derived tables empty; later rounds replace a full set. With --checks
 * the session keeps unique and foreign-key checks on (row-by-row inserts), for comparison.
 */
public final class RebuildBench {

    private RebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        boolean bulk = !String.join(" ", args).contains("--checks");
        try (Connection c = DriverManager.getConnection(args[0] + "?allowPublicKeyRetrieval=true&useSSL=false", args[1], args[2])) {
            System.out.println("cases: " + count(c, "case_file") + ", parties: " + count(c, "party") + ", chain events: "
                    + count(c, "chain_event") + ", runaway episodes: " + count(c, "runaway_episode") + ", care referrals: "
                    + count(c, "care_referral") + ", registrations: " + count(c, "registration"));
            for (int round = 1; round <= rounds; round++) {
                System.out.printf(Locale.ROOT, "round %d (%s), load average %s%n", round, bulk ? "bulk inserts" : "checks on", load());
                c.setAutoCommit(false);
                long start = System.nanoTime();
                AggregateRebuild.run(c, (step, rows, took) -> System.out.printf(Locale.ROOT, "  %-40s %,12d rows %10.1f s%n",
                        step, rows, took.toMillis() / 1000.0), bulk);
                long commit = System.nanoTime();
                c.commit();
                long end = System.nanoTime();
                c.setAutoCommit(true);
                System.out.printf(Locale.ROOT, "  %-40s %12s      %10.1f s%n  %-40s %12s      %10.1f s%n", "commit", "",
                        (end - commit) / 1e9, "TOTAL", "", (end - start) / 1e9);
            }
        }
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).substring(0, 14);
        } catch (Exception e) {
            return "?";
        }
    }
}
