package nl.ketenzicht.shared;

import static nl.ketenzicht.support.ChainData.aCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19: background work that must run on one node at a time holds a lease in the database. Two
 * simulated nodes never work under the same lease at once, a node that dies loses its lease to the other
 * within the term, and the server seals the access log only while it holds the sealer's lease.
 */
@ExtendWith(ArquillianExtension.class)
class SingletonLeaseIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private record Work(String node, long start, long end) {}

    @Test
    void twoNodesNeverWorkAtOnceAndASurvivorTakesOverWithinTheTerm() throws Exception {
        String lease = "test-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Db.connect();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO singleton_lease (name, holder, expires_at) VALUES (?, NULL, '1970-01-01')")) {
            s.setString(1, lease);
            s.executeUpdate();
        }
        ConcurrentLinkedQueue<Work> done = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        long dies = t0 + TimeUnit.SECONDS.toNanos(3);
        Thread a = node(lease, "node-a", dies, done);
        Thread b = node(lease, "node-b", t0 + TimeUnit.SECONDS.toNanos(3 + Leases.TERM_SECONDS + 3), done);
        a.start();
        Thread.sleep(300); // a is first
        b.start();
        a.join();
        b.join();

        List<Work> all = new ArrayList<>(done);
        all.sort((x, y) -> Long.compare(x.start(), y.start()));
        for (int i = 1; i < all.size(); i++) {
            assertTrue(
                    all.get(i).start() >= all.get(i - 1).end(),
                    "two nodes worked at once: " + all.get(i - 1) + " and " + all.get(i));
        }
        assertTrue(all.stream().anyMatch(w -> w.node().equals("node-a")), "the first node worked");
        assertFalse(
                all.stream().anyMatch(w -> w.node().equals("node-b") && w.start() < dies),
                "the second node waited while the first held the lease");
        long lastOfA = all.stream()
                .filter(w -> w.node().equals("node-a"))
                .mapToLong(Work::end)
                .max()
                .orElseThrow();
        long firstOfB = all.stream()
                .filter(w -> w.node().equals("node-b"))
                .mapToLong(Work::start)
                .min()
                .orElseThrow();
        long handover = TimeUnit.NANOSECONDS.toMillis(firstOfB - lastOfA);
        assertTrue(
                handover <= (Leases.TERM_SECONDS + 2) * 1000L,
                "the survivor took over " + handover + " ms after the last work of the dead node");
        assertEquals(2, fence(lease), "the lease changed holder twice (free -> a -> b)");
    }

    /** A node that renews the lease before each unit of work and stops renewing (dies) at {@code until}. */
    private static Thread node(String lease, String name, long until, ConcurrentLinkedQueue<Work> done) {
        return new Thread(() -> {
            try (Connection c = Db.connect()) {
                while (System.nanoTime() < until) {
                    if (Leases.hold(c, lease, name)) {
                        long start = System.nanoTime();
                        Thread.sleep(ThreadLocalRandom.current().nextInt(20, 200));
                        done.add(new Work(name, start, System.nanoTime()));
                    }
                    Thread.sleep(100);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theServerSealsTheAccessLogOnlyWhileItHoldsTheSealersLease() throws Exception {
        Scenario scenario = new Scenario(base);
        Api w = scenario.caseworker(scenario.organisation("POLICE", "LB"));
        long holding =
                awaitRow("SELECT COUNT(*) FROM singleton_lease WHERE name = 'audit-sealer' AND holder IS NOT NULL"
                        + " AND expires_at > NOW(6)");
        assertEquals(1, holding, "the server holds the sealer's lease");
        try (Connection c = Db.connect();
                PreparedStatement s = c.prepareStatement("UPDATE singleton_lease SET holder = 'another-node',"
                        + " expires_at = NOW(6) + INTERVAL 4 SECOND WHERE name = 'audit-sealer'")) {
            s.executeUpdate();
        }
        long before = lastEntry();
        assertEquals(201, w.post("api/cases", aCase()).status());
        Thread.sleep(2500);
        assertTrue(
                unsealedAfter(before) > 0,
                "while another node holds the lease this server does not seal (its entries wait for that node)");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (unsealedAfter(before) > 0 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertEquals(0, unsealedAfter(before), "after the other node's lease expired this server took over and sealed");
    }

    private static long lastEntry() throws Exception {
        return awaitRow("SELECT COALESCE(MAX(id), 0) + 1 FROM access_log") - 1;
    }

    private static long unsealedAfter(long entry) {
        return Db.count(
                "access_log e LEFT JOIN access_log_seal s ON s.entry_id = e.id WHERE s.entry_id IS NULL AND e.id > "
                        + entry);
    }

    private static long awaitRow(String countQuery) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long n = 0;
        while (System.nanoTime() < until) {
            try (Connection c = Db.connect();
                    PreparedStatement s = c.prepareStatement(countQuery);
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                n = rs.getLong(1);
            }
            if (n > 0) {
                return n;
            }
            Thread.sleep(200);
        }
        return n;
    }

    private static long fence(String lease) throws SQLException {
        try (Connection c = Db.connect();
                PreparedStatement s = c.prepareStatement("SELECT fence FROM singleton_lease WHERE name = ?")) {
            s.setString(1, lease);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
