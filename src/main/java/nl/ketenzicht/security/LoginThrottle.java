package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username (whether or not it exists, so the answer reveals nothing) and
 * per address; after too many failures in the window, further attempts are refused until it passes.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "ketenzicht.login.max-failures", defaultValue = "5")
    int maxFailures;
    @Inject
    @ConfigProperty(name = "ketenzicht.login.lockout", defaultValue = "PT15M")
    Duration lockout;

    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    boolean isBlocked(String username, String address) {
        return blocked("u:" + normalise(username)) || blocked("a:" + address);
    }

    void recordFailure(String username, String address) {
        bump("u:" + normalise(username));
        bump("a:" + address);
    }

    void recordSuccess(String username) {
        failures.remove("u:" + normalise(username));
    }

    private boolean blocked(String key) {
        Window w = failures.get(key);
        return w != null && w.count >= maxFailures * (key.startsWith("a:") ? 4 : 1) && clock.instant().isBefore(w.start.plus(lockout));
    }

    private void bump(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, w) -> w == null || !now.isBefore(w.start.plus(lockout)) ? new Window(now, 1) : new Window(w.start, w.count + 1));
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }

    private record Window(Instant start, int count) {
    }
}
