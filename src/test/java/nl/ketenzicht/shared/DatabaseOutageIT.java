package nl.ketenzicht.shared;

import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Scenario;
import nl.ketenzicht.support.TcpProxy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database goes away while the application runs, and comes back: readiness turns DOWN, the API
 * answers 503 problem+json with Retry-After within seconds (no request waits for a dead database),
 * and everything recovers without a restart. The application reaches the database only through a
 * proxy that this test breaks; its own failsafe execution points KETENZICHT_DB_URL at the proxy.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final int PROXY_PORT = Integer.getInteger("it.db.proxy.port", 13306);
    private static final Duration FAST = Duration.ofSeconds(5);
    /**
     * Started when the class is initialised, which happens when Arquillian calls deployment(), so
     * before the application first connects.
     */
    private static final TcpProxy DATABASE = TcpProxy.start(PROXY_PORT, "127.0.0.1", 3306);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    /** Run outside its own execution (say with -Dit.test=...), the application would bypass the proxy. */
    @BeforeAll
    static void behindTheProxy() {
        assumeTrue(String.valueOf(System.getenv("KETENZICHT_DB_URL")).contains(":" + PROXY_PORT + "/"),
                "KETENZICHT_DB_URL does not lead through the proxy on port " + PROXY_PORT + "; see the failsafe execution database-outage");
    }

    @AfterEach
    void reconnect() {
        DATABASE.restore();
    }

    @AfterAll
    static void stopProxy() {
        DATABASE.close();
    }

    @Test
    void databaseServerDownGives503FastAndRecovers() {
        outageAndRecovery(DATABASE::refuse, "refused");
    }

    @Test
    @Disabled("With a silent network the pool's validation query (SELECT '1', no timeout) waits for "
            + "Connector/J's socketTimeout (60 s); a validation with a timeout is still to be built")
    void databaseNetworkGoneGives503FastAndRecovers() {
        outageAndRecovery(DATABASE::blackHole, "black hole");
    }

    private void outageAndRecovery(Runnable breakDatabase, String kind) {
        Api api = new Api(base);
        awaitStatus(api, "/health/ready", 200, Duration.ofSeconds(90), "ready before the outage");
        assertEquals(200, adminLogin(api).status(), "the database is reachable before the outage");

        breakDatabase.run();
        long down = awaitStatus(api, "/health/ready", 503, Duration.ofSeconds(10), "readiness DOWN (" + kind + ")");
        assertTrue(down <= FAST.toMillis(), "readiness should turn DOWN within 5 s, took " + down + " ms");
        assertEquals(200, api.get("/health/live").status(), "liveness stays UP: restarting would not bring the database back");

        List<CompletableFuture<Timed>> calls = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> timed(() -> adminLogin(api)))).toList();
        for (CompletableFuture<Timed> call : calls) {
            Timed t = call.join();
            assertEquals(503, t.reply.status(), kind + ": " + t.reply);
            assertTrue(t.reply.contentType().startsWith("application/problem+json"), t.reply.contentType());
            assertNotNull(t.reply.header("Retry-After"), "503 tells the client when to retry");
            assertTrue(t.millis <= FAST.toMillis(), kind + ": a request should fail within 5 s, took " + t.millis + " ms");
            System.out.printf("outage (%s): login answered %d in %d ms%n", kind, t.reply.status(), t.millis);
        }

        DATABASE.restore();
        long up = awaitStatus(api, "/health/ready", 200, Duration.ofSeconds(60), "readiness UP again (" + kind + ")");
        System.out.printf("outage (%s): readiness DOWN after %d ms, UP %d ms after the database returned%n", kind, down, up);
        assertEquals(200, adminLogin(api).status(), "requests succeed again without a restart");
    }

    private static Api.Reply adminLogin(Api api) {
        return api.post("api/auth/login", Map.of("username", "admin", "password", Scenario.ADMIN_PASSWORD));
    }

    /** Polls until the path answers the status; returns how long that took. */
    private static long awaitStatus(Api api, String path, int status, Duration timeout, String what) {
        long start = System.nanoTime();
        Predicate<Api.Reply> matches = r -> r.status() == status;
        Api.Reply last = null;
        while (System.nanoTime() - start < timeout.toNanos()) {
            last = api.get(path);
            if (matches.test(last)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            sleep(200);
        }
        throw new AssertionError(what + ": still " + last + " after " + timeout.toSeconds() + " s");
    }

    private static Timed timed(java.util.function.Supplier<Api.Reply> call) {
        long start = System.nanoTime();
        Api.Reply reply = call.get();
        return new Timed(reply, (System.nanoTime() - start) / 1_000_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Timed(Api.Reply reply, long millis) {
    }
}
