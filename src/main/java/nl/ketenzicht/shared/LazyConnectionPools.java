package nl.ketenzicht.shared;

import java.sql.Connection;
import java.util.Properties;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ExternalConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Payara opens an entity manager while deploying, and EclipseLink's external pool takes a test
 * connection then. Without this, an unreachable database at start-up fails the whole deployment,
 * before the application can say what is wrong or wait for the database. The pools installed here
 * defer that first connection to the first real use, so the application starts, reports readiness
 * DOWN with one clear log line, and serves as soon as the database is there.
 */
public class LazyConnectionPools implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        noQueryRetries(session.getLogin());
        guard(session.getLogin());
        if (session instanceof ServerSession server) {
            server.getConnectionPools().values().forEach(p -> guard(p.getLogin()));
            if (server.getReadConnectionPool() != null) {
                guard(server.getReadConnectionPool().getLogin());
            }
            ConnectionPool pool = server.getDefaultConnectionPool();
            // Until login the default pool may still be an internal pool that EclipseLink would swap for an external
            // one.
            if (pool != null && pool.getLogin().shouldUseExternalConnectionPooling()) {
                server.getConnectionPools().put(pool.getName(), new LazyPool(pool.getName(), pool.getLogin(), server));
            }
            ConnectionPool read = server.getReadConnectionPool();
            if (read != null && read.getLogin().shouldUseExternalConnectionPooling()) {
                server.setReadConnectionPool(new LazyPool(read.getName(), read.getLogin(), server));
            }
        }
    }

    /**
     * EclipseLink retries a failed read up to three times, five seconds apart, which turned a
     * 503 for an unreachable database into a 10-15 s wait. The pool and the client retry anyway.
     */
    private static void noQueryRetries(Login login) {
        if (login instanceof DatabaseLogin db) {
            db.setQueryRetryAttemptCount(0);
            db.setDelayBetweenConnectionAttempts(0);
        }
    }

    private static void guard(Login login) {
        if (login instanceof DatabaseLogin db
                && db.getConnector() instanceof JNDIConnector jndi
                && !(jndi instanceof Guarded)) {
            db.setConnector(new Guarded(jndi));
        }
    }

    /**
     * Asks the data source for a connection only while the database answers ({@link DatabaseAvailability}):
     * a request that was under way when it stopped would otherwise reconnect and wait once more.
     */
    static final class Guarded extends JNDIConnector {

        Guarded(JNDIConnector original) {
            setName(original.getName());
            setContext(original.getContext());
            setDataSource(original.getDataSource());
            setLookupType(original.getLookupType());
        }

        @Override
        public Connection connect(Properties properties, Session session) {
            if (DatabaseAvailability.knownDown()) {
                throw DatabaseException.sqlException(DatabaseAvailability.refusal(), (AbstractSession) session, false);
            }
            return super.connect(properties, session);
        }
    }

    static final class LazyPool extends ExternalConnectionPool {

        private volatile boolean primed;

        LazyPool(String name, Login login, ServerSession owner) {
            super(name, login, owner);
        }

        /**
         * Connects nothing: on a first start the migrations, which run after deployment, have not yet
         * granted the application user its tables, and an early connection would only log "Access denied".
         */
        @Override
        public synchronized void startUp() {
            setCachedConnection(getLogin().buildAccessor());
            setIsConnected(true);
        }

        /** The session's own login takes a connection it does not use; every later caller gets a live one. */
        @Override
        public Accessor acquireConnection() {
            if (!primed && getOwner().isLoggedIn()) {
                synchronized (this) {
                    if (!primed) {
                        setCachedConnection(buildConnection());
                        primed = true;
                    }
                }
            }
            return super.acquireConnection();
        }
    }
}
