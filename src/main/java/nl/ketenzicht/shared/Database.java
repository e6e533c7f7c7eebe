package nl.ketenzicht.shared;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's connection pool, reached with the application user (which may not change the
 * access log). Values come from MicroProfile Config, so {@code KETENZICHT_DB_URL} etc. override them.
 * Every wait for the database is bounded, so that a database that is down or stalled (a paused
 * process, a silent network) fails a request within seconds instead of minutes: connecting and the
 * handshake by {@link #LOGIN_TIMEOUT_SECONDS}, a free connection by max-wait-time, every read of a
 * reply (also the validation query) by socketTimeout, a lock wait by innodb_lock_wait_timeout (below
 * socketTimeout, so that a long lock wait is a retryable 503 "busy", not a dropped connection) and a
 * JPA query by jakarta.persistence.query.timeout (persistence.xml). Bulk work lifts the socket timeout
 * for its connection ({@link Jdbc#unbounded}). {@link DatabaseAvailability} answers for a database that
 * is down before any request has to wait for it.
 * The second pool is the access log's, see {@link #LOG_JNDI}.
 */
@DataSourceDefinitions({
    @DataSourceDefinition(
            name = Database.JNDI,
            className = "com.mysql.cj.jdbc.MysqlDataSource",
            url = "${MPCONFIG=ketenzicht.db.url}",
            user = "${MPCONFIG=ketenzicht.db.user}",
            password = "${MPCONFIG=ketenzicht.db.password}",
            minPoolSize = 0,
            maxPoolSize = 40,
            initialPoolSize = 0,
            maxIdleTime = 300,
            loginTimeout = 3,
            properties = {
                "connectTimeout=2000",
                "socketTimeout=" + Database.SOCKET_TIMEOUT_MS,
                "sessionVariables=innodb_lock_wait_timeout=" + Database.LOCK_WAIT_TIMEOUT_SECONDS,
                // Sessions in UTC, whatever the JVM's zone. The pool sets each property through the data
                // source's setter of that name, and MysqlDataSource has none for connectionTimeZone: Payara
                // dropped it silently, the driver took the JVM's zone and forced that onto the session (an
                // Amsterdam server then read SqlTimes' UTC text as Amsterdam time, or could not connect at
                // all to a database without zone tables). serverTimezone is its alias with a setter.
                "serverTimezone=UTC",
                "forceConnectionTimeZoneToSession=true",
                "characterEncoding=UTF-8",
                "rewriteBatchedStatements=true",
                // Parse each statement once per connection and keep session state locally: fewer round trips.
                "cachePrepStmts=true",
                "prepStmtCacheSize=250",
                "prepStmtCacheSqlLimit=2048",
                "useLocalSessionState=true",
                "cacheServerConfiguration=true",
                "allowPublicKeyRetrieval=true",
                "fish.payara.max-wait-time-in-millis=3000",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
                // A busy connection is checked at most every 5 s instead of at every checkout (a round trip each).
                "fish.payara.validate-atmost-once-period-in-seconds=5",
                "fish.payara.fail-all-connections=true",
                "fish.payara.connection-creation-retry-attempts=0",
                "fish.payara.connection-leak-timeout-in-seconds=0"
            }),
    @DataSourceDefinition(
            name = Database.LOG_JNDI,
            transactional = false,
            className = "com.mysql.cj.jdbc.MysqlDataSource",
            url = "${MPCONFIG=ketenzicht.db.url}",
            user = "${MPCONFIG=ketenzicht.db.user}",
            password = "${MPCONFIG=ketenzicht.db.password}",
            minPoolSize = 0,
            maxPoolSize = 2,
            initialPoolSize = 0,
            maxIdleTime = 300,
            loginTimeout = 3,
            properties = {
                "connectTimeout=2000",
                "socketTimeout=" + Database.SOCKET_TIMEOUT_MS,
                "serverTimezone=UTC", // not connectionTimeZone, which has no setter: see above
                "forceConnectionTimeZoneToSession=true",
                "characterEncoding=UTF-8",
                "cachePrepStmts=true",
                "useLocalSessionState=true",
                "cacheServerConfiguration=true",
                "allowPublicKeyRetrieval=true",
                "fish.payara.max-wait-time-in-millis=3000",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=5",
                "fish.payara.fail-all-connections=true",
                "fish.payara.connection-creation-retry-attempts=0"
            })
})
@ApplicationScoped
public class Database {
    public static final String JNDI = "java:app/jdbc/ketenzicht";
    /**
     * A small pool of its own, outside JTA, for the group commits of reads' log rows ({@code ReadLog}):
     * the reads that wait for their rows hold connections of the main pool, so taking the writer's
     * connection from that pool could wait for a pool that only those reads could free.
     */
    public static final String LOG_JNDI = "java:app/jdbc/ketenzicht-log";
    /**
     * Connector/J ignores the data source's loginTimeout and bounds the TCP connect and handshake by
     * DriverManager's login timeout instead; without it a handshake with an unanswering host waits
     * for socketTimeout. Set once at start-up by {@link DatabaseMigrator}.
     */
    static final int LOGIN_TIMEOUT_SECONDS = 1;
    /**
     * The longest silence while waiting for a reply. Requests take milliseconds; reports read
     * maintained counters (tens of ms on a million cases). A request that meets a database that has
     * just stalled may wait for the pool's validation of an idle connection (this long), then for the
     * handshake of its replacement (the login timeout); by then the watchdog has seen the outage and
     * no further connection is asked for, so the request has its 503 within 5 s.
     */
    static final int SOCKET_TIMEOUT_MS = 2000;
    /** Below the socket timeout: a lock wait ends as a retryable 503 "busy" before the connection would be dropped. */
    static final int LOCK_WAIT_TIMEOUT_SECONDS = 1;
}
