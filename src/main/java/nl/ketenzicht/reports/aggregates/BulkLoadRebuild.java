package nl.ketenzicht.reports.aggregates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.synthetic.BulkLoaded;

import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * A bulk load writes the base tables past the services, so none of the maintained aggregates saw
 * its rows: after the load has committed, everything derived from the base tables is recomputed
 * ({@link AggregateRebuild}) in one transaction of its own, so readers see the old or the new set.
 */
@ApplicationScoped
public class BulkLoadRebuild {

    private static final Logger LOG = Logger.getLogger(BulkLoadRebuild.class.getName());

    @Inject
    Jdbc jdbc;

    void rebuild(@Observes BulkLoaded loaded) throws SQLException {
        long start = System.nanoTime();
        jdbc.unbounded(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                AggregateRebuild.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return null;
        });
        LOG.info(() -> "Report aggregates rebuilt after a bulk load of " + loaded.cases() + " cases in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
