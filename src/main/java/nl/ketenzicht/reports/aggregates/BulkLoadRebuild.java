package nl.ketenzicht.reports.aggregates;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.ketenzicht.reports.ReportDataChanged;
import nl.ketenzicht.shared.DatabaseMigrator;
import nl.ketenzicht.shared.Jdbc;

/**
 * A bulk load writes the base tables past the services, so none of the maintained aggregates saw
 * its rows: after the load has committed, everything derived from the base tables is recomputed
 * and swapped in at once ({@link AggregateRebuild#swap}), so readers see the old or the new set.
 */
@ApplicationScoped
public class BulkLoadRebuild {

    private static final Logger LOG = Logger.getLogger(BulkLoadRebuild.class.getName());

    @Inject
    Jdbc jdbc;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Event<ReportDataChanged> dataChanged;

    void rebuild(@Observes BulkLoaded loaded) throws SQLException {
        rebuildNow("a bulk load of " + loaded.cases() + " cases");
    }

    /**
     * Rebuilds every aggregate from the base tables now, on connections without the pool's socket
     * timeout; a lost connection starts it again (it begins by dropping its shadow tables).
     */
    public void rebuildNow(String why) throws SQLException {
        long start = System.nanoTime();
        // Two threads of the container's for the two parallel branches, for this rebuild only.
        ExecutorService branches = Executors.newFixedThreadPool(2, threads);
        try {
            jdbc.unboundedRetrying(guard -> jdbc.unbounded(a -> jdbc.unbounded(b -> {
                AggregateRebuild.swap(guard, a, b, branches, AggregateRebuild.Steps.NONE);
                return null;
            })));
        } finally {
            branches.shutdown();
            // Outside a transaction: figures kept from before (or during) the swap are dropped now.
            dataChanged.fire(new ReportDataChanged("rebuild"));
        }
        LOG.info(() ->
                "Report aggregates rebuilt after " + why + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /**
     * At a start, requests left standing (an import's rebuild that failed, or a server that stopped
     * while it ran) are served in the background; they stay when this rebuild fails too.
     */
    void rebuildRequested(@Observes DatabaseMigrator.SchemaReady ready) {
        executor.submit(() -> {
            try {
                List<Long> pending = jdbc.with("Rebuild requests", RebuildRequests::pending);
                if (pending.isEmpty()) {
                    return;
                }
                LOG.warning(() -> pending.size() + " request(s) to rebuild the report aggregates stand; rebuilding.");
                rebuildNow("standing rebuild requests");
                jdbc.with("Rebuild requests", c -> {
                    RebuildRequests.withdraw(c, pending);
                    return null;
                });
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.SEVERE, "The report aggregates could not be rebuilt; the request stands", e);
            }
        });
    }
}
