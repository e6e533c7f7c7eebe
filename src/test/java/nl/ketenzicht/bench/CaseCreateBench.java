package nl.ketenzicht.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Case creation (and reading) over HTTP against a running application, next to the same rows
 * written with raw JDBC, each with 32 threads. Run by bench/case-create.sh, which starts the app on a
 * scratch database (as built, without the access log, without the report aggregates) and calls this
 * once per server and finally with phase "summary". Settings come from system properties:
 * bench.url, bench.admin.user, bench.admin.password, bench.db.url, bench.db.user, bench.db.password,
 * bench.threads (32), bench.seconds (30), bench.warmup / bench.warmup.max / bench.warmup.slice /
 * bench.warmup.tolerance (see {@link Load.Warmup}; bench.warmup.jdbc, 40 s, for the JDBC phases), bench.paced (fractions of the measured create rate
 * offered in paced runs, "0.5,0.8"), bench.phases (any of create, read, paced, jdbc, soak, steady; or summary;
 * soak and steady are issue 14's long run, see {@link Soak}: bench.soak.cases, bench.soak.every, bench.steady.minutes),
 * bench.label (the server's variant, e.g. "audit"), bench.results (file the figures are appended to),
 * bench.server.pid and bench.db.pid (for CPU per operation, see {@link CpuMeter}).
 */
public final class CaseCreateBench {

    private CaseCreateBench() {}

    public static void main(String[] args) throws Exception {
        Set<String> phases = Set.of(
                System.getProperty("bench.phases", "create,read,paced,jdbc").split(","));
        Path results = Path.of(System.getProperty("bench.results", "target/bench/case-create-results.tsv"));
        if (phases.contains("summary")) {
            Summary.print(Summary.read(results));
            return;
        }
        int threads = Integer.getInteger("bench.threads", 32);
        int seconds = Integer.getInteger("bench.seconds", 30);
        Load.Warmup warmup = Load.Warmup.fromSystemProperties();
        String label = System.getProperty("bench.label", "audit");
        URL url = new URL(System.getProperty("bench.url", "http://127.0.0.1:18181/"));
        CpuMeter cpu = CpuMeter.fromSystemProperties();
        var partner = BenchLogin.partner(
                url, System.getProperty("bench.admin.user", "admin"), System.getProperty("bench.admin.password"));
        try (HttpCases http = new HttpCases(URI.create(url.toString()), partner.token(), threads)) {
            Load.Result create = null;
            if (phases.contains("create")) {
                create = save(
                        results, label, Load.run("http create (POST)", threads, warmup, seconds, cpu, http::create));
            }
            if (phases.contains("read")) {
                http.readFromCreated();
                save(results, label, Load.run("http read (GET)", threads, warmup, seconds, cpu, http::read));
            }
            if (phases.contains("soak")) {
                Soak.run(
                        http,
                        threads,
                        Long.getLong("bench.server.pid", 0),
                        Integer.getInteger("bench.soak.cases", 50_000),
                        Integer.getInteger("bench.soak.every", 5_000));
            }
            if (phases.contains("steady")) {
                for (Load.Result minute : Soak.steady(
                        http,
                        threads,
                        Integer.getInteger("bench.steady.minutes", 10),
                        cpu,
                        Long.getLong("bench.server.pid", 0))) {
                    save(results, label, minute);
                }
            }
            if (phases.contains("paced") && create != null) {
                // Latency at a sustainable offered load: a closed loop of 32 clients has mean latency 32/rate by
                // Little's law, so its p99 says more about the client count than about the server.
                for (String fraction :
                        System.getProperty("bench.paced", "0.5,0.8").split(",")) {
                    save(
                            results,
                            label,
                            Load.paced(
                                    "http create (POST) paced",
                                    threads,
                                    Double.parseDouble(fraction) * create.perSecond(),
                                    seconds,
                                    cpu,
                                    http::create));
                }
            }
        }
        if (phases.contains("jdbc")) {
            String db = LoadWorld.withBulkOptions(System.getProperty("bench.db.url"));
            // Only the client's JIT warms up here, which takes seconds, not the server's minutes.
            Load.Warmup jdbcWarmup = new Load.Warmup(
                    Integer.getInteger("bench.warmup.jdbc", 40), warmup.maxSeconds(), 10, warmup.tolerance());
            try (JdbcCases jdbc = new JdbcCases(
                    db,
                    System.getProperty("bench.db.user"),
                    System.getProperty("bench.db.password"),
                    threads,
                    partner.organisationId())) {
                save(
                        results,
                        "raw",
                        Load.run(
                                "jdbc create + log + aggregates",
                                threads,
                                jdbcWarmup,
                                seconds,
                                cpu,
                                w -> jdbc.create(w, true, true)));
                save(
                        results,
                        "raw",
                        Load.run("jdbc create + log", threads, jdbcWarmup, seconds, cpu, w -> jdbc.create(w, true)));
                save(
                        results,
                        "raw",
                        Load.run("jdbc create, no log", threads, jdbcWarmup, seconds, cpu, w -> jdbc.create(w, false)));
                jdbc.readFromCreated();
                save(
                        results,
                        "raw",
                        Load.run("jdbc read + log", threads, jdbcWarmup, seconds, cpu, w -> jdbc.read(w, true)));
                save(
                        results,
                        "raw",
                        Load.run("jdbc read, no log", threads, jdbcWarmup, seconds, cpu, w -> jdbc.read(w, false)));
            }
        }
        // The HTTP client's threads would keep the JVM alive.
        System.exit(0);
    }

    private static Load.Result save(Path file, String label, Load.Result r) throws IOException {
        System.out.println("[" + label + "] " + r.line());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Summary.tsv(label, r) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return r;
    }

    /** The figures of all runs side by side, and the ratios the issues ask for. */
    static final class Summary {

        private Summary() {}

        static String tsv(String label, Load.Result r) {
            return String.join(
                    "\t",
                    label,
                    r.name(),
                    String.valueOf(r.threads()),
                    String.valueOf(r.seconds()),
                    String.valueOf(r.ops()),
                    String.valueOf(r.perSecond()),
                    String.valueOf(r.p50ms()),
                    String.valueOf(r.p99ms()),
                    String.valueOf(r.maxMs()),
                    String.valueOf(r.errors()),
                    String.valueOf(r.cpu().app()),
                    String.valueOf(r.cpu().db()),
                    String.valueOf(r.cpu().client()),
                    r.warmup());
        }

        /** The last result per label and name. */
        static Map<String, Load.Result> read(Path file) throws IOException {
            Map<String, Load.Result> byKey = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t");
                var cpu = new CpuMeter.Usage(
                        Double.parseDouble(f[10]), Double.parseDouble(f[11]), Double.parseDouble(f[12]));
                byKey.put(
                        f[0] + "|" + f[1],
                        new Load.Result(
                                f[1],
                                Integer.parseInt(f[2]),
                                Integer.parseInt(f[3]),
                                Long.parseLong(f[4]),
                                Double.parseDouble(f[5]),
                                Double.parseDouble(f[6]),
                                Double.parseDouble(f[7]),
                                Double.parseDouble(f[8]),
                                Long.parseLong(f[9]),
                                "",
                                cpu,
                                f.length > 13 ? f[13] : ""));
            }
            return byKey;
        }

        static void print(Map<String, Load.Result> r) {
            System.out.println("== summary (load average now " + loadAverage() + ") ==");
            r.forEach((key, x) ->
                    System.out.printf("%-8s %s%n", "[" + key.substring(0, key.indexOf('|')) + "]", x.line()));
            Load.Result create = r.get("audit|http create (POST)");
            Load.Result read = r.get("audit|http read (GET)");
            ratio(
                    "http/jdbc create, the same rows: log, aggregates (aim ≥ 0.30)",
                    create,
                    r.get("raw|jdbc create + log + aggregates"));
            ratio("http/jdbc create, logged, jdbc without aggregates", create, r.get("raw|jdbc create + log"));
            ratio(
                    "http without aggregates/jdbc create, both logged",
                    r.get("noaggregates|http create (POST)"),
                    r.get("raw|jdbc create + log"));
            ratio("http/jdbc read, both logged", read, r.get("raw|jdbc read + log"));
            ratio(
                    "audit cost over http, create: with/without log (aim ≥ 0.80)",
                    create,
                    r.get("noaudit|http create (POST)"));
            ratio("audit cost over http, read: with/without log (aim ≥ 0.80)", read, r.get("noaudit|http read (GET)"));
            ratio(
                    "aggregates cost over http, create: with/without (aim ≥ 0.80)",
                    create,
                    r.get("noaggregates|http create (POST)"));
            ratio(
                    "audit cost, jdbc create: with/without log",
                    r.get("raw|jdbc create + log"),
                    r.get("raw|jdbc create, no log"));
            ratio(
                    "audit cost, jdbc read: with/without log",
                    r.get("raw|jdbc read + log"),
                    r.get("raw|jdbc read, no log"));
            if (create != null) {
                System.out.printf(
                        "aims: http create ≥ 500/s: %s (%.0f/s);  p99 ≤ 50 ms: %s (%.1f ms)%n",
                        create.perSecond() >= 500 ? "met" : "MISSED",
                        create.perSecond(),
                        create.p99ms() <= 50 ? "met" : "MISSED",
                        create.p99ms());
            }
            r.forEach((key, x) -> {
                if (key.startsWith("audit|http create (POST) paced")) {
                    System.out.printf(
                            "      paced, %s: p99 %.1f ms (%s the 50 ms aim)%n",
                            x.name().substring(x.name().indexOf("at ")),
                            x.p99ms(),
                            x.p99ms() <= 50 ? "within" : "OVER");
                }
            });
        }

        /** Measured rate a/b, and the same from CPU per operation, which machine load hardly moves. */
        private static void ratio(String what, Load.Result a, Load.Result b) {
            if (a == null || b == null) {
                return;
            }
            double cpuA = a.cpu().perOp(a.ops());
            double cpuB = b.cpu().perOp(b.ops());
            System.out.printf(
                    "%-62s %.2f measured;  %s by CPU per operation%n",
                    what,
                    a.perSecond() / b.perSecond(),
                    cpuA > 0 && cpuB > 0 ? String.format("%.2f", cpuB / cpuA) : "?");
        }

        private static String loadAverage() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            } catch (IOException e) {
                return "?";
            }
        }
    }
}
