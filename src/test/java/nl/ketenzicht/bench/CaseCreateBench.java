package nl.ketenzicht.bench;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Case creation (and reading) over HTTP against a running application, next to the same rows
 * written with raw JDBC, each with 32 threads. Run by bench/case-create.sh, which starts the app on a
 * scratch database; settings come from system properties:
 * bench.url, bench.admin.user, bench.admin.password, bench.db.url, bench.db.user, bench.db.password,
 * bench.threads (32), bench.seconds (30), bench.warmup (5), bench.only ("http-create" to measure only that).
 */
public final class CaseCreateBench {

    private CaseCreateBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 32);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup", 5);
        URL url = new URL(System.getProperty("bench.url", "http://127.0.0.1:18181/"));
        var partner = BenchLogin.partner(url, System.getProperty("bench.admin.user", "admin"),
                System.getProperty("bench.admin.password"));
        String only = System.getProperty("bench.only", "");
        List<Load.Result> results = new ArrayList<>();
        HttpCases http = new HttpCases(URI.create(url.toString()), partner.token(), threads);
        results.add(report(Load.run("http create (POST)", threads, warmup, seconds, http::create)));
        if (only.equals("http-create")) {
            System.exit(0);
        }
        http.readFromCreated();
        results.add(report(Load.run("http read (GET)", threads, warmup, seconds, http::read)));
        String db = LoadWorld.withBulkOptions(System.getProperty("bench.db.url"));
        try (JdbcCases jdbc = new JdbcCases(db, System.getProperty("bench.db.user"), System.getProperty("bench.db.password"),
                threads, partner.organisationId())) {
            results.add(report(Load.run("jdbc create + log", threads, warmup, seconds, w -> jdbc.create(w, true))));
            results.add(report(Load.run("jdbc create, no log", threads, warmup, seconds, w -> jdbc.create(w, false))));
            results.add(report(Load.run("jdbc read + log", threads, warmup, seconds, w -> jdbc.read(w, true))));
            results.add(report(Load.run("jdbc read, no log", threads, warmup, seconds, w -> jdbc.read(w, false))));
        }
        summary(results);
        // The HTTP client's threads would keep the JVM alive.
        System.exit(0);
    }

    private static Load.Result report(Load.Result r) {
        System.out.println(r.line());
        return r;
    }

    private static void summary(List<Load.Result> r) {
        double httpCreate = r.get(0).perSecond();
        double httpRead = r.get(1).perSecond();
        System.out.println();
        System.out.println("== summary (" + r.get(0).threads() + " clients, " + r.get(0).seconds() + " s each, load "
                + loadAverage() + ") ==");
        r.forEach(x -> System.out.println(x.line()));
        System.out.printf("ratio http/jdbc, create (both with log): %.2f   (aim ≥ 0.30)%n", httpCreate / r.get(2).perSecond());
        System.out.printf("ratio http/jdbc, read (both with log):   %.2f%n", httpRead / r.get(4).perSecond());
        System.out.printf("audit cost, jdbc create: with/without log %.2f;  read: %.2f%n",
                r.get(2).perSecond() / r.get(3).perSecond(), r.get(4).perSecond() / r.get(5).perSecond());
        System.out.printf("aims: http create ≥ 500/s: %s (%.0f/s);  p99 ≤ 50 ms: %s (%.1f ms)%n",
                httpCreate >= 500 ? "met" : "MISSED", httpCreate, r.get(0).p99ms() <= 50 ? "met" : "MISSED", r.get(0).p99ms());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
