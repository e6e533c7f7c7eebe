package nl.ketenzicht.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Plain JDBC on the application pool, looked up on first use: an injected {@code @Resource} would be
 * resolved at deployment, and an unreachable database would then stop the application from starting.
 */
@ApplicationScoped
public class Jdbc {

    private static final Logger LOG = Logger.getLogger(Jdbc.class.getName());
    /** Tries of {@link #unboundedRetrying}; the pauses between them grow (2 s, 4 s, ...) to outlast a failover. */
    private static final int LOST_CONNECTION_ATTEMPTS = 4;

    private static final long LOST_CONNECTION_PAUSE_MS = 2000;

    private volatile DataSource dataSource;
    private volatile DataSource logDataSource;

    public Connection connection() throws SQLException {
        if (DatabaseAvailability.knownDown()) {
            throw DatabaseAvailability.refusal();
        }
        return dataSource().getConnection();
    }

    /** Runs the work on a connection of the pool; a failure of SQL is an IllegalStateException saying {@code what}. */
    public <T> T with(String what, Work<T> work) {
        try (Connection c = connection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException(what, e);
        }
    }

    /** A connection of the access log's own pool, never part of a JTA transaction. */
    public Connection logConnection() throws SQLException {
        if (DatabaseAvailability.knownDown()) {
            throw DatabaseAvailability.refusal();
        }
        DataSource ds = logDataSource;
        if (ds == null) {
            ds = lookup(Database.LOG_JNDI);
            logDataSource = ds;
        }
        return ds.getConnection();
    }

    /** Work on one connection. */
    public interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /**
     * Bulk work (a load, a rebuild of every aggregate) whose statements may run for minutes, on a
     * connection of the application pool without the pool's socket timeout (see {@link Database}),
     * which is restored before the connection goes back to the pool.
     */
    public <T> T unbounded(Work<T> work) throws SQLException {
        return withSocketTimeout(0, work);
    }

    /** The bound of {@link #longRead}: two minutes, where a request's statements have the pool's two seconds. */
    static final int LONG_READ_SOCKET_TIMEOUT_MS = 120_000;

    /**
     * A deliberate read of much data (the monitor's ten years of reports, the whole access-log chain), whose
     * statements may wait longer than the pool's socket timeout: at a million cases, or on a database node just
     * promoted with a cold buffer pool. Bounded at two minutes, so a dead database still ends it.
     */
    public <T> T longRead(Work<T> work) throws SQLException {
        return withSocketTimeout(LONG_READ_SOCKET_TIMEOUT_MS, work);
    }

    /**
     * Work whose statements may take longer than the pool's socket timeout (0: no bound), which is
     * restored before the connection goes back to the pool. In a JTA transaction the connection is the
     * transaction's, so every statement of the transaction runs under this bound meanwhile.
     */
    public <T> T withSocketTimeout(int millis, Work<T> work) throws SQLException {
        try (Connection c = connection()) {
            int bound = c.getNetworkTimeout();
            c.setNetworkTimeout(Runnable::run, millis);
            try {
                return work.on(c);
            } finally {
                c.setNetworkTimeout(Runnable::run, bound);
            }
        }
    }

    /**
     * {@link #unbounded} tried again on a fresh connection, after a pause, when the connection was lost
     * ({@link #connectionLost}): for bulk work that may meet a failover or a restart of the database.
     * The work must be safe to run again; if its commit may have reached the server before the
     * connection went, it checks that first.
     */
    public <T> T unboundedRetrying(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return unbounded(work);
            } catch (SQLException e) {
                if (attempt >= LOST_CONNECTION_ATTEMPTS || !connectionLost(e)) {
                    throw e;
                }
                int next = attempt + 1;
                LOG.warning(() -> "Bulk work lost its connection (" + e.getMessage() + "); attempt " + next + " of "
                        + LOST_CONNECTION_ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /** The connection was lost, or none could be had (SQL state class 08, or the driver's own kinds of it). */
    public static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLException s
                            && s.getSQLState() != null
                            && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) throws SQLException {
        try {
            Thread.sleep(LOST_CONNECTION_PAUSE_MS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the database", "08001", e);
        }
    }

    public DataSource dataSource() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            ds = lookup(Database.JNDI);
            dataSource = ds;
        }
        return ds;
    }

    private static DataSource lookup(String name) throws SQLException {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new SQLException("The data source is not available yet", "08001", e);
        }
    }
}
