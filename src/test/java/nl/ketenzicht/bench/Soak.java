package nl.ketenzicht.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 14, acceptance 1: a long run of creations in one server holds memory flat. Creates
 * bench.soak.cases (50,000) cases over HTTP and, after every bench.soak.every (5,000), takes the
 * server's class histogram ({@code jcmd <pid> GC.class_histogram}, which first runs a full GC) and
 * its old generation after that GC ({@code jstat -gc}): the live JDBC statements and result sets and
 * the old generation must not grow with the number of cases. Before the fix, every creation left one
 * statement and its result set, and at ~38,000 the old generation was full and throughput had fallen
 * from 356 to 64 per second. Then {@link #steady} runs the create benchmark for bench.steady.minutes
 * (10) one-minute slices on the same, warm server, whose rates must stay level.
 */
final class Soak {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(\\S+)");

    private Soak() {}

    /** The server's live JDBC objects and old generation, right after a full GC. */
    record Heap(long statements, long resultSets, double oldGenMb, long fullGcs, double fullGcSeconds) {
        static Heap of(long pid) throws IOException, InterruptedException {
            long statements = 0;
            long resultSets = 0;
            for (String line :
                    run("jcmd", String.valueOf(pid), "GC.class_histogram").split("\n")) {
                Matcher m = ROW.matcher(line);
                if (m.find() && m.group(2).startsWith("com.mysql.cj.jdbc.")) {
                    String type = m.group(2);
                    if (type.endsWith("StatementImpl")
                            || type.endsWith("PreparedStatement")
                            || type.endsWith("CallableStatement")) {
                        statements += Long.parseLong(m.group(1));
                    } else if (type.endsWith("ResultSetImpl")) {
                        resultSets += Long.parseLong(m.group(1));
                    }
                }
            }
            String[] gc = run("jstat", "-gc", String.valueOf(pid)).strip().split("\n");
            List<String> names = List.of(gc[0].trim().split("\\s+"));
            String[] values = gc[1].trim().split("\\s+");
            double oldKb = Double.parseDouble(values[names.indexOf("OU")]);
            return new Heap(
                    statements,
                    resultSets,
                    oldKb / 1024,
                    Long.parseLong(values[names.indexOf("FGC")]),
                    Double.parseDouble(values[names.indexOf("FGCT")]));
        }

        String line() {
            return String.format(
                    "statements %6d  result sets %6d  old gen %7.1f MB  full GCs %4d (%.1f s)",
                    statements, resultSets, oldGenMb, fullGcs, fullGcSeconds);
        }
    }

    /** Creates the cases in slices, with the server's heap after each; prints a line per slice and the verdict. */
    static void run(HttpCases http, int threads, long serverPid, int cases, int every) throws Exception {
        if (serverPid <= 0) {
            throw new IllegalStateException("the soak needs bench.server.pid for jcmd and jstat");
        }
        Heap first = Heap.of(serverPid);
        System.out.printf("[soak] %,7d cases  %7s  %s%n", 0, "", first.line());
        List<Heap> heaps = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int done = 0; done < cases; done += every) {
                int slice = Math.min(every, cases - done);
                long start = System.nanoTime();
                Failures failures = createAll(http, pool, threads, slice);
                double rate = slice / ((System.nanoTime() - start) / 1e9);
                Heap h = Heap.of(serverPid);
                heaps.add(h);
                System.out.printf(
                        "[soak] %,7d cases  %5.0f/s  %s  load %s%s%n",
                        done + slice, rate, h.line(), loadAverage(), failures);
            }
        } finally {
            pool.shutdownNow();
        }
        // Past the first slice every pooled connection is open and every cache filled: from there on, flat.
        Heap settled = heaps.get(0);
        Heap last = heaps.get(heaps.size() - 1);
        long statementGrowth = heaps.stream().mapToLong(Heap::statements).max().orElse(0) - settled.statements();
        double oldGrowth = heaps.stream().mapToDouble(Heap::oldGenMb).max().orElse(0) - settled.oldGenMb();
        System.out.printf(
                "[soak] after the first %,d: statements grew by at most %d, old generation by at most %.1f MB; "
                        + "%d full GCs in all (%.1f s) -> %s%n",
                every,
                statementGrowth,
                oldGrowth,
                last.fullGcs(),
                last.fullGcSeconds(),
                statementGrowth <= 10 && oldGrowth <= 32 ? "FLAT" : "GROWING");
    }

    /**
     * Creates n cases; a refused creation is counted and tried again (the count of 201s is what the
     * slice reports), so that one failure of the shared machine does not end a run of an hour.
     * Returns the failures, with the first one's answer.
     */
    private static Failures createAll(HttpCases http, ExecutorService pool, int threads, int n) throws Exception {
        AtomicInteger left = new AtomicInteger(n);
        Failures failures = new Failures();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        http.create(worker);
                    } catch (IllegalStateException refused) {
                        failures.add(refused);
                        left.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        return failures;
    }

    /** Refused creations of a slice: how many, and the first answer. */
    static final class Failures {
        private final AtomicInteger count = new AtomicInteger();
        private volatile String first;

        void add(RuntimeException e) {
            if (count.getAndIncrement() == 0) {
                first = e.getMessage().length() > 300 ? e.getMessage().substring(0, 300) : e.getMessage();
            }
        }

        @Override
        public String toString() {
            return count.get() == 0 ? "" : "  (" + count.get() + " refused, first: " + first + ")";
        }
    }

    /**
     * The create benchmark in one-minute slices on the warm server: the rate of each, and how far they
     * spread. Between the slices (outside the measured minute) the server's live JDBC statements and
     * old generation after a full GC; with each slice the machine's load average and how much of the
     * two cores the server, the database and everything else used, so that a rate that moves can be
     * told apart: the application's own cost per creation, or other processes on the machine.
     */
    static List<Load.Result> steady(HttpCases http, int threads, int minutes, CpuMeter cpu, long serverPid)
            throws IOException, InterruptedException {
        List<Load.Result> slices = new ArrayList<>();
        List<Heap> heaps = new ArrayList<>();
        Heap start = Heap.of(serverPid);
        System.out.printf("[steady] before      %s  load %s%n", start.line(), loadAverage());
        for (int m = 1; m <= minutes; m++) {
            double[] machineBefore = machineCpuSeconds();
            Load.Result r = Load.run("http create, minute " + m, threads, Load.Warmup.none(), 60, cpu, http::create);
            double[] machineAfter = machineCpuSeconds();
            double busy = machineAfter[0] - machineBefore[0];
            double app = Math.max(r.cpu().app(), 0);
            double db = Math.max(r.cpu().db(), 0);
            double client = Math.max(r.cpu().client(), 0);
            String load = loadAverage();
            Heap h = Heap.of(serverPid);
            heaps.add(h);
            System.out.println("[steady] " + r.line());
            System.out.printf(
                    "[steady] minute %2d  load %s  machine busy %.1f of %.0f core-s: server %.1f, database %.1f, client %.1f, others %.1f%n",
                    m,
                    load,
                    busy,
                    machineAfter[1] - machineBefore[1],
                    app,
                    db,
                    client,
                    Math.max(busy - app - db - client, 0));
            System.out.printf("[steady] minute %2d  %s%n", m, h.line());
            slices.add(r);
        }
        double low = slices.stream().mapToDouble(Load.Result::perSecond).min().orElse(0);
        double high = slices.stream().mapToDouble(Load.Result::perSecond).max().orElse(0);
        double first = slices.get(0).perSecond();
        double lastRate = slices.get(slices.size() - 1).perSecond();
        long statementGrowth = heaps.stream().mapToLong(Heap::statements).max().orElse(0) - start.statements();
        double oldGrowth = heaps.stream().mapToDouble(Heap::oldGenMb).max().orElse(0) - start.oldGenMb();
        System.out.printf(
                "[steady] %d minutes: %.0f to %.0f creations/s per minute (first %.0f, last %.0f; last/first %.2f); "
                        + "statements grew by at most %d, old generation by at most %.1f MB -> %s%n",
                minutes,
                low,
                high,
                first,
                lastRate,
                lastRate / first,
                statementGrowth,
                oldGrowth,
                statementGrowth <= 10 && oldGrowth <= 32 ? "FLAT" : "GROWING");
        return slices;
    }

    /** /proc/loadavg's three averages. */
    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /** Seconds of CPU busy and in all, summed over the machine's cores, from /proc/stat (USER_HZ 100). */
    private static double[] machineCpuSeconds() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
        for (int i = 1; i <= 8 && i < f.length; i++) { // user .. steal; guest time is already in user
            total += Long.parseLong(f[i]);
        }
        return new double[] {(total - idle) / 100.0, total / 100.0};
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
