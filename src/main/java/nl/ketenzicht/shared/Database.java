package nl.ketenzicht.shared;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's connection pool, reached with the application user (which may not change the
 * access log). Values come from MicroProfile Config, so {@code KETENZICHT_DB_URL} etc. override them.
 * Short timeouts make an unreachable database fail a request within seconds instead of minutes:
 * connecting (including the handshake) is bounded by {@link #LOGIN_TIMEOUT_SECONDS}, waiting for a
 * free connection by max-wait-time. Not bounded: validating a pooled connection whose peer has
 * vanished without a reset (SELECT '1' waits for socketTimeout).
 * The second pool is the access log's, see {@link #LOG_JNDI}.
 */
@DataSourceDefinitions({
@DataSourceDefinition(name = Database.JNDI,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=ketenzicht.db.url}",
        user = "${MPCONFIG=ketenzicht.db.user}",
        password = "${MPCONFIG=ketenzicht.db.password}",
        minPoolSize = 0, maxPoolSize = 40, initialPoolSize = 0, maxIdleTime = 300, loginTimeout = 3,
        properties = {
                "connectTimeout=2000",
                "socketTimeout=60000",
                "connectionTimeZone=UTC",
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
@DataSourceDefinition(name = Database.LOG_JNDI, transactional = false,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=ketenzicht.db.url}",
        user = "${MPCONFIG=ketenzicht.db.user}",
        password = "${MPCONFIG=ketenzicht.db.password}",
        minPoolSize = 0, maxPoolSize = 2, initialPoolSize = 0, maxIdleTime = 300, loginTimeout = 3,
        properties = {
                "connectTimeout=2000",
                "socketTimeout=60000",
                "connectionTimeZone=UTC",
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
    static final int LOGIN_TIMEOUT_SECONDS = 3;
}
