package nl.ketenzicht.retention;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import nl.ketenzicht.cases.CaseRepository;
import nl.ketenzicht.shared.DatabaseMigrator;
import nl.ketenzicht.shared.Leases;
import nl.ketenzicht.shared.StartupConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges expired cases on a schedule ({@code ketenzicht.retention.interval}, default every 6 hours,
 * the first run 10 minutes after start), one case per transaction, so that a failure leaves every
 * case either whole or gone. Only in production mode: the demo's synthetic history reaches back
 * further than the retention period, and tests run the purge when they choose.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());
    private static final int BATCH = 200;
    private static final String LEASE = "retention";
    private static final Duration FIRST_RUN = Duration.ofMinutes(10);

    @Inject
    RetentionPolicy policy;

    @Inject
    CasePurge purge;

    @Inject
    CaseRepository cases;

    @Inject
    StartupConfig config;

    @Inject
    Leases leases;

    @Inject
    @ConfigProperty(name = "ketenzicht.retention.interval", defaultValue = "PT6H")
    Duration interval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void start(@Observes DatabaseMigrator.SchemaReady ready) {
        if (config.mode() == StartupConfig.Mode.PRODUCTION) {
            task = scheduler.scheduleWithFixedDelay(
                    this::runQuietly, FIRST_RUN.toSeconds(), interval.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Purges every case that has expired by now; returns how many went. */
    public int run() {
        return purgeExpired(() -> true);
    }

    /**
     * As {@link #run()}, while {@code mayGoOn} holds before each case: the scheduled run renews this node's
     * lease there, so that a node that lost it (stalled past the term) stops, and two nodes never purge at once.
     */
    private synchronized int purgeExpired(BooleanSupplier mayGoOn) {
        LocalDate closedBefore = policy.closedBefore();
        int purged = 0;
        for (List<Long> batch = expired(closedBefore); !batch.isEmpty(); batch = expired(closedBefore)) {
            int before = purged;
            for (long id : batch) {
                if (!mayGoOn.getAsBoolean()) {
                    return purged;
                }
                purged += purge.purge(id, closedBefore) ? 1 : 0;
            }
            if (purged == before) {
                break;
            }
        }
        return purged;
    }

    private void runQuietly() {
        try {
            int n = purgeExpired(this::holdsLease);
            if (n > 0) {
                LOG.info("Retention: " + n + " expired cases purged");
            }
        } catch (RuntimeException e) {
            LOG.warning("Retention purge failed, will retry at the next run: "
                    + e.getClass().getSimpleName());
        }
    }

    private boolean holdsLease() {
        try {
            return leases.hold(LEASE);
        } catch (SQLException e) {
            throw new IllegalStateException("retention lease", e);
        }
    }

    private List<Long> expired(LocalDate closedBefore) {
        return cases.closedBefore(closedBefore, BATCH);
    }
}
