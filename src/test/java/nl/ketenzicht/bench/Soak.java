package nl.ketenzicht.bench;

import java.io.IOException;
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

    private Soak() {
    }

    /** The server's live JDBC objects and old generation, right after a full GC. */
    record Heap(long statements, long resultSets, double oldGenMb, long fullGcs, double fullGcSeconds) {
        static Heap of(long pid) throws IOException, InterruptedException {
            long statements = 0;
            long resultSets = 0;
            for (String line : run("jcmd", String.valueOf(pid), "GC.class_histogram").split("\n")) {
                Matcher m = ROW.matcher(line);
                if (m.find() && m.group(2).startsWith("com.mysql.cj.jdbc.")) {
                    String type = m.group(2);
                    if (type.endsWith("StatementImpl") || type.endsWith("PreparedStatement") || type.endsWith("CallableStatement")) {
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
            return new Heap(statements, resultSets, oldKb / 1024, Long.parseLong(values[names.indexOf("FGC")]),
                    Double.parseDouble(values[names.indexOf("FGCT")]));
        }

        String line() {
            return String.format("statements %6d  result sets %6d  old gen %7.1f MB  full GCs %4d (%.1f s)",
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
                createAll(http, pool, threads, slice);
                double rate = slice / ((System.nanoTime() - start) / 1e9);
                Heap h = Heap.of(serverPid);
                heaps.add(h);
                System.out.printf("[soak] %,7d cases  %5.0f/s  %s%n", done + slice, rate, h.line());
            }
        } finally {
            pool.shutdownNow();
        }
        // Past the first slice every pooled connection is open and every cache filled: from there on, flat.
        Heap settled = heaps.get(0);
        Heap last = heaps.get(heaps.size() - 1);
        long statementGrowth = heaps.stream().mapToLong(Heap::statements).max().orElse(0) - settled.statements();
        double oldGrowth = heaps.stream().mapToDouble(Heap::oldGenMb).max().orElse(0) - settled.oldGenMb();
        System.out.printf("[soak] after the first %,d: statements grew by at most %d, old generation by at most %.1f MB; "
                        + "%d full GCs in all (%.1f s) -> %s%n", every, statementGrowth, oldGrowth, last.fullGcs(), last.fullGcSeconds(),
                statementGrowth <= 10 && oldGrowth <= 32 ? "FLAT" : "GROWING");
    }

    private static void createAll(HttpCases http, ExecutorService pool, int threads, int n) throws Exception {
        AtomicInteger left = new AtomicInteger(n);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    http.create(worker);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
    }

    /** The create benchmark in one-minute slices on the warm server: the rate of each, and how far they spread. */
    static List<Load.Result> steady(HttpCases http, int threads, int minutes, CpuMeter cpu) throws InterruptedException {
        List<Load.Result> slices = new ArrayList<>();
        for (int m = 1; m <= minutes; m++) {
            Load.Result r = Load.run("http create, minute " + m, threads, Load.Warmup.none(), 60, cpu, http::create);
            System.out.println("[steady] " + r.line());
            slices.add(r);
        }
        double low = slices.stream().mapToDouble(Load.Result::perSecond).min().orElse(0);
        double high = slices.stream().mapToDouble(Load.Result::perSecond).max().orElse(0);
        double first = slices.get(0).perSecond();
        double lastRate = slices.get(slices.size() - 1).perSecond();
        System.out.printf("[steady] %d minutes: %.0f to %.0f creations/s per minute (first %.0f, last %.0f; last/first %.2f)%n",
                minutes, low, high, first, lastRate, lastRate / first);
        return slices;
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
