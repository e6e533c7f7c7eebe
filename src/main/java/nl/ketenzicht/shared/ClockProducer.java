package nl.ketenzicht.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;

/** The one source of time. Tests replace it through {@link MutableClock}. */
@ApplicationScoped
public class ClockProducer {

    private final MutableClock clock = new MutableClock(Clock.systemUTC());

    @Produces
    Clock clock() {
        return clock;
    }

    @Produces
    @Typed(MutableClock.class)
    MutableClock mutableClock() {
        return clock;
    }
}
