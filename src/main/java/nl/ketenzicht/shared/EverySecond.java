package nl.ketenzicht.shared;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import nl.ketenzicht.shared.problem.UnexpectedErrorMapper;

/**
 * A background step run once a second in one thread (never overlapping itself). A failure is logged
 * once, not every second while it lasts, and the step is simply run again: it must be safe to retry.
 * While the database is down the step skips its turn, and a failure for want of a connection is not
 * logged at all: {@link DatabaseAvailability} logs the outage once.
 */
public final class EverySecond {

    /** The step; any exception it throws is a failure to log and retry. */
    public interface Step {
        void run() throws Exception;
    }

    private final Logger log;
    private final String what;
    private final Step step;
    private final ScheduledFuture<?> future;
    private final Optional<DatabaseAvailability> database = DatabaseAvailability.current();
    private volatile String lastError;

    private EverySecond(ManagedScheduledExecutorService scheduler, Logger log, String what, Step step) {
        this.log = log;
        this.what = what;
        this.step = step;
        this.future = scheduler.scheduleWithFixedDelay(this::runQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts {@code step}; {@code what} names it in the log ("Sealing the access log"). */
    public static EverySecond start(ManagedScheduledExecutorService scheduler, Logger log, String what, Step step) {
        return new EverySecond(scheduler, log, what, step);
    }

    public void stop() {
        future.cancel(false);
    }

    private void runQuietly() {
        if (database.map(DatabaseAvailability::isDown).orElse(false)) {
            return;
        }
        try {
            step.run();
            lastError = null;
        } catch (Exception e) {
            if (UnexpectedErrorMapper.databaseUnavailable(e)) {
                return;
            }
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!message.equals(lastError)) {
                log.warning(what + " failed, will retry: " + message);
                lastError = message;
            }
        }
    }
}
