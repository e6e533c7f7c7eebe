package nl.ketenzicht.reports.aggregates;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import nl.ketenzicht.reports.ReportDataChanged;
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

    @Inject
    Event<ReportDataChanged> dataChanged;

    void rebuild(@Observes BulkLoaded loaded) throws SQLException {
        long start = System.nanoTime();
        // Two threads of the container's for the two parallel branches, for this rebuild only.
        ExecutorService executor = Executors.newFixedThreadPool(2, threads);
        try {
            jdbc.unbounded(guard -> jdbc.unbounded(a -> jdbc.unbounded(b -> {
                AggregateRebuild.swap(guard, a, b, executor, AggregateRebuild.Steps.NONE);
                return null;
            })));
        } finally {
            executor.shutdown();
            // Outside a transaction: figures kept from before (or during) the swap are dropped now.
            dataChanged.fire(new ReportDataChanged("rebuild"));
        }
        LOG.info(() -> "Report aggregates rebuilt after a bulk load of " + loaded.cases() + " cases in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
