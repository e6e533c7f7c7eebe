package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void letsInUpToTheBoundAndTurnsAwayWhoWaitsTooLong() {
        Admission admission = new Admission(2, Duration.ofMillis(50));
        assertTrue(admission.enter());
        assertTrue(admission.enter());
        assertFalse(admission.enter(), "a third request waits 50 ms and is turned away");
        admission.leave();
        assertTrue(admission.enter(), "a finished request makes room");
    }

    @Test
    void aWaitingRequestGetsTheTurnThatIsFreed() throws Exception {
        Admission admission = new Admission(1, Duration.ofSeconds(10));
        assertTrue(admission.enter());
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(admission::enter);
        Thread.sleep(100);
        assertFalse(waiting.isDone(), "the second request waits while the first runs");
        admission.leave();
        assertTrue(waiting.get(5, TimeUnit.SECONDS));
    }

    @Test
    void refusesABoundThatLetsNobodyIn() {
        assertThrows(IllegalArgumentException.class, () -> new Admission(0, Duration.ofSeconds(1)));
    }
}
