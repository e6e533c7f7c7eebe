package nl.ketenzicht.shared;

import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether the database answers, as a watchdog finds out four times a second on a connection of its own
 * (not the pool's) whose every wait is bounded: connecting and the handshake by {@link #PROBE_TIMEOUT_MS},
 * each read by the same socket timeout. While the database is down, API requests are answered 503
 * at once ({@code RequestFilter}) instead of each waiting for a pool that cannot connect, readiness
 * is DOWN without touching the database, and the background jobs skip their turn; when the
 * watchdog's connection answers again, all of that ends by itself.
 *
 * <p>The log gets one line per change of state: DOWN with the cause, UP with how long it lasted and
 * how many requests were refused meanwhile. Failures of single requests while the watchdog still sees
 * the database (a broken pooled connection, a pool that has no connection to give) are summed into
 * at most one line a minute.
 */
@ApplicationScoped
public class DatabaseAvailability {

    /** Request attribute set when the caller could not be identified because the database failed. */
    public static final String UNAVAILABLE = "nl.ketenzicht.databaseUnavailable";

    static final int PROBE_TIMEOUT_MS = 1000;
    private static final long PROBE_EVERY_MS = 250;
    /** Readiness does not wait for a probe to fail: one that has not answered in this long already means DOWN. */
    private static final long UNANSWERED_AFTER_MS = 1000;
    /** Readiness also turns DOWN when no probe has finished for this long (the watchdog itself is stuck). */
    private static final long STALE_AFTER_MS = 5000;

    private static final long FAILURE_LINE_EVERY_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

    /** A thread of its own: on the shared scheduler the probe would wait behind jobs stuck on the same stalled database. */
    @Resource
    ManagedThreadFactory threads;

    private ScheduledExecutorService scheduler;

    private volatile boolean down;
    /**
     * The same, for code that CDI does not reach: EclipseLink's connector ({@link LazyConnectionPools})
     * and {@link Jdbc} refuse to ask the pool for a connection while it is set. One application per JVM.
     */
    private static volatile boolean knownDown;

    private static final int TROUBLE_WINDOW_SECONDS = 5;
    private static volatile long lastTroubleNanos;

    private volatile long lastProbeNanos = System.nanoTime();
    /** When the probe under way started; 0 while none is. */
    private volatile long probeStartedNanos;

    private volatile long downSinceNanos;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedWhileUp = new AtomicLong();
    private volatile long lastFailureLineNanos =
            System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(FAILURE_LINE_EVERY_MS);
    private volatile long upSinceNanos = lastFailureLineNanos;
    private volatile String lastFailureCause;
    private long failuresAtLastProbe;
    private MysqlDataSource probeSource;
    private Connection probe;
    private ScheduledFuture<?> watchdog;

    /** From the first migration on: before it, the application's account may not even have its grants. */
    void start(@Observes DatabaseMigrator.SchemaReady ready) {
        Config config = ConfigProvider.getConfig();
        probeSource = probeSource(
                config.getValue("ketenzicht.db.url", String.class),
                config.getValue("ketenzicht.db.user", String.class),
                config.getOptionalValue("ketenzicht.db.password", String.class).orElse(""));
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        watchdog = scheduler.scheduleWithFixedDelay(this::probe, 0, PROBE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (watchdog != null) {
            watchdog.cancel(false);
            scheduler.shutdownNow();
        }
        knownDown = false;
        closeProbe();
    }

    /** True while the watchdog finds the database down: asking the pool for a connection would only wait. */
    public static boolean knownDown() {
        return knownDown;
    }

    /**
     * A connection failed within the last few seconds (a request's, or the watchdog's probe). A database
     * that dies or fails over cuts statements off mid-read, and the driver then reports the cut as an odd
     * error of its own ("Not a navigable ResultSet", code 0), not as a lost connection; such an error so
     * soon after a connection failure is the same outage.
     */
    public static boolean troubledRecently() {
        long last = lastTroubleNanos;
        return last != 0 && System.nanoTime() - last < TimeUnit.SECONDS.toNanos(TROUBLE_WINDOW_SECONDS);
    }

    /** Marks a connection failure now (see {@link #troubledRecently()}). */
    public static void trouble() {
        lastTroubleNanos = System.nanoTime();
    }

    /** The failure to report instead of asking the pool while {@link #knownDown()}. */
    public static SQLException refusal() {
        return new java.sql.SQLNonTransientConnectionException(
                "The database does not answer (DatabaseAvailability)", "08001");
    }

    /** The application's instance, for the exception mappers that are made with {@code new}. */
    public static Optional<DatabaseAvailability> current() {
        try {
            return Optional.of(CDI.current().select(DatabaseAvailability.class).get());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** True while the watchdog's last probe failed: requests are refused without trying. */
    public boolean isDown() {
        return down;
    }

    /**
     * For readiness: the last probe succeeded, it is recent, and no probe has been waiting for an
     * answer for a second. Never waits for the database.
     */
    public boolean isUp() {
        long now = System.nanoTime();
        long started = probeStartedNanos;
        return !down
                && now - lastProbeNanos < TimeUnit.MILLISECONDS.toNanos(STALE_AFTER_MS)
                && (started == 0 || now - started < TimeUnit.MILLISECONDS.toNanos(UNANSWERED_AFTER_MS));
    }

    /** A request answered 503 because the database is down (counted for the line that ends the outage). */
    public void refused() {
        refused.incrementAndGet();
    }

    /**
     * A request failed for want of a database connection. While down, it is one more refusal. While
     * the watchdog still sees the database it is counted, and {@link #reportFailuresWhileUp} says so.
     */
    public void requestFailed(Throwable cause) {
        trouble();
        if (down) {
            refused.incrementAndGet();
        } else {
            lastFailureCause = cause.getClass().getSimpleName();
            failedWhileUp.incrementAndGet();
        }
    }

    /**
     * A ping on the watchdog's connection; a new connection when it has none. An unanswered ping
     * counts as down at once: reconnecting to a silent server takes as long again, and readiness
     * must not wait for that.
     */
    private void probe() {
        probeStartedNanos = System.nanoTime();
        try {
            if (probe != null && !probe.isValid(1)) {
                closeProbe();
                down(new SQLException("no answer to a ping within 1 s"));
            }
            if (probe == null) {
                probe = probeSource.getConnection();
            }
            lastProbeNanos = System.nanoTime();
            up();
            reportFailuresWhileUp();
        } catch (SQLException | RuntimeException e) {
            closeProbe();
            lastProbeNanos = System.nanoTime();
            down(e);
        } finally {
            probeStartedNanos = 0;
        }
    }

    /**
     * Failures of single requests while the database answers (a pool with no connection to give, a
     * broken pooled connection), in at most one line a minute. Failures just before an outage belong
     * to it, so a line is written only when they outlast a whole probe cycle; those right after an
     * outage (connections broken by it) are its tail and are not reported.
     */
    private void reportFailuresWhileUp() {
        long n = failedWhileUp.get();
        long now = System.nanoTime();
        boolean outlasted = n > 0 && failuresAtLastProbe > 0;
        failuresAtLastProbe = n;
        if (!outlasted || now - lastFailureLineNanos < TimeUnit.MILLISECONDS.toNanos(FAILURE_LINE_EVERY_MS)) {
            return;
        }
        failedWhileUp.addAndGet(-n);
        failuresAtLastProbe = 0;
        lastFailureLineNanos = now;
        if (now - upSinceNanos > TimeUnit.SECONDS.toNanos(10)) {
            LOG.warning(n + " request(s) answered 503 for want of a database connection (last: " + lastFailureCause
                    + "), while the database itself answers");
        }
    }

    private void down(Throwable cause) {
        if (!down) {
            downSinceNanos = System.nanoTime();
            refused.set(failedWhileUp.getAndSet(0));
            failuresAtLastProbe = 0;
            down = true;
            knownDown = true;
            trouble();
            LOG.warning("DATABASE DOWN (" + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage())
                    + "): API requests are answered 503 "
                    + "with Retry-After and readiness is DOWN until it answers again");
        }
    }

    private void up() {
        if (down) {
            upSinceNanos = System.nanoTime();
            down = false;
            knownDown = false;
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - downSinceNanos);
            LOG.info("DATABASE UP again after " + seconds + " s; " + refused.getAndSet(0)
                    + " request(s) were answered 503 meanwhile");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException | RuntimeException ignored) {
                // A connection that failed its probe may not close cleanly; it is dropped either way.
            }
            probe = null;
        }
    }

    /** The application's database and account, with every wait bounded by the probe timeout. */
    static MysqlDataSource probeSource(String url, String user, String password) {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        try {
            ds.setConnectTimeout(PROBE_TIMEOUT_MS);
            ds.setSocketTimeout(PROBE_TIMEOUT_MS);
            ds.setAllowPublicKeyRetrieval(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Connector/J refused a connection property", e);
        }
        return ds;
    }
}
