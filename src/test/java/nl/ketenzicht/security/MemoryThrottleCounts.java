package nl.ketenzicht.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The throttle's counts in memory, for unit tests of its rules. */
final class MemoryThrottleCounts implements ThrottleCounts {

    private final Map<String, LoginThrottle.Window> counts = new ConcurrentHashMap<>();

    @Override
    public Optional<LoginThrottle.Window> get(Kind kind, String subject) {
        return Optional.ofNullable(counts.get(kind + ":" + subject));
    }

    @Override
    public void update(Kind kind, String subject, UnaryOperator<LoginThrottle.Window> change) {
        counts.compute(kind + ":" + subject, (k, w) -> change.apply(w));
    }

    @Override
    public void forget(Kind kind, String subject) {
        counts.remove(kind + ":" + subject);
    }

    @Override
    public void prune(Instant before) {
        counts.values().removeIf(w -> w.last().isBefore(before));
    }

    int size() {
        return counts.size();
    }
}
