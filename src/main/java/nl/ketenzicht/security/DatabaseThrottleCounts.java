package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import nl.ketenzicht.shared.Jdbc;

/**
 * The counts of failed logins in the database (table login_throttle), so that every node of a cluster
 * refuses after the same failures, wherever HAProxy sent them. The database and not the Payara data grid:
 * a login needs the database anyway, the counts survive a restart of every node (a guesser cannot wipe
 * them by crashing the nodes), and a split grid would count in each half. A few statements per login
 * attempt are nothing beside the password hash it checks.
 * <p>
 * A change is a compare-and-set on autocommit: read the row, compute, write only if the row is still what
 * was read, else read again. No transaction holds a lock, so parallel failures on two nodes cannot deadlock.
 */
@ApplicationScoped
class DatabaseThrottleCounts implements ThrottleCounts {

    private static final int ATTEMPTS = 10;

    @Inject
    Jdbc jdbc;

    @Override
    public Optional<LoginThrottle.Window> get(Kind kind, String subject) {
        return jdbc.with("reading the login throttle", c -> read(c, kind, subject));
    }

    @Override
    public void update(Kind kind, String subject, UnaryOperator<LoginThrottle.Window> change) {
        jdbc.with("counting a failed login", c -> {
            for (int i = 0; i < ATTEMPTS; i++) {
                Optional<LoginThrottle.Window> old = read(c, kind, subject);
                LoginThrottle.Window next = change.apply(old.orElse(null));
                if (old.isPresent() ? replace(c, kind, subject, old.get(), next) : insert(c, kind, subject, next)) {
                    return null;
                }
            }
            throw new SQLException(
                    "the login throttle's count of one subject kept changing under " + ATTEMPTS + " attempts");
        });
    }

    @Override
    public void forget(Kind kind, String subject) {
        jdbc.with("forgetting failed logins", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM login_throttle WHERE kind = ? AND subject = ?")) {
                s.setString(1, kind.name());
                s.setString(2, hash(subject));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void prune(Instant before) {
        jdbc.with("pruning the login throttle", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM login_throttle WHERE last_ms < ?")) {
                s.setLong(1, before.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    private static Optional<LoginThrottle.Window> read(Connection c, Kind kind, String subject) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT first_ms, last_ms, failures FROM login_throttle WHERE kind = ? AND subject = ?")) {
            s.setString(1, kind.name());
            s.setString(2, hash(subject));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new LoginThrottle.Window(
                                Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    private static boolean insert(Connection c, Kind kind, String subject, LoginThrottle.Window w) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT IGNORE INTO login_throttle (kind, subject, first_ms, last_ms, failures) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, kind.name());
            s.setString(2, hash(subject));
            s.setLong(3, w.first().toEpochMilli());
            s.setLong(4, w.last().toEpochMilli());
            s.setInt(5, w.count());
            return s.executeUpdate() == 1;
        }
    }

    private static boolean replace(
            Connection c, Kind kind, String subject, LoginThrottle.Window old, LoginThrottle.Window w)
            throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE login_throttle SET first_ms = ?, last_ms = ?, failures = ?"
                        + " WHERE kind = ? AND subject = ? AND first_ms = ? AND last_ms = ? AND failures = ?")) {
            s.setLong(1, w.first().toEpochMilli());
            s.setLong(2, w.last().toEpochMilli());
            s.setInt(3, w.count());
            s.setString(4, kind.name());
            s.setString(5, hash(subject));
            s.setLong(6, old.first().toEpochMilli());
            s.setLong(7, old.last().toEpochMilli());
            s.setInt(8, old.count());
            return s.executeUpdate() == 1;
        }
    }

    /** Account names are not kept in the clear: a typed name may be a password typed in the wrong box. */
    static String hash(String subject) {
        return Secrets.sha256(subject);
    }
}
