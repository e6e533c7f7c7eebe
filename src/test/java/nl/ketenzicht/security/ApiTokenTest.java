package nl.ketenzicht.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A token's lifecycle: pending → active (a second administrator's approval) → revoked, never back. */
class ApiTokenTest {

    private static final Instant T0 = Instant.parse("2025-01-01T09:00:00Z");

    private static ApiToken requested() {
        return new ApiToken(5L, "partner system", "sha256-of-secret", 1L, T0);
    }

    @Test
    void pendingUntilApprovedThenActive() {
        ApiToken t = requested();
        assertEquals(ApiToken.Status.PENDING, t.status());
        t.approve(2L, T0.plusSeconds(60));
        assertEquals(ApiToken.Status.ACTIVE, t.status());
        assertEquals(2L, t.approvedBy());
        assertEquals(T0.plusSeconds(60), t.approvedAt());
    }

    @Test
    void approvedOnceAndNeverAfterRevocation() {
        ApiToken t = requested();
        t.approve(2L, T0);
        assertThrows(IllegalStateException.class, () -> t.approve(3L, T0.plusSeconds(1)));
        assertEquals(2L, t.approvedBy());
        ApiToken revoked = requested();
        revoked.revoke(T0);
        assertThrows(IllegalStateException.class, () -> revoked.approve(2L, T0.plusSeconds(1)));
        assertEquals(ApiToken.Status.REVOKED, revoked.status());
    }

    @Test
    void revocationIsFinalAndKeepsItsFirstTime() {
        ApiToken t = requested();
        t.approve(2L, T0);
        t.revoke(T0.plusSeconds(10));
        t.revoke(T0.plusSeconds(20));
        assertEquals(ApiToken.Status.REVOKED, t.status());
        assertEquals(T0.plusSeconds(10), t.revokedAt());
        assertFalse(t.active());
    }
}
