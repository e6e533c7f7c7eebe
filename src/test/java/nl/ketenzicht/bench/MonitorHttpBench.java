package nl.ketenzicht.bench;

import java.net.URL;
import java.util.Locale;
import nl.ketenzicht.support.Api;

/**
 * The programme monitor over HTTP (issue 16, acceptance 4), started by bench/report-http.sh with
 * BENCH_CLASS=nl.ketenzicht.bench.MonitorHttpBench on the 1M-case database: a national coordinator asks
 * GET api/monitor?year=Y (all units, the year and its trend) and GET api/monitor/pdf?year=Y one request at a
 * time, after the same warm-up as {@link ReportHttpBench}; bench.year (2023), bench.requests (200; the PDF
 * gets a fifth of them, at least 5). First, as the baseline, the first request of bench.cold.years (1) years, which
 * computes the figures that later requests read from {@code KeptFigures}.
 */
final class MonitorHttpBench {

    public static void main(String[] args) throws Exception {
        URL url = new URL(System.getProperty("bench.url"));
        Api coordinator = BenchLogin.coordinator(
                url, System.getProperty("bench.admin.user", "admin"), System.getProperty("bench.admin.password"));
        int requests = Integer.getInteger("bench.requests", 200);
        String json = "api/monitor?year=" + Integer.getInteger("bench.year", 2023);
        String pdf = "api/monitor/pdf?year=" + Integer.getInteger("bench.year", 2023);
        try (RawHttp http = new RawHttp(url.toURI(), "Cookie: KZ_SESSION=" + coordinator.cookie() + "\r\n")) {
            // The baseline in the same run: the first request of a year computes its figures (every request
            // did before they were kept); bench.cold.years years in a row, the benchmark's year first.
            int year = Integer.getInteger("bench.year", 2023);
            double[] cold = new double[Integer.getInteger("bench.cold.years", 1)];
            for (int i = 0; i < cold.length; i++) {
                String first = "api/monitor?year=" + (year - i);
                long start = System.nanoTime();
                check(http.get(first), first, "\"sections\"");
                cold[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.printf(
                    Locale.ROOT,
                    "HTTP GET api/monitor?year=%d..%d, first request (figures computed): %s; load %s%n",
                    year - cold.length + 1,
                    year,
                    Sequential.summary(
                            java.util.stream.DoubleStream.of(cold).sorted().toArray()),
                    Sequential.load());
            Sequential.Call page = () -> check(http.get(json), json, "\"sections\"");
            Sequential.Call document = () -> check(http.get(pdf, "application/pdf"), pdf, "%PDF");
            System.out.printf(
                    Locale.ROOT,
                    "GET %s: %,d bytes; GET %s: %,d bytes%n",
                    json,
                    http.get(json).body().length(),
                    pdf,
                    http.get(pdf, "application/pdf").body().length());
            System.out.println("HTTP "
                    + Sequential.warmUp(
                            Integer.getInteger("bench.warmup", 60),
                            Integer.getInteger("bench.warmup.max", 300),
                            Integer.getInteger("bench.warmup.slice", 20),
                            Double.parseDouble(System.getProperty("bench.warmup.tolerance", "0.05")),
                            page)
                    + "; load " + Sequential.load());
            System.out.printf(
                    Locale.ROOT,
                    "HTTP GET %-42s %s; load %s%n",
                    json,
                    Sequential.summary(Sequential.time(requests, page)),
                    Sequential.load());
            System.out.printf(
                    Locale.ROOT,
                    "HTTP GET %-42s %s; load %s%n",
                    pdf,
                    Sequential.summary(Sequential.time(Math.max(5, requests / 5), document)),
                    Sequential.load());
        }
    }

    private static void check(RawHttp.Reply r, String path, String expected) {
        if (r.status() != 200 || !r.body().contains(expected)) {
            throw new IllegalStateException("GET " + path + ": " + r.status() + " "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    private MonitorHttpBench() {}
}
