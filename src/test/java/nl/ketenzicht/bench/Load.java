package nl.ketenzicht.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one operation from a fixed pool of threads for a warm-up and then a measured period, and
 * reports operations per second and latency percentiles of the measured period only.
 */
final class Load {

    private Load() {
    }

    @FunctionalInterface
    interface Operation {
        /** One operation for worker {@code worker}; throws on failure. */
        void run(int worker) throws Exception;
    }

    static Result run(String name, int threads, int warmupSeconds, int seconds, Operation op) throws InterruptedException {
        return run(name, threads, warmupSeconds, seconds, null, op);
    }

    /** As above, also measuring the CPU the parties spend during the measured period (meter may be null). */
    static Result run(String name, int threads, int warmupSeconds, int seconds, CpuMeter meter, Operation op) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        AtomicLong errors = new AtomicLong();
        StringBuffer firstError = new StringBuffer();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[1 << 20];
            latencies.add(mine);
            int worker = t;
            pool.execute(() -> {
                try {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        try {
                            op.run(worker);
                        } catch (Exception e) {
                            if (errors.incrementAndGet() == 1) firstError.append(e);
                            continue;
                        }
                        long after = System.nanoTime();
                        if (now >= measureFrom && counts[worker] < mine.length) {
                            mine[counts[worker]++] = after - now;
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        CpuMeter.Sample before = null;
        if (meter != null) {
            Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
            before = meter.sample();
        }
        done.await();
        CpuMeter.Usage cpu = before == null ? CpuMeter.Usage.NONE : meter.sample().minus(before);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return Result.of(name, threads, seconds, latencies, counts, errors.get(), firstError.toString(), cpu);
    }

    record Result(String name, int threads, int seconds, long ops, double perSecond, double p50ms, double p99ms,
                  double maxMs, long errors, String firstError, CpuMeter.Usage cpu) {

        static Result of(String name, int threads, int seconds, List<long[]> latencies, int[] counts, long errors, String firstError,
                         CpuMeter.Usage cpu) {
            int n = Arrays.stream(counts).sum();
            long[] all = new long[n];
            int at = 0;
            for (int t = 0; t < counts.length; t++) {
                System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
                at += counts[t];
            }
            Arrays.sort(all);
            return new Result(name, threads, seconds, n, n / (double) seconds, ms(all, 0.50), ms(all, 0.99),
                    n == 0 ? 0 : all[n - 1] / 1e6, errors, firstError, cpu);
        }

        private static double ms(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }

        String line() {
            return String.format("%-26s %3d thr %8.0f ops/s  p50 %7.2f ms  p99 %7.2f ms  max %8.1f ms  (%d ops, %d errors)%s%s",
                    name, threads, perSecond, p50ms, p99ms, maxMs, ops, errors, cpu.perOperation(ops),
                    errors > 0 ? " first: " + firstError : "");
        }
    }
}
