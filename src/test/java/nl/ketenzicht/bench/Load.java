package nl.ketenzicht.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one operation from a fixed pool of threads, first until the rate is steady (the server's JIT
 * takes minutes to settle: a 15 s warm-up measured a third of the steady rate), then for a measured
 * period; reports operations per second and latency percentiles of the measured period only. A paced
 * run offers a fixed rate instead and measures latency from each request's scheduled start, so a
 * stalled server cannot hide its queue (no coordinated omission).
 */
final class Load {

    private Load() {}

    @FunctionalInterface
    interface Operation {
        /** One operation for worker {@code worker}; throws on failure. */
        void run(int worker) throws Exception;
    }

    /**
     * Warm-up until two consecutive slices differ by less than {@code tolerance} (relative), at least
     * {@code minSeconds} and at most {@code maxSeconds}.
     */
    record Warmup(int minSeconds, int maxSeconds, int sliceSeconds, double tolerance) {
        static Warmup fromSystemProperties() {
            return new Warmup(
                    Integer.getInteger("bench.warmup", 120),
                    Integer.getInteger("bench.warmup.max", 300),
                    Integer.getInteger("bench.warmup.slice", 20),
                    Double.parseDouble(System.getProperty("bench.warmup.tolerance", "0.05")));
        }

        static Warmup none() {
            return new Warmup(0, 0, 1, 1);
        }
    }

    /** Closed loop: every thread sends its next request as soon as the previous one is answered. */
    static Result run(String name, int threads, Warmup warmup, int seconds, CpuMeter meter, Operation op)
            throws InterruptedException {
        Workers w = new Workers(threads);
        for (int t = 0; t < threads; t++) {
            int worker = t;
            w.start(() -> {
                long now;
                while ((now = System.nanoTime()) < w.end) {
                    w.record(worker, now, op);
                }
            });
        }
        String warm = w.warmUp(warmup);
        return w.measure(name, seconds, meter, warm);
    }

    /** Open loop: {@code perSecond} requests per second in total, evenly spread over the threads. */
    static Result paced(String name, int threads, double perSecond, int seconds, CpuMeter meter, Operation op)
            throws InterruptedException {
        Workers w = new Workers(threads);
        long interval = (long) (threads * 1e9 / perSecond);
        long origin = System.nanoTime() + 100_000_000L;
        for (int t = 0; t < threads; t++) {
            int worker = t;
            w.start(() -> {
                for (long due = origin + worker * interval / threads; due < w.end; due += interval) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    w.record(worker, due, op);
                }
            });
        }
        w.warmUp(new Warmup(5, 5, 5, 1)); // the server is warm from the closed-loop runs
        return w.measure(String.format("%s at %.0f/s", name, perSecond), seconds, meter, "paced");
    }

    /** The threads of one run, their latencies, and the moments the measured period starts and ends. */
    /** Three rates in a row within the tolerance of each other: the JIT has settled. */
    static boolean steady(List<Double> rates, double tolerance) {
        int n = rates.size();
        if (n < 3) {
            return false;
        }
        List<Double> last = rates.subList(n - 3, n);
        double low = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return low > 0 && high - low < tolerance * low;
    }

    private static final class Workers {
        final int threads;
        final ExecutorService pool;
        final CountDownLatch done;
        final List<long[]> latencies = new ArrayList<>();
        final int[] counts;
        final AtomicLong completed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final StringBuffer firstError = new StringBuffer();
        volatile long measureFrom = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;

        Workers(int threads) {
            this.threads = threads;
            this.pool = Executors.newFixedThreadPool(threads);
            this.done = new CountDownLatch(threads);
            this.counts = new int[threads];
            for (int t = 0; t < threads; t++) {
                latencies.add(new long[1 << 20]);
            }
        }

        void start(Runnable loop) {
            pool.execute(() -> {
                try {
                    loop.run();
                } finally {
                    done.countDown();
                }
            });
        }

        /** Runs the operation; counts its latency from {@code since} when it started inside the measured period. */
        void record(int worker, long since, Operation op) {
            try {
                op.run(worker);
            } catch (Exception e) {
                if (errors.incrementAndGet() == 1) {
                    firstError.append(e);
                }
                return;
            }
            completed.incrementAndGet();
            long[] mine = latencies.get(worker);
            if (since >= measureFrom && counts[worker] < mine.length) {
                mine[counts[worker]++] = System.nanoTime() - since;
            }
        }

        /**
         * Waits until the rate is steady: three slices in a row within the tolerance of each other (a
         * JIT can plateau for a slice or two before its next tier lands). Returns what happened, e.g.
         * "warm-up 220 s (steady): 54 70 94 175 228 257 286 337 403 448 465/s".
         */
        String warmUp(Warmup warmup) throws InterruptedException {
            long started = System.nanoTime();
            List<Double> rates = new ArrayList<>();
            while (true) {
                long before = completed.get();
                Thread.sleep(warmup.sliceSeconds() * 1000L);
                rates.add((completed.get() - before) / (double) warmup.sliceSeconds());
                long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                boolean steady = steady(rates, warmup.tolerance());
                if (elapsed >= warmup.maxSeconds() || (steady && elapsed >= warmup.minSeconds())) {
                    StringBuilder shown = new StringBuilder();
                    rates.forEach(r -> shown.append(' ').append(Math.round(r)));
                    return String.format("warm-up %d s%s:%s/s", elapsed, steady ? " (steady)" : " (NOT steady)", shown);
                }
            }
        }

        Result measure(String name, int seconds, CpuMeter meter, String warm) throws InterruptedException {
            CpuMeter.Sample before = meter == null ? null : meter.sample();
            long from = System.nanoTime();
            end = from + seconds * 1_000_000_000L;
            measureFrom = from;
            done.await();
            CpuMeter.Usage cpu =
                    before == null ? CpuMeter.Usage.NONE : meter.sample().minus(before);
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            return Result.of(name, threads, seconds, latencies, counts, errors.get(), firstError.toString(), cpu, warm);
        }
    }

    record Result(
            String name,
            int threads,
            int seconds,
            long ops,
            double perSecond,
            double p50ms,
            double p99ms,
            double maxMs,
            long errors,
            String firstError,
            CpuMeter.Usage cpu,
            String warmup) {

        static Result of(
                String name,
                int threads,
                int seconds,
                List<long[]> latencies,
                int[] counts,
                long errors,
                String firstError,
                CpuMeter.Usage cpu,
                String warmup) {
            int n = Arrays.stream(counts).sum();
            long[] all = new long[n];
            int at = 0;
            for (int t = 0; t < counts.length; t++) {
                System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
                at += counts[t];
            }
            Arrays.sort(all);
            return new Result(
                    name,
                    threads,
                    seconds,
                    n,
                    n / (double) seconds,
                    ms(all, 0.50),
                    ms(all, 0.99),
                    n == 0 ? 0 : all[n - 1] / 1e6,
                    errors,
                    firstError,
                    cpu,
                    warmup);
        }

        private static double ms(long[] sorted, double q) {
            return sorted.length == 0
                    ? 0
                    : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }

        String line() {
            return String.format(
                    "%-34s %3d thr %8.0f ops/s  p50 %7.2f ms  p99 %7.2f ms  max %8.1f ms  (%d ops, %d errors)%s%s%n      %s",
                    name,
                    threads,
                    perSecond,
                    p50ms,
                    p99ms,
                    maxMs,
                    ops,
                    errors,
                    cpu.perOperation(ops),
                    errors > 0 ? " first: " + firstError : "",
                    warmup);
        }
    }
}
