package nl.ketenzicht.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.ketenzicht.shared.DatabaseMigrator;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Seals new log entries into the hash chain every second, in one thread, so that request threads
 * only insert and never wait for each other. An entry that is still unsealed after the grace period
 * is one that was slipped in afterwards, and the verifier reports it.
 */
@ApplicationScoped
public class AuditSealer {

    static final Duration GRACE = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

    @Inject
    AuditStore store;
    @Inject
    Clock clock;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;
    private volatile String lastError;
    private volatile ChainVerifier.Anchor anchor;
    private volatile long anchorLoggedSeq;

    void start(@Observes DatabaseMigrator.SchemaReady ready) {
        task = scheduler.scheduleWithFixedDelay(this::sealQuietly, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Seals what is pending and publishes the new head in the server log (outside the database). */
    public synchronized void sealNow() throws SQLException {
        ChainVerifier.Anchor head = store.sealPending(clock.instant(), GRACE);
        if (head != null) {
            anchor = head;
            if (head.seq() - anchorLoggedSeq >= 100 || anchorLoggedSeq == 0) {
                LOG.info("AUDIT CHAIN ANCHOR seq=" + head.seq() + " hash=" + head.hash());
                anchorLoggedSeq = head.seq();
            }
        }
    }

    private void sealQuietly() {
        try {
            sealNow();
            lastError = null;
        } catch (SQLException | RuntimeException e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!message.equals(lastError)) {
                LOG.warning("Sealing the access log failed, will retry: " + message);
                lastError = message;
            }
        }
    }

    public ChainVerifier.Result verify() throws SQLException {
        sealNow();
        return store.verify(GRACE, anchor);
    }
}
