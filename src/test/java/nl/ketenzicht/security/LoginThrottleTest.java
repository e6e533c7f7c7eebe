package nl.ketenzicht.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import nl.ketenzicht.shared.MutableClock;
import org.junit.jupiter.api.Test;

/** Per account with back-off, per client address with a fixed window. */
class LoginThrottleTest {

    private final MutableClock clock =
            new MutableClock(Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
    private final LoginThrottle throttle = new LoginThrottle();
    private final MemoryThrottleCounts counts = new MemoryThrottleCounts();

    LoginThrottleTest() {
        throttle.counts = counts;
        throttle.clock = clock;
        throttle.maxFailures = 5;
        throttle.lockout = Duration.ofMinutes(15);
        throttle.backoff = Duration.ofMinutes(1);
    }

    @Test
    void anAccountWaitsLongerAfterEachFurtherFailureUpToTheLockout() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), throttle.refusal("anna", "a" + i));
            throttle.recordFailure("anna", "a" + i);
        }
        assertEquals(
                Optional.of(Duration.ofMinutes(1)),
                throttle.refusal("Anna ", "elsewhere"),
                "the account, from any address");
        long[] waits = {2, 4, 8, 15, 15};
        for (long wait : waits) {
            clock.advance(throttle.refusal("anna", "x").orElseThrow());
            assertEquals(Optional.empty(), throttle.refusal("anna", "x"));
            throttle.recordFailure("anna", "x");
            assertEquals(Optional.of(Duration.ofMinutes(wait)), throttle.refusal("anna", "x"));
        }
        clock.advance(Duration.ofMinutes(29));
        throttle.recordFailure("anna", "x");
        assertEquals(
                Optional.of(Duration.ofMinutes(15)),
                throttle.refusal("anna", "x"),
                "waiting out the wait does not start afresh");
        clock.advance(Duration.ofMinutes(30));
        throttle.recordFailure("anna", "x");
        assertEquals(
                Optional.empty(),
                throttle.refusal("anna", "x"),
                "15 quiet minutes after the wait: counting starts again");
    }

    @Test
    void oneClientsFailuresRefuseThatClientOnly() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i, "198.51.100.7");
        }
        assertTrue(throttle.refusal("bert", "198.51.100.7").isPresent(), "the address that tried twenty accounts");
        assertEquals(Optional.empty(), throttle.refusal("bert", "198.51.100.8"), "another client");
        assertEquals(Optional.empty(), throttle.refusal("user1", "198.51.100.8"), "an account tried once");
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("carla", "x");
        }
        throttle.recordSuccess("CARLA");
        throttle.recordFailure("carla", "x");
        assertEquals(Optional.empty(), throttle.refusal("carla", "y"));
    }

    @Test
    void countsThatCanNoLongerRefuseAreDeletedNowAndThen() {
        for (int i = 0; i < 99; i++) {
            throttle.recordFailure("dirk" + i, "x");
        }
        clock.advance(Duration.ofMinutes(31));
        throttle.recordFailure("eva", "y");
        assertEquals(2, counts.size(), "the hundredth failure deleted the counts older than twice the lockout");
    }
}
