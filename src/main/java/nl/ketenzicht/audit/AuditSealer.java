package nl.ketenzicht.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import nl.ketenzicht.shared.DatabaseMigrator;
import nl.ketenzicht.shared.EverySecond;
import nl.ketenzicht.shared.Leases;

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

    @Inject
    Leases leases;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private EverySecond task;
    private volatile ChainVerifier.Anchor anchor;
    private volatile long anchorLoggedSeq;

    void start(@Observes DatabaseMigrator.SchemaReady ready) {
        task = EverySecond.start(
                scheduler, LOG, "Sealing the access log", leases.onOneNode("audit-sealer", this::sealNow));
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.stop();
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

    public ChainVerifier.Result verify() throws SQLException {
        sealNow();
        return store.verify(GRACE, anchor);
    }
}
