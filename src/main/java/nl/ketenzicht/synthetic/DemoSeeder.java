package nl.ketenzicht.synthetic;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.ketenzicht.context.DemoContext;
import nl.ketenzicht.linkage.DemoRegistrations;
import nl.ketenzicht.reports.ReportDataChanged;
import nl.ketenzicht.reports.aggregates.BulkLoaded;
import nl.ketenzicht.shared.DatabaseMigrator;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.StartupConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In demo mode, fills an empty database with demo organisations, a login per role and a synthetic
 * data set, right after the migrations. The rows go in with the bulk writer in one transaction, so
 * a failed start leaves no half data set; loading is not an access to anyone's data, so it writes
 * no access-log rows. The load passes the services, so it fires {@link BulkLoaded} after its commit,
 * on which the report aggregates are rebuilt from the base tables. Partner registrations for the dark
 * number follow ({@link DemoRegistrations}).
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());
    /** The first year of the demo's cases and context. */
    private static final int FIRST_YEAR = 2015;

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
    Event<ReportDataChanged> dataChanged;

    @Inject
    DemoRegistrations registrations;

    @Inject
    DemoContext context;

    @Inject
    nl.ketenzicht.imports.DemoImports imports;

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
        seedCases();
        seedContext();
        seedRegistrations();
        seedImports();
        // Context and registrations are written past their services: figures kept before are dropped.
        dataChanged.fire(new ReportDataChanged("demo"));
    }

    private void seedCases() {
        long start = System.nanoTime();
        try {
            if (hasCases()) {
                LOG.info("Demo mode: the database has cases already; no demo data added.");
                rebuildIfNotCounted();
                return;
            }
            Spec spec = Spec.demo(cases, FIRST_YEAR, LocalDate.now(clock));
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

    /**
     * A demo seeded before the aggregates were rebuilt after the load (or whose rebuild failed) has
     * cases the reports never counted: rebuild them now, as after a load.
     */
    private void rebuildIfNotCounted() throws SQLException {
        long[] uncounted;
        try (Connection c = jdbc.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(c.id), MAX(c.id) FROM case_file c "
                        + "WHERE NOT EXISTS (SELECT 1 FROM report_case_fact f WHERE f.case_id = c.id)")) {
            rs.next();
            uncounted = new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
        if (uncounted[0] > 0) {
            LOG.warning(() ->
                    "Demo mode: " + uncounted[0] + " cases are missing from the report aggregates; rebuilding them.");
            bulkLoaded.fire(new BulkLoaded(uncounted[1], uncounted[2], (int) uncounted[0], java.util.Map.of()));
        }
    }

    /** Capacity, local priorities and a pilot for measure 7 and the monitor; once, while there is no context. */
    private void seedContext() {
        long start = System.nanoTime();
        try {
            if (!context.needed()) {
                return;
            }
            int n = context.seed(FIRST_YEAR, LocalDate.now(clock), seed, clock.instant());
            LOG.info(() -> "Demo context seeded: " + n + " rows in " + ms(start) + " ms");
        } catch (RuntimeException e) {
            // The rest of the demo works without it; the next start tries again while there is none.
            LOG.log(Level.SEVERE, "DEMO CONTEXT NOT LOADED: " + e.getMessage(), e);
        }
    }

    /** Partner registrations for the dark number, through the linkage the API uses; once, while there are none. */
    private void seedRegistrations() {
        long start = System.nanoTime();
        try {
            if (!registrations.needed()) {
                return;
            }
            int n = registrations.seed(LocalDate.now(clock), seed);
            LOG.info(() -> "Demo registrations linked: " + n + " in " + ms(start) + " ms");
        } catch (RuntimeException e) {
            // The rest of the demo works without them; the next start tries again while there are none.
            LOG.log(Level.SEVERE, "DEMO REGISTRATIONS NOT LOADED: " + e.getMessage(), e);
        }
    }

    /** Previews of a case file and a context file on the import page; once, while there are no import jobs. */
    private void seedImports() {
        try {
            if (imports.needed()) {
                int n = imports.seed();
                LOG.info(() -> "Demo imports started: " + n + " previews");
            }
        } catch (RuntimeException e) {
            // The rest of the demo works without them; the next start tries again while there are none.
            LOG.log(Level.SEVERE, "DEMO IMPORTS NOT STARTED: " + e.getMessage(), e);
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private Loaded load(World world) throws SQLException {
        return jdbc.unbounded(c -> JdbcWriter.oneTransaction()
                .withListener((connection, loaded) -> bulkLoaded.fire(
                        new BulkLoaded(loaded.minCaseId(), loaded.maxCaseId(), loaded.cases(), loaded.rows())))
                .write(world, c));
    }

    private boolean hasCases() throws SQLException {
        try (Connection c = jdbc.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM case_file)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
