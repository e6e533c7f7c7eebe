package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Outage;
import nl.ketenzicht.support.Scenario;
import nl.ketenzicht.support.ServerLog;
import nl.ketenzicht.support.Settings;
import nl.ketenzicht.support.TcpProxy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away while the application runs, and comes back (issue 14, acceptance 2): the
 * server is down (connections refused) or the network is silent (nothing answers, as with a paused
 * server). Readiness answers DOWN within 2 s, every API request is answered 503 problem+json with
 * Retry-After within 5 s and never 401, the log holds one line when the outage starts and one when it
 * ends, and everything recovers without a restart. The application reaches the database only through
 * a proxy that this test breaks; its settings (it.server.DatabaseOutageIT) point the database URL at
 * the proxy.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final int PROXY_PORT = Integer.getInteger("it.db.proxy.port", 13306);
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

    /** Run without its settings (say with -Dit.test=...), the application would bypass the proxy. */
    @BeforeAll
    static void behindTheProxy() {
        assumeTrue(
                String.valueOf(Settings.dbUrl()).contains(":" + PROXY_PORT + "/"),
                "the database URL does not lead through the proxy on port " + PROXY_PORT
                        + "; see it.server.DatabaseOutageIT in the failsafe execution isolated");
        ServerLog.capture();
    }

    @AfterEach
    void reconnect() {
        DATABASE.restore();
    }

    @AfterAll
    static void stopProxy() {
        ServerLog.release();
        DATABASE.close();
    }

    @Test
    void databaseServerDownGives503FastAndRecovers() {
        outageAndRecovery(DATABASE::refuse, "refused");
    }

    @Test
    void databaseNetworkGoneGives503FastAndRecovers() {
        outageAndRecovery(DATABASE::blackHole, "black hole");
    }

    private void outageAndRecovery(Runnable breakDatabase, String kind) {
        Api api = new Api(base);
        Outage.awaitStatus(
                api, "/health/ready", 200, Duration.ofSeconds(90), Duration.ofSeconds(90), "ready before the outage");
        Scenario s = new Scenario(base);
        Outage callers = new Outage(s, s.organisation("POLICE", "LB"));
        callers.awaitService(Duration.ofSeconds(10));
        Outage.sleep(1500); // the watchdog's last probe before the outage is logged already
        int logFrom = ServerLog.text().length();

        breakDatabase.run();
        // Requests on their way when the database went wait for no more than a bounded read; meanwhile readiness turns
        // DOWN.
        CompletableFuture<List<Outage.Timed>> atOnce = CompletableFuture.supplyAsync(() -> callers.callAsUsers(2));
        long down = Outage.awaitStatus(
                api, "/health/ready", 503, Duration.ofSeconds(10), Outage.READINESS, "readiness DOWN (" + kind + ")");
        long early = Outage.assertRefusedFast(atOnce.join(), kind + ", at once");
        assertTrue(
                down <= Outage.READINESS.toMillis(),
                kind + ": readiness should turn DOWN within 2 s, took " + down + " ms");
        assertEquals(
                200,
                api.get("/health/live").status(),
                "liveness stays UP: restarting would not bring the database back");
        Outage.assertDownLoggedOnce(logFrom, kind);
        List<Outage.Timed> answers = callers.callEveryKind(3);
        long refused = Outage.assertRefusedFast(answers, kind);
        Outage.sleep(3000); // the background jobs' turns, with nobody calling
        List<Outage.Timed> laterAnswers = callers.callEveryKind(1);
        long later = Outage.assertRefusedFast(laterAnswers, kind + ", later");
        Outage.assertDownLoggedOnce(logFrom, kind + ", later");

        DATABASE.restore();
        long up = Outage.awaitStatus(
                api,
                "/health/ready",
                200,
                Duration.ofSeconds(30),
                Outage.READINESS,
                "readiness UP again (" + kind + ")");
        callers.awaitService(Duration.ofSeconds(10));
        System.out.printf(
                "outage (%s): first requests refused within %d ms, readiness DOWN after %d ms, then refused within %d / %d ms; "
                        + "UP %d ms after the database returned%n",
                kind, early, down, refused, later, up);
        Outage.assertOneLinePerStateChange(
                Outage.awaitLog(logFrom, "DATABASE UP again"),
                kind,
                Outage.refusals(answers) + Outage.refusals(laterAnswers));
        assertEquals(200, adminLogin(api).status(), "logins succeed again without a restart");
    }

    private static Api.Reply adminLogin(Api api) {
        return api.post("api/auth/login", Map.of("username", "admin", "password", Scenario.ADMIN_PASSWORD));
    }
}
