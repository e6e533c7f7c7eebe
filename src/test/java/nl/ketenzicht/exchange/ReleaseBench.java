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
import java.util.List;
import java.util.Locale;
import nl.ketenzicht.shared.Years;

/**
 * Benchmark behind bench/exchange.sh (not a test): the exchange's files over every case of a database, as
 * the server makes them (one REPEATABLE READ snapshot, the same classes), into a counting sink, timed per
 * phase with the heap's peak per phase; the JVM runs with a small -Xmx so that a file that held its records
 * would fail. Phases (arguments after the first five, default all): {@code read} (the release's query alone,
 * the baseline), {@code release} (counting pass, lattice search, writing), {@code glotip} (the tables of the
 * last year as XLSX, once from every case since 2000 as before and once from the cases the year counts, their
 * figures compared), {@code htcds} (JSON and CSV of the span). Arguments: JDBC URL, user, password, first
 * year, last year, phases.
 */
final class ReleaseBench {

    public static void main(String[] args) throws Exception {
        String url = args[0] + (args[0].contains("?") ? "&" : "?") + "useSSL=false&allowPublicKeyRetrieval=true";
        int from = Integer.parseInt(args[3]);
        int to = Integer.parseInt(args[4]);
        List<String> phases = args.length > 5
                ? Arrays.asList(args).subList(5, args.length)
                : List.of("read", "release", "glotip", "htcds");
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT COUNT(*), MAX(YEAR(opened_on)) FROM case_file WHERE opened_on >= '"
                                    + from + "-01-01' AND opened_on < '" + (to + 1) + "-01-01'")) {
                rs.next();
                System.out.printf(Locale.ROOT, "cases %d opened %d..%d%n", rs.getLong(1), from, to);
                to = Math.min(to, rs.getInt(2));
            }
            int last = to;
            double read = 0;
            if (phases.contains("read")) {
                long[] victims = {0};
                read = phase("read (the release's query, baseline)", () -> {
                    new ReleaseVictims(c, from, last).forEach(v -> victims[0]++);
                    return victims[0] + " victims";
                });
            }
            if (phases.contains("release")) {
                ReleaseCounts[] counts = {null};
                KAnonymity.Plan[] plan = {null};
                double count = phase("release: counting pass", () -> {
                    counts[0] = OpenRelease.count(new ReleaseVictims(c, from, last));
                    return counts[0].records() + " victims, " + counts[0].distinctRows() + " distinct rows, "
                            + counts[0].combinations() + " combinations of quasi-identifiers";
                });
                double search = phase("release: lattice search", () -> {
                    plan[0] = counts[0].plan();
                    KAnonymity.Plan p = plan[0];
                    return String.format(
                            Locale.ROOT,
                            "levels %s, released %d, withheld %d (%.2f%%), classes %d, smallest %d, %d of %d nodes tried",
                            Arrays.toString(p.levels()),
                            p.released(),
                            p.withheld(),
                            100.0 * p.withheld() / Math.max(1, p.records()),
                            p.classes(),
                            p.smallestClass(),
                            p.nodesTried(),
                            KAnonymity.nodes(OpenRelease.QUASI_IDENTIFIERS.stream()
                                            .mapToInt(KAnonymity.Hierarchy::top)
                                            .toArray())
                                    .size());
                });
                double write = phase("release: writing", () -> {
                    Counting out = new Counting();
                    counts[0].write(plan[0], out);
                    return out.bytes + " bytes of CSV";
                });
                double total = count + search + write;
                System.out.printf(
                        Locale.ROOT,
                        "release total %.1f s%s%n",
                        total,
                        read > 0 ? String.format(Locale.ROOT, " (%.2f x the baseline read)", total / read) : "");
            }
            if (phases.contains("glotip")) {
                // Before and after in one run: every case opened since 2000 read, then only those the year counts.
                GlotipTables[] before = {null};
                phase("glotip " + last + ", every case " + Years.MIN + ".." + last + " read", () -> {
                    before[0] = new GlotipTables(last);
                    new ExchangeRecords(c, Years.MIN, last).forEach(before[0]::add);
                    Counting out = new Counting();
                    GlotipWorkbook.write(before[0], out);
                    return out.bytes + " bytes of XLSX";
                });
                phase("glotip " + last + ", the cases it counts read", () -> {
                    GlotipTables t = new GlotipTables(last);
                    long[] cases = {0};
                    ExchangeRecords.activeIn(c, Years.MIN, last).forEach(k -> {
                        cases[0]++;
                        t.add(k);
                    });
                    Counting out = new Counting();
                    GlotipWorkbook.write(t, out);
                    return out.bytes + " bytes of XLSX, " + cases[0] + " cases read, figures "
                            + (sameFigures(before[0], t) ? "identical" : "DIFFERENT");
                });
            }
            if (phases.contains("htcds")) {
                for (boolean json : new boolean[] {true, false}) {
                    phase("htcds " + (json ? "json" : "csv"), () -> {
                        Counting out = new Counting();
                        try (HtcdsWriter w = json ? HtcdsWriter.json(out, from, last) : HtcdsWriter.csv(out)) {
                            new ExchangeRecords(c, from, last).forEach(w);
                        }
                        return out.bytes + " bytes";
                    });
                }
            }
            c.commit();
            System.out.printf(
                    Locale.ROOT,
                    "heap max %d MiB; load average after: %s%n",
                    Runtime.getRuntime().maxMemory() >> 20,
                    new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
        }
    }

    private static boolean sameFigures(GlotipTables a, GlotipTables b) {
        for (GlotipTables.Measure m : GlotipTables.Measure.values()) {
            for (GlotipTables.Breakdown d : GlotipTables.Breakdown.values()) {
                if (!Arrays.deepEquals(a.trueCounts(m, d), b.trueCounts(m, d))
                        || !a.published(m, d).equals(b.published(m, d))) {
                    return false;
                }
            }
        }
        return a.publishedArticles().keySet().equals(b.publishedArticles().keySet())
                && a.publishedArticles().entrySet().stream()
                        .allMatch(e -> Arrays.equals(
                                e.getValue(), b.publishedArticles().get(e.getKey())));
    }

    interface Work {
        String run() throws Exception;
    }

    /** Runs and prints one phase: seconds, what it made, the heap's peak during it (sum of the pools' peaks). */
    private static double phase(String name, Work work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t = System.nanoTime();
        String made = work.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : pools) {
            peak += p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "%-45s %7.2f s  heap peak %4d MiB  %s%n", name, seconds, peak >> 20, made);
        return seconds;
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
