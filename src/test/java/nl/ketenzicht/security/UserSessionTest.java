package nl.ketenzicht.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a session lives: idle and absolute timeouts, the short life of a half-finished login, logout. */
class UserSessionTest {

    private static final Instant T0 = Instant.parse("2025-01-01T09:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(15);
    private static final Duration ABSOLUTE = Duration.ofHours(8);

    private static UserSession session(UserSession.Stage stage) {
        return new UserSession("hash", 1L, stage, T0);
    }

    @Test
    void anIdleSessionEndsAndActivityKeepsItAlive() {
        UserSession s = session(UserSession.Stage.AUTHENTICATED);
        assertTrue(s.isLive(T0.plus(IDLE).minusSeconds(1), IDLE, ABSOLUTE));
        assertFalse(s.isLive(T0.plus(IDLE), IDLE, ABSOLUTE));
        assertTrue(s.touch(T0.plus(Duration.ofMinutes(10))));
        assertTrue(s.isLive(T0.plus(Duration.ofMinutes(24)), IDLE, ABSOLUTE));
    }

    @Test
    void activityIsWrittenAtMostEveryThirtySeconds() {
        UserSession s = session(UserSession.Stage.AUTHENTICATED);
        assertFalse(s.touch(T0.plusSeconds(29)));
        assertTrue(s.touch(T0.plusSeconds(30)));
        assertFalse(s.touch(T0.plusSeconds(59)));
    }

    @Test
    void noSessionOutlivesTheAbsoluteTimeout() {
        UserSession s = session(UserSession.Stage.AUTHENTICATED);
        Instant t = T0;
        while (t.isBefore(T0.plus(ABSOLUTE).minus(IDLE))) {
            t = t.plus(Duration.ofMinutes(10));
            s.touch(t);
        }
        assertTrue(s.isLive(T0.plus(ABSOLUTE).minusSeconds(1), IDLE, ABSOLUTE));
        assertFalse(s.isLive(T0.plus(ABSOLUTE), IDLE, ABSOLUTE));
    }

    /** The bound for a user disabled at the provider: a provider's session ends after its lifetime, however active. */
    @Test
    void aSessionFromAProviderEndsAtItsBoundWhileAPasswordSessionGoesOn() {
        Duration bound = Duration.ofHours(1);
        UserSession provider = session(UserSession.Stage.AUTHENTICATED);
        provider.openedBy(7L, "id-token");
        UserSession password = session(UserSession.Stage.AUTHENTICATED);
        for (Instant t = T0.plus(Duration.ofMinutes(10));
                t.isBefore(T0.plus(bound));
                t = t.plus(Duration.ofMinutes(10))) {
            provider.touch(t);
            password.touch(t);
        }
        assertTrue(provider.isLive(T0.plus(bound).minusSeconds(1), IDLE, ABSOLUTE, bound));
        assertFalse(provider.isLive(T0.plus(bound), IDLE, ABSOLUTE, bound));
        assertTrue(password.isLive(T0.plus(bound), IDLE, ABSOLUTE, bound));
        provider.end(T0);
        assertEquals(null, provider.oidcIdToken(), "the ID token is dropped at the end");
    }

    @Test
    void aLoginWaitingForItsCodeLivesFiveMinutes() {
        UserSession s = session(UserSession.Stage.PASSWORD_OK);
        assertTrue(s.isLive(T0.plus(UserSession.PENDING_LIFETIME).minusSeconds(1), IDLE, ABSOLUTE));
        assertFalse(s.isLive(T0.plus(UserSession.PENDING_LIFETIME), IDLE, ABSOLUTE));
    }

    @Test
    void anEndedSessionStaysEnded() {
        UserSession s = session(UserSession.Stage.AUTHENTICATED);
        s.end(T0.plusSeconds(5));
        assertFalse(s.isLive(T0.plusSeconds(6), IDLE, ABSOLUTE));
        s.touch(T0.plusSeconds(60));
        assertFalse(s.isLive(T0.plusSeconds(61), IDLE, ABSOLUTE));
    }

    @Test
    void eachSessionHasItsOwnCsrfToken() {
        assertNotEquals(
                session(UserSession.Stage.AUTHENTICATED).csrfToken(),
                session(UserSession.Stage.AUTHENTICATED).csrfToken());
    }
}
