package nl.ketenzicht.bench;

import java.net.URL;
import java.util.Locale;
import nl.ketenzicht.support.Api;

/**
 * The programme monitor over HTTP (issue 16, acceptance 4), started by bench/report-http.sh with
 * BENCH_CLASS=nl.ketenzicht.bench.MonitorHttpBench on the 1M-case database: a national coordinator asks
 * GET api/monitor?year=Y (all units, the year and its trend) and GET api/monitor/pdf?year=Y one request at a
 * time, after the same warm-up as {@link ReportHttpBench}; bench.year (2023), bench.requests (200; the PDF
 * gets a fifth of them, at least 5).
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
