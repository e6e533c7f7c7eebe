package nl.ketenzicht.synthetic;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import nl.ketenzicht.shared.DatabaseMigrator;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.StartupConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In demo mode, fills an empty database with demo organisations, a login per role and a synthetic
 * data set, right after the migrations. The rows go in with the bulk writer in one transaction, so
 * a failed start leaves no half data set; loading is not an access to anyone's data, so it writes
 * no access-log rows. Observers of {@link BulkLoaded} can rebuild what they derive from the tables.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    @Inject
    StartupConfig startupConfig;
    @Inject
    DemoAccounts accounts;
    @Inject
    Jdbc jdbc;
    @Inject
    Clock clock;
    @Inject
    Event<BulkLoaded> bulkLoaded;
    @Inject
    @ConfigProperty(name = "ketenzicht.demo.cases", defaultValue = "2000")
    int cases;
    @Inject
    @ConfigProperty(name = "ketenzicht.demo.seed", defaultValue = "2015")
    long seed;

    /**
     * After the default observers: the first administrator is only created while there is no
     * administrator at all, and the demo's own administrator must not take that place.
     */
    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) DatabaseMigrator.SchemaReady ready) {
        if (startupConfig.mode() != StartupConfig.Mode.DEMO) {
            return;
        }
        long start = System.nanoTime();
        try {
            if (hasCases()) {
                LOG.info("Demo mode: the database has cases already; no demo data added.");
                return;
            }
            Spec spec = Spec.demo(cases, 2015, LocalDate.now(clock));
            // Generating takes as long as hashing the shared password, so both run at once.
            CompletableFuture<World> world = CompletableFuture.supplyAsync(() -> SyntheticWorld.generate(seed, spec));
            String logins = accounts.ensure(spec.organisations());
            long accountsDone = System.nanoTime();
            Loaded loaded = load(world.join());
            LOG.info(() -> "Demo data loaded: " + loaded + "; " + ms(start) + " ms in all, of which accounts "
                    + (accountsDone - start) / 1_000_000 + " ms");
            LOG.warning(logins);
        } catch (SQLException | RuntimeException e) {
            // The demo still starts (its logins may exist); the next start tries again while there are no cases.
            LOG.log(Level.SEVERE, "DEMO DATA NOT LOADED: " + e.getMessage(), e);
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private Loaded load(World world) throws SQLException {
        try (Connection c = jdbc.connection()) {
            return JdbcWriter.oneTransaction()
                    .withListener((connection, loaded) -> bulkLoaded.fire(BulkLoaded.of(loaded)))
                    .write(world, c);
        }
    }

    private boolean hasCases() throws SQLException {
        try (Connection c = jdbc.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM case_file)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
