package nl.ketenzicht.exchange;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark behind bench/exchange.sh (not a test): the open release over every case of a database, as the
 * server makes it (ExchangeRecords in one REPEATABLE READ snapshot, the counting pass, the lattice search,
 * the writing pass), into a counting sink, with its phases timed and the heap's peak reported; the JVM runs
 * with a small -Xmx so that a release that held its records would fail. The baseline is one plain read of
 * the same rows (the counting pass is a read plus counting), so the ratio says what the release adds.
 * Arguments: JDBC URL, user, password, first year, last year.
 */
final class ReleaseBench {

    public static void main(String[] args) throws Exception {
        String url = args[0] + (args[0].contains("?") ? "&" : "?") + "useSSL=false&allowPublicKeyRetrieval=true";
        int from = Integer.parseInt(args[3]);
        int to = Integer.parseInt(args[4]);
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            c.setReadOnly(true);
            long cases;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM case_file WHERE opened_on >= '" + from
                            + "-01-01' AND opened_on < '" + (to + 1) + "-01-01'")) {
                rs.next();
                cases = rs.getLong(1);
            }
            ExchangeRecords records = new ExchangeRecords(c, from, to, ExchangeRecords.Depth.RELEASE);
            long t0 = System.nanoTime();
            long[] persons = {0};
            records.forEach(k -> persons[0] += k.persons().size());
            double read = seconds(t0);
            long t1 = System.nanoTime();
            KAnonymity anon = OpenRelease.counted(records);
            double count = seconds(t1);
            long t2 = System.nanoTime();
            KAnonymity.Plan plan = anon.plan();
            double search = seconds(t2);
            long t3 = System.nanoTime();
            Counting out = new Counting();
            OpenRelease.write(records, anon, plan, out);
            double write = seconds(t3);
            c.commit();
            double release = count + search + write;
            System.out.printf(
                    Locale.ROOT,
                    "cases %d, persons %d, victims %d, released %d, withheld %d (%.2f%%), classes %d, smallest %d, levels %s%n",
                    cases,
                    persons[0],
                    plan.records(),
                    plan.released(),
                    plan.withheld(),
                    100.0 * plan.withheld() / Math.max(1, plan.records()),
                    plan.classes(),
                    plan.smallestClass(),
                    Arrays.toString(plan.levels()));
            System.out.printf(Locale.ROOT, "baseline read of the same rows: %.1f s%n", read);
            System.out.printf(
                    Locale.ROOT,
                    "release: counting pass %.1f s, lattice search %.2f s, writing pass %.1f s, total %.1f s (%.2f x the baseline read); %d bytes of CSV%n",
                    count,
                    search,
                    write,
                    release,
                    release / read,
                    out.bytes);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "heap: max %d MiB, peak used (sum of pools' peaks) %d MiB%n",
                    Runtime.getRuntime().maxMemory() >> 20,
                    peak >> 20);
            System.out.printf(
                    Locale.ROOT,
                    "load average after: %s%n",
                    new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
