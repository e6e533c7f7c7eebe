package nl.ketenzicht.bench;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import nl.ketenzicht.support.Api;

/**
 * Measures 1 and 2 over HTTP as one coordinator sees them (bench/report-http.sh starts the server on
 * the 1M-case database): a national coordinator, logged in with password and TOTP, asks
 * GET api/reports/{dependency,clients}?level=POLICE_UNIT (all years, the default period) one request
 * at a time on a kept-alive connection. Warms up until three 20 s slices agree within 5 %, then
 * times bench.requests (200) requests per report. Every answer must be 200 with the regions in it.
 * System properties: bench.url, bench.admin.user, bench.admin.password, bench.admin.totp-file,
 * bench.requests, bench.warmup (60), bench.warmup.max (300), bench.warmup.slice (20), bench.warmup.tolerance (0.05).
 */
final class ReportHttpBench {

    static final List<String> PATHS =
            List.of("api/reports/dependency?level=POLICE_UNIT", "api/reports/clients?level=POLICE_UNIT");

    public static void main(String[] args) throws Exception {
        URL url = new URL(System.getProperty("bench.url"));
        Api coordinator = BenchLogin.coordinator(
                url, System.getProperty("bench.admin.user", "admin"), System.getProperty("bench.admin.password"));
        int requests = Integer.getInteger("bench.requests", 200);
        try (RawHttp http = new RawHttp(url.toURI(), "Cookie: KZ_SESSION=" + coordinator.cookie() + "\r\n")) {
            Sequential.Call[] calls = PATHS.stream()
                    .map(p -> (Sequential.Call) () -> get(http, p))
                    .toArray(Sequential.Call[]::new);
            for (String p : PATHS) {
                RawHttp.Reply r = http.get(p);
                System.out.printf(
                        Locale.ROOT,
                        "GET %s: %d, %,d bytes of JSON%n",
                        p,
                        r.status(),
                        r.body().length());
            }
            System.out.println("HTTP "
                    + Sequential.warmUp(
                            Integer.getInteger("bench.warmup", 60),
                            Integer.getInteger("bench.warmup.max", 300),
                            Integer.getInteger("bench.warmup.slice", 20),
                            Double.parseDouble(System.getProperty("bench.warmup.tolerance", "0.05")),
                            calls)
                    + "; load " + Sequential.load());
            for (int i = 0; i < PATHS.size(); i++) {
                double[] ms = Sequential.time(requests, calls[i]);
                System.out.printf(
                        Locale.ROOT,
                        "HTTP GET %-42s %s; load %s%n",
                        PATHS.get(i),
                        Sequential.summary(ms),
                        Sequential.load());
            }
        }
    }

    /** One request; anything but a full report fails the run rather than timing an error page. */
    private static void get(RawHttp http, String path) throws Exception {
        RawHttp.Reply r = http.get(path);
        if (r.status() != 200 || !r.body().contains("\"regions\"")) {
            throw new IllegalStateException("GET " + path + ": " + r.status() + " "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    private ReportHttpBench() {}
}
