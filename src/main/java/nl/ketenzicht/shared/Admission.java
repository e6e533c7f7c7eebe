package nl.ketenzicht.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on the API requests processed at once; the others wait their turn, in arrival order, for
 * at most {@code maxWait}. More requests at once do not finish sooner: they share the same cores,
 * and each then costs more. On two cores, 32 concurrent case creations took 6.4 ms of server CPU
 * each and ran at 266/s; 8 at a time took 2.7 ms each and ran at 475/s (bench/RESULTS.md).
 */
public final class Admission {

    private final Semaphore permits;
    private final long maxWaitNanos;

    public Admission(int concurrent, Duration maxWait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("at least one request must be let in");
        }
        this.permits = new Semaphore(concurrent, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** The default bound: four requests per processor the JVM may use. */
    public static int perProcessors() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    /** Waits for a turn; false when none came within the wait (the caller answers 503). */
    public boolean enter() {
        try {
            return permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ends a turn that {@link #enter} gave. */
    public void leave() {
        permits.release();
    }
}
