package nl.ketenzicht.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One caller, one request at a time: the latency a single coordinator sees. Warms up in slices until
 * three in a row agree on the rate (the same rule as {@link Load}), then times a fixed number of
 * calls. Shared by the in-process and the HTTP report benchmarks so that their figures compare.
 */
public final class Sequential {

    private Sequential() {}

    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    /**
     * Runs the calls round-robin in slices of {@code sliceSeconds} until three consecutive slices lie
     * within {@code tolerance} of each other, at least {@code minSeconds} and at most {@code maxSeconds}.
     * Returns what happened, e.g. "warm-up 100 s (steady): 9.1 14.3 15.0 15.2 15.1/s".
     */
    public static String warmUp(int minSeconds, int maxSeconds, int sliceSeconds, double tolerance, Call... calls)
            throws Exception {
        long started = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        while (true) {
            long sliceEnd = System.nanoTime() + sliceSeconds * 1_000_000_000L;
            long n = 0;
            while (System.nanoTime() < sliceEnd) {
                calls[(int) (n++ % calls.length)].run();
            }
            rates.add(n / (double) sliceSeconds);
            long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
            boolean steady = Load.steady(rates, tolerance);
            if (elapsed >= maxSeconds || (steady && elapsed >= minSeconds)) {
                StringBuilder shown = new StringBuilder();
                rates.forEach(r -> shown.append(String.format(Locale.ROOT, " %.1f", r)));
                return String.format(
                        Locale.ROOT,
                        "warm-up %d s%s:%s calls/s",
                        elapsed,
                        steady ? " (steady)" : " (NOT steady)",
                        shown);
            }
        }
    }

    /** Latencies of {@code n} calls in a row, sorted, in ms. */
    public static double[] time(int n, Call call) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** The nearest-rank quantile of sorted values. */
    public static double quantile(double[] sorted, double q) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** "min 48.1 median 52.3 p90 57.0 max 80.2 ms (200 calls)". */
    public static String summary(double[] sorted) {
        return String.format(
                Locale.ROOT,
                "min %.1f  median %.1f  p90 %.1f  max %.1f ms (%d calls)",
                sorted[0],
                median(sorted),
                quantile(sorted, 0.90),
                sorted[sorted.length - 1],
                sorted.length);
    }

    /** The 1, 5 and 15 minute load averages, for the record next to each figure. */
    public static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
