package nl.ketenzicht.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.FromAddress;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19: failed logins are counted in the database (login_throttle), so every node of a cluster
 * refuses after the same failures. Another node is played by writing the shared row directly, as that
 * node's server would. Logins come from addresses no other test uses (127.0.0.5 and up), so that these
 * failures never count towards the address the other tests log in from.
 */
@ExtendWith(ArquillianExtension.class)
class LoginThrottleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void failuresCountedByAnotherNodeRefuseHere() throws SQLException {
        Scenario s = new Scenario(base);
        String user = s.createUserOnly("CASEWORKER", s.organisation("POLICE", "AMS"))
                .get("username")
                .asText();
        assertEquals(401, login("127.0.0.5", user, "wrong-password").status());
        assertEquals(1, failures("ACCOUNT", user), "this node's failure is in the database");
        assertEquals(1, failures("ADDRESS", "127.0.0.5"), "and the client address's");
        assertEquals(0, Db.count("login_throttle WHERE subject = '" + user + "'"), "names are kept as hashes only");

        // Another node counted four more failures of the same account, from other clients.
        try (Connection c = Db.connect();
                PreparedStatement p = c.prepareStatement(
                        "UPDATE login_throttle SET failures = failures + 4 WHERE kind = 'ACCOUNT' AND subject = ?")) {
            p.setString(1, Scenario.sha256(user.toLowerCase()));
            assertEquals(1, p.executeUpdate());
        }
        Api.Reply refused = login("127.0.0.6", user, Scenario.PASSWORD);
        assertEquals(429, refused.status(), "five failures on two nodes refuse even the right password: " + refused);
    }

    @Test
    void parallelFailuresAreAllCounted() throws Exception {
        String nobody = "nobody-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String address = "127.0.0." + (10 + i);
                replies.add(pool.submit(
                        () -> login(address, nobody, "wrong-password").status()));
            }
            for (Future<Integer> r : replies) {
                assertEquals(401, r.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(4, failures("ACCOUNT", nobody), "no failure lost between parallel requests");
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsCountForEveryNode() throws SQLException {
        Scenario s = new Scenario(base);
        String user = s.createUserOnly("CASEWORKER", s.organisation("POLICE", "AMS"))
                .get("username")
                .asText();
        assertEquals(401, login("127.0.0.7", user, "wrong-password").status());
        assertEquals(401, login("127.0.0.7", user, "wrong-password").status());
        assertEquals(2, failures("ACCOUNT", user));
        s.login(user, Scenario.PASSWORD);
        assertEquals(0, failures("ACCOUNT", user), "the row is gone, so no node counts the old failures");
    }

    private Api.Reply login(String from, String username, String password) {
        return FromAddress.post(
                base, from, "api/auth/login", Map.of("username", username, "password", password), Map.of());
    }

    /** The shared count of failures of an account (its name in lower case) or a client address. */
    private static long failures(String kind, String subject) throws SQLException {
        try (Connection c = Db.connect();
                PreparedStatement p = c.prepareStatement(
                        "SELECT COALESCE(MAX(failures), 0) FROM login_throttle WHERE kind = ? AND subject = ?")) {
            p.setString(1, kind);
            p.setString(2, Scenario.sha256(subject.toLowerCase()));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
