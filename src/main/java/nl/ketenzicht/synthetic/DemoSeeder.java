package nl.ketenzicht.synthetic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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

    void seed(@Observes DatabaseMigrator.SchemaReady ready) {
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
            String logins = accounts.ensure(spec.organisations());
            Loaded loaded = load(SyntheticWorld.generate(seed, spec));
            LOG.info(() -> "Demo data loaded: " + loaded + " (" + (System.nanoTime() - start) / 1_000_000 + " ms in all)");
            LOG.warning(logins);
        } catch (SQLException | RuntimeException e) {
            // The demo still starts (its logins may exist); the next start tries again while there are no cases.
            LOG.log(Level.SEVERE, "DEMO DATA NOT LOADED: " + e.getMessage(), e);
        }
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
