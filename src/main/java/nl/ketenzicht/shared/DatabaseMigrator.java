package nl.ketenzicht.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else touches the database, using the privileged
 * migration user. If the database is not reachable yet, it says so once in one clear line and
 * retries in the background; readiness stays DOWN and the API answers 503 until it succeeds.
 */
@ApplicationScoped
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Inject
    @ConfigProperty(name = "ketenzicht.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "ketenzicht.db.user")
    String appUser;

    @Inject
    @ConfigProperty(name = "ketenzicht.db.app-host", defaultValue = "%")
    String appHost;

    @Inject
    @ConfigProperty(name = "ketenzicht.db.migration.user")
    Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = "ketenzicht.db.migration.password")
    Optional<String> migrationPassword;

    @Inject
    StartupConfig startupConfig;

    @Inject
    Event<SchemaReady> schemaReady;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile boolean done;
    private volatile String lastProblem;
    private volatile ScheduledFuture<?> retries;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object init) {
        startupConfig.verify();
        DriverManager.setLoginTimeout(Database.LOGIN_TIMEOUT_SECONDS);
        if (!tryMigrate()) {
            retries = scheduler.scheduleWithFixedDelay(this::retry, 5, 5, TimeUnit.SECONDS);
        }
    }

    public boolean isDone() {
        return done;
    }

    private void retry() {
        if (tryMigrate() && retries != null) {
            retries.cancel(false);
        }
    }

    synchronized boolean tryMigrate() {
        if (done) {
            return true;
        }
        try {
            Flyway flyway = flyway();
            var result = flyway.migrate();
            var current = flyway.info().current();
            LOG.info(() -> "Database schema is at version " + (current == null ? "none" : current.getVersion()) + " ("
                    + result.migrationsExecuted + " migrations applied now).");
        } catch (RuntimeException e) {
            String problem = DatabaseDiagnosis.explain(e, url, migrationUser.orElse(appUser));
            if (!problem.equals(lastProblem)) {
                LOG.severe(problem);
                lastProblem = problem;
            }
            return false;
        }
        try {
            schemaReady.fire(new SchemaReady());
            done = true;
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.SEVERE, "START-UP TASK FAILED after migration; retrying", e);
            return false;
        }
        return true;
    }

    private Flyway flyway() {
        return flyway(url, migrationUser.orElse(appUser), migrationPassword.orElse(""), appUser, appHost);
    }

    /**
     * The migrations as every start runs them. The grant migration (R__Grant_application_user.sql)
     * holds {@code ${flyway:timestamp}}, so its checksum differs at each start and Flyway applies it
     * again: a restored dump, which carries no grants, gets them back at the next start.
     */
    public static Flyway flyway(String url, String user, String password, String appUser, String appHost) {
        return Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(url, user, password)
                .connectRetries(0)
                .locations("classpath:db/migration")
                .placeholders(
                        Map.of("appGrantee", "'" + appUser.replace("'", "") + "'@'" + appHost.replace("'", "") + "'"))
                .load();
    }

    /** Fired once the schema is current; bootstrapping (first admin, demo data) listens for it. */
    public record SchemaReady() {}
}
