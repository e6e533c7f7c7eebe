package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins per account name (whether or not it exists, so the answer reveals nothing) and
 * per client address ({@link nl.ketenzicht.identity.ClientAddress}: behind a trusted proxy, the client's own).
 * <ul>
 *   <li>An account is refused after {@code max-failures} failures, first for {@code backoff}, and for
 *       twice as long after each further failure, at most {@code lockout}; its count is forgotten
 *       {@code lockout} after its last failure and wait, or at a successful login. So guessing one password
 *       stays slow, while the owner of an account that someone else tried waits minutes, not hours.</li>
 *   <li>An address is refused for {@code lockout} after four times {@code max-failures} failures
 *       within {@code lockout}: one client trying many accounts. Only that client is refused.</li>
 * </ul>
 * The counts are held by {@link ThrottleCounts}, in the database: every node of a cluster counts the same
 * failures (issue 19).
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int ADDRESS_FACTOR = 4;
    /** Every this many failures, counts that can no longer refuse anyone are deleted. */
    private static final int PRUNE_EVERY = 100;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ketenzicht.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "ketenzicht.login.lockout", defaultValue = "PT15M")
    Duration lockout;

    @Inject
    @ConfigProperty(name = "ketenzicht.login.backoff", defaultValue = "PT1M")
    Duration backoff;

    @Inject
    ThrottleCounts counts;

    private final AtomicInteger sincePrune = new AtomicInteger();

    /** How long this attempt must still wait, if it is refused. */
    Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(
                accountLockedUntil(counts.get(ThrottleCounts.Kind.ACCOUNT, normalise(username))
                        .orElse(null)),
                addressLockedUntil(
                        counts.get(ThrottleCounts.Kind.ADDRESS, key(address)).orElse(null)));
        return until != null && now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void recordFailure(String username, String address) {
        Instant now = clock.instant();
        counts.update(ThrottleCounts.Kind.ACCOUNT, normalise(username), w -> bumped(w, true, now));
        counts.update(ThrottleCounts.Kind.ADDRESS, key(address), w -> bumped(w, false, now));
        if (sincePrune.incrementAndGet() % PRUNE_EVERY == 0) {
            // An account's count lapses at most 2 x lockout after its last failure, an address's sooner.
            counts.prune(now.minus(lockout.multipliedBy(2)));
        }
    }

    void recordSuccess(String username) {
        counts.forget(ThrottleCounts.Kind.ACCOUNT, normalise(username));
    }

    private Instant accountLockedUntil(Window w) {
        if (w == null || w.count < maxFailures) {
            return null;
        }
        int doublings = Math.min(w.count - maxFailures, 30);
        Duration wait = backoff.multipliedBy(1L << doublings);
        return w.last.plus(wait.compareTo(lockout) > 0 ? lockout : wait);
    }

    private Instant addressLockedUntil(Window w) {
        return w == null || w.count < maxFailures * ADDRESS_FACTOR ? null : w.first.plus(lockout);
    }

    /**
     * A count that began at {@code first}, last raised at {@code last}. An address's lapses {@code lockout}
     * after its first failure; an account's {@code lockout} after its last failure or the end of its wait,
     * whichever is later, so that waiting out the longest wait does not start the count afresh.
     */
    private Window bumped(Window w, boolean account, Instant now) {
        return w == null || !now.isBefore(lapse(w, account))
                ? new Window(now, now, 1)
                : new Window(w.first, now, w.count + 1);
    }

    private Instant lapse(Window w, boolean account) {
        if (!account) {
            return w.first.plus(lockout);
        }
        Instant until = accountLockedUntil(w);
        return (until == null ? w.last : until).plus(lockout);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }

    /** Failures counted since {@code first}, the last at {@code last}. */
    record Window(Instant first, Instant last, int count) {}
}
