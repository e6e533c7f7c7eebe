package nl.ketenzicht.shared;

import static nl.ketenzicht.support.ChainData.aCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Outage;
import nl.ketenzicht.support.PrivateMariaDb;
import nl.ketenzicht.support.Scenario;
import nl.ketenzicht.support.ServerLog;
import nl.ketenzicht.support.Settings;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Durable commits (security.md): cases are created concurrently over HTTP while the database server
 * is killed with SIGKILL; after a restart every case that was answered 201 is there, with its
 * access-log row, and no request was told to log in (401) meanwhile. And a paused server (SIGSTOP)
 * and a killed one (SIGKILL), each for 15 s (issue 14): every API request is answered 503 with
 * Retry-After within 5 s, readiness DOWN within 2 s, one log line when it stops answering and one
 * when it answers again. The server is a private
 * mariadbd (data directory under target/, port it.db.durable.port) started with the shipped
 * config/mysql/ketenzicht.cnf, never the shared local server; its settings (it.server.DurableCommitIT)
 * point the application at it.
 */
@ExtendWith(ArquillianExtension.class)
class DurableCommitIT {

    private static final int PORT = Integer.getInteger("it.db.durable.port", 13307);
    private static final String DATABASE = "ketenzicht_durable";
    private static final int WRITERS = 6;
    /** Started when Arquillian asks for the deployment, so before the application first connects. */
    private static PrivateMariaDb server;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        if (String.valueOf(Settings.dbUrl()).contains(":" + PORT + "/")) {
            server = PrivateMariaDb.startFresh(
                    Path.of("target/durable-db"), PORT, DATABASE, DATABASE + "_app", DATABASE + "_mig");
        }
        return Deployments.war();
    }

    /** Without its settings the application would use the shared server, which this test must not kill. */
    @BeforeAll
    static void onThePrivateServer() {
        assumeTrue(
                server != null,
                "the database URL does not lead to the private server on port " + PORT
                        + "; see it.server.DurableCommitIT in the failsafe execution isolated");
        ServerLog.capture();
    }

    @AfterAll
    static void stopServer() {
        ServerLog.release();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void killingTheDatabaseUnderLoadLosesNoCaseThatWasAnswered201() throws Exception {
        assertEquals("1 1", settings(), "innodb_flush_log_at_trx_commit and sync_binlog from the shipped config");
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "LB"));

        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger toldToLogIn = new AtomicInteger();
        ConcurrentLinkedQueue<String> notRetryable = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        for (int i = 0; i < WRITERS; i++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        Api.Reply r = w.post("api/cases", aCase());
                        if (r.status() == 201) {
                            acknowledged.add(r.json().get("id").asLong());
                        } else {
                            failures.incrementAndGet();
                            if (r.status() == 401) {
                                toldToLogIn.incrementAndGet();
                            }
                            if (r.status() != 503
                                    || r.headers().firstValue("Retry-After").isEmpty()) {
                                notRetryable.add(r.status() + " " + r.body());
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        awaitAtLeast(acknowledged, 30, Duration.ofSeconds(60));
        int beforeKill = acknowledged.size();
        int logFrom = ServerLog.text().length();
        server.kill();
        Thread.sleep(1500);
        server.start();
        Thread.sleep(1500);
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "writers finish");
        System.out.printf(
                "durable commits: %d cases answered 201 before the kill, %d in all, %d requests failed%n",
                beforeKill, acknowledged.size(), failures.get());

        Set<Long> missing = new TreeSet<>(acknowledged);
        missing.removeAll(ids("SELECT id FROM case_file"));
        assertTrue(missing.isEmpty(), missing.size() + " cases answered 201 are gone: " + missing);
        Set<Long> unlogged = new TreeSet<>(acknowledged);
        unlogged.removeAll(
                ids(
                        "SELECT CAST(object_ids AS UNSIGNED) FROM access_log WHERE action = 'CREATE' AND object_type = 'case'"));
        assertTrue(unlogged.isEmpty(), "cases whose access-log row is gone: " + unlogged);
        assertTrue(failures.get() > 0, "the kill happened under load: some requests failed");
        assertEquals(0, toldToLogIn.get(), "a caller whose session could not be checked is answered 503, never 401");
        // A commit cut off by the kill has an unknown outcome: 503 with Retry-After (the Idempotency-Key makes the
        // retry safe), never a 500.
        assertTrue(notRetryable.isEmpty(), "answers other than 503 with Retry-After: " + notRetryable);
        // The pool drops its broken connections within its validation period (5 s); until then a request may still
        // fail.
        int status = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (status != 201 && System.nanoTime() < until) {
            status = w.post("api/cases", aCase()).status();
            if (status != 201) {
                Thread.sleep(500);
            }
        }
        assertEquals(201, status, "service resumes after the restart");
        // Under load the requests in flight draw the container's warnings; the application's lines are one per state
        // change.
        Outage.assertStateChanges(Outage.awaitLog(logFrom, "DATABASE UP again"), "killed under load");
    }

    /** Issue 14: paused for 15 s, as in the report, where requests and readiness waited the whole time. */
    @Test
    void aPausedDatabaseGives503FastAndRecovers() {
        outageAndRecovery(server::pause, server::resume, "paused (SIGSTOP)");
    }

    /** Issue 14: the database process killed (SIGKILL) for 15 s, then started again on its data. */
    @Test
    void aKilledDatabaseGives503FastAndRecovers() {
        outageAndRecovery(server::kill, server::start, "killed (SIGKILL)");
    }

    /**
     * The database stopped for 15 s by {@code stop} and brought back by {@code resume}: every kind of
     * API caller is refused 503 with Retry-After within 5 s, readiness is DOWN within 2 s, the log has
     * one DOWN line when it goes and one UP line when it is back, and service resumes by itself.
     */
    private void outageAndRecovery(Runnable stop, Runnable resume, String kind) {
        Api api = new Api(base);
        Scenario s = new Scenario(base);
        Outage callers = new Outage(s, s.organisation("POLICE", "LB"));
        callers.awaitService(Duration.ofSeconds(30));
        Outage.sleep(1500);
        int logFrom = ServerLog.text().length();
        long stoppedAt = System.nanoTime();
        stop.run();
        long early;
        long down;
        long refused;
        List<Outage.Timed> answers;
        try {
            CompletableFuture<List<Outage.Timed>> atOnce = CompletableFuture.supplyAsync(() -> callers.callAsUsers(2));
            down = Outage.awaitStatus(
                    api,
                    "/health/ready",
                    503,
                    Duration.ofSeconds(10),
                    Outage.READINESS,
                    "readiness DOWN (" + kind + ")");
            early = Outage.assertRefusedFast(atOnce.join(), kind + ", at once");
            assertTrue(
                    down <= Outage.READINESS.toMillis(), "readiness should turn DOWN within 2 s, took " + down + " ms");
            Outage.assertDownLoggedOnce(logFrom, kind);
            answers = callers.callEveryKind(3);
            refused = Outage.assertRefusedFast(answers, kind);
            Outage.sleep(Math.max(0, 15_000 - (System.nanoTime() - stoppedAt) / 1_000_000));
            Outage.assertDownLoggedOnce(logFrom, kind + ", 15 s on");
        } finally {
            resume.run();
        }
        long up = Outage.awaitStatus(
                api,
                "/health/ready",
                200,
                Duration.ofSeconds(30),
                Outage.READINESS,
                "readiness UP again (" + kind + ")");
        callers.awaitService(Duration.ofSeconds(10));
        System.out.printf(
                "%s database: first requests refused within %d ms, readiness DOWN after %d ms, then refused within %d ms; "
                        + "UP %d ms after it was back%n",
                kind, early, down, refused, up);
        Outage.assertOneLinePerStateChange(
                Outage.awaitLog(logFrom, "DATABASE UP again"), kind, Outage.refusals(answers));
    }

    private static void awaitAtLeast(ConcurrentLinkedQueue<Long> acknowledged, int n, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(acknowledged.size() >= n, "load before the kill: " + acknowledged.size() + " cases created");
    }

    private static String settings() throws Exception {
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog")) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2);
        }
    }

    private static Set<Long> ids(String sql) throws Exception {
        Set<Long> ids = new TreeSet<>();
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(
                Settings.dbUrl(),
                Settings.get("ketenzicht.db.migration.user"),
                Settings.get("ketenzicht.db.migration.password"));
    }
}
