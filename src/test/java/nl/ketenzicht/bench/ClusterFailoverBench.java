package nl.ketenzicht.bench;

import static nl.ketenzicht.support.ChainData.aCase;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.ketenzicht.reports.aggregates.AggregateRebuild;
import nl.ketenzicht.reports.aggregates.CounterCheck;
import nl.ketenzicht.support.Api;

/**
 * Issue 19: a bounded load through HAProxy while one node is killed (bench/cluster-failover.sh). Writers
 * create cases with a unique Idempotency-Key each and repeat a failed request with the same key, as a
 * partner system should; readers list cases with a logged-in session. At {@code bench.kill.at} seconds
 * the command {@code bench.kill} runs (kill -9 of a Payara or Galera node). Afterwards: every answered
 * case exists exactly once, no reader was told to log in again, the error burst, rates and latencies
 * before, during and after, the access log's chain, and the report counters against a recount.
 * Exits 1 when a check fails.
 */
public final class ClusterFailoverBench {

    private record Outcome(long at, int status, long micros, boolean write) {}

    public static void main(String[] args) throws Exception {
        URL base = new URL(System.getProperty("bench.url", "http://127.0.0.1:16080/"));
        String adminPassword = System.getProperty("bench.admin.password");
        String kill = System.getProperty("bench.kill", "");
        int seconds = Integer.getInteger("bench.seconds", 45);
        int killAt = Integer.getInteger("bench.kill.at", 15);
        int writers = Integer.getInteger("bench.writers", 4);
        int readers = Integer.getInteger("bench.readers", 2);

        Api admin = BenchLogin.admin(base, "admin", adminPassword);
        BenchLogin.Partner partner = BenchLogin.partner(base, admin);
        Api token = new Api(base).withBearer(partner.token());
        Api session = BenchLogin.user(base, admin, "CASEWORKER", partner.organisationId());
        Api auditor = BenchLogin.user(base, admin, "AUDITOR", partner.organisationId());

        java.sql.Timestamp since;
        try (Connection c = database()) {
            since = LeaseJournal.now(c);
        }
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        for (int i = 0; i < writers; i++) {
            pool.submit(() -> write(token, t0, end, outcomes, acknowledged));
        }
        for (int i = 0; i < readers; i++) {
            pool.submit(() -> read(session, t0, end, outcomes));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(killAt));
        long killedAt = System.nanoTime() - t0;
        if (!kill.isBlank()) {
            int rc = new ProcessBuilder("bash", "-c", kill).inheritIO().start().waitFor();
            System.out.printf("killed at %.1f s: %s (exit %d)%n", killedAt / 1e9, kill, rc);
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);

        List<String> failures = new ArrayList<>();
        report(new ArrayList<>(outcomes), killedAt, seconds, failures);
        check(partner.organisationId(), acknowledged, since, failures);
        Api.Reply chain = verification(auditor);
        System.out.println("audit chain: " + chain.status() + " " + chain.body());
        if (chain.status() != 200 || !chain.json().get("intact").asBoolean()) {
            failures.add("the access log's chain does not verify");
        }
        System.out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : "FAILED: " + failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** The chain's verification, asked again after a 503 as its Retry-After says (a failover may still settle), for up to a minute. */
    private static Api.Reply verification(Api auditor) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Api.Reply r = auditor.get("api/audit/verification");
        while (r.status() == 503 && System.nanoTime() < giveUp) {
            System.out.println("audit chain: 503, asking again: " + r.body());
            Thread.sleep(
                    1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
            r = auditor.get("api/audit/verification");
        }
        return r;
    }

    /** One case per key; a failed attempt is repeated with the same key until it is answered 201. */
    private static void write(Api api, long t0, long end, ConcurrentLinkedQueue<Outcome> out, Map<String, Long> acked) {
        while (System.nanoTime() < end) {
            String key = UUID.randomUUID().toString();
            long giveUp = end + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < giveUp) {
                long start = System.nanoTime();
                int status = call(() -> api.post("api/cases", aCase(), Map.of("Idempotency-Key", key)), acked, key);
                out.add(new Outcome(start - t0, status, (System.nanoTime() - start) / 1000, true));
                if (status == 201) {
                    break;
                }
                pause(100);
            }
        }
    }

    private static void read(Api api, long t0, long end, ConcurrentLinkedQueue<Outcome> out) {
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int status = call(() -> api.get("api/cases?limit=5"), null, null);
            out.add(new Outcome(start - t0, status, (System.nanoTime() - start) / 1000, false));
            pause(status == 200 ? 20 : 100);
        }
    }

    private static int call(java.util.function.Supplier<Api.Reply> request, Map<String, Long> acked, String key) {
        try {
            Api.Reply r = request.get();
            if (r.status() == 201 && acked != null) {
                acked.put(key, r.json().get("id").asLong());
            }
            return r.status();
        } catch (RuntimeException connectionLost) {
            return 0;
        }
    }

    private static void report(List<Outcome> all, long killedAt, int seconds, List<String> failures) {
        all.sort((a, b) -> Long.compare(a.at(), b.at()));
        List<Outcome> errors =
                all.stream().filter(o -> o.status() != 200 && o.status() != 201).toList();
        long reLogins = all.stream().filter(o -> o.status() == 401).count();
        System.out.printf(
                "%d requests, %d failed (%s), %d answered 401%n",
                all.size(),
                errors.size(),
                errors.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting())),
                reLogins);
        if (reLogins > 0) {
            failures.add(reLogins + " requests were told to log in again");
        }
        double burst = errors.isEmpty()
                ? 0
                : (errors.get(errors.size() - 1).at() - errors.get(0).at()) / 1e9;
        System.out.printf(
                "error burst: %.2f s (first error at %.2f s, kill at %.2f s)%n",
                burst, errors.isEmpty() ? 0 : errors.get(0).at() / 1e9, killedAt / 1e9);
        Double limit = Double.valueOf(System.getProperty("bench.burst.limit", "2"));
        if (burst > limit) {
            failures.add(String.format("error burst %.2f s > %.1f s", burst, limit));
        }
        long k = killedAt;
        phase("before", all, 0, k);
        phase("during (kill + 10 s)", all, k, k + TimeUnit.SECONDS.toNanos(10));
        phase("after", all, k + TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(seconds));
    }

    private static void phase(String name, List<Outcome> all, long from, long to) {
        List<Outcome> in =
                all.stream().filter(o -> o.at() >= from && o.at() < to).toList();
        double secs = Math.max(1e-9, (to - from) / 1e9);
        long[] micros = in.stream()
                .filter(o -> o.status() == 200 || o.status() == 201)
                .mapToLong(Outcome::micros)
                .sorted()
                .toArray();
        System.out.printf(
                "%-22s writes %6.1f/s  reads %6.1f/s  errors %4d  p50 %7.1f ms  p99 %7.1f ms%n",
                name,
                in.stream().filter(o -> o.write() && o.status() == 201).count() / secs,
                in.stream().filter(o -> !o.write() && o.status() == 200).count() / secs,
                in.stream().filter(o -> o.status() != 200 && o.status() != 201).count(),
                micros.length == 0 ? 0 : micros[micros.length / 2] / 1000.0,
                micros.length == 0 ? 0 : micros[Math.min(micros.length - 1, micros.length * 99 / 100)] / 1000.0);
    }

    /** Every answered case exists exactly once; the organisation has no case that was never answered. */
    private static void check(
            long organisation, Map<String, Long> acked, java.sql.Timestamp since, List<String> failures)
            throws Exception {
        try (Connection c = database()) {
            long stored;
            try (PreparedStatement s =
                    c.prepareStatement("SELECT COUNT(*) FROM case_file WHERE owner_organisation_id = ?")) {
                s.setLong(1, organisation);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    stored = rs.getLong(1);
                }
            }
            long distinct = acked.values().stream().distinct().count();
            long present;
            String ids = acked.values().stream().map(String::valueOf).collect(Collectors.joining(","));
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT COUNT(*) FROM case_file WHERE id IN (" + (ids.isEmpty() ? "0" : ids) + ")");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                present = rs.getLong(1);
            }
            System.out.printf(
                    "cases answered 201: %d keys, %d distinct ids; present: %d; stored for the organisation: %d%n",
                    acked.size(), distinct, present, stored);
            if (present != distinct) {
                failures.add((distinct - present) + " acknowledged cases are lost");
            }
            if (distinct != acked.size() || stored != distinct) {
                failures.add("duplicates or unanswered cases: " + stored + " stored for " + acked.size() + " keys");
            }
            c.setAutoCommit(false);
            List<String> counters = CounterCheck.currentRows(c);
            AggregateRebuild.run(c);
            boolean equal = CounterCheck.foldedRows(c).equals(counters);
            c.rollback();
            System.out.println("report counters equal a recount: " + equal);
            if (!equal) {
                failures.add("report counters differ from a recount");
            }
            LeaseJournal.check(c, since, failures);
        }
    }

    static Connection database() throws java.sql.SQLException {
        return DriverManager.getConnection(
                System.getProperty("bench.db.url"),
                System.getProperty("bench.db.user"),
                System.getProperty("bench.db.password"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
