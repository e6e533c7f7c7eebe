package nl.ketenzicht.reports.aggregates;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import nl.ketenzicht.shared.DatabaseMigrator;
import nl.ketenzicht.shared.EverySecond;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Leases;

/**
 * Folds the deltas that writers append into report_funnel every second, in one thread, in batches of
 * one transaction each. Readers are exact whether or not it has run (they add the deltas); it only
 * keeps the delta table small, so a failure is logged and retried, never shown to a user.
 */
@ApplicationScoped
public class CounterFolder {

    private static final int BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(CounterFolder.class.getName());

    @Inject
    Jdbc jdbc;

    @Inject
    Leases leases;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private EverySecond task;

    void start(@Observes DatabaseMigrator.SchemaReady ready) {
        task = EverySecond.start(
                scheduler, LOG, "Folding report counter deltas", leases.onOneNode("counter-folder", this::foldAll));
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.stop();
        }
    }

    /** Folds every delta committed so far; returns how many. */
    public int foldAll() throws SQLException {
        try (Connection c = jdbc.connection()) {
            return Counters.foldAll(c, BATCH);
        }
    }
}
