package nl.ketenzicht.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import nl.ketenzicht.security.ShareScope;
import org.junit.jupiter.api.Test;

class CaseShareTest {

    private static final Instant GRANTED = Instant.parse("2025-01-01T09:00:00Z");

    private static CaseShare share() {
        return new CaseShare(1, 2, "care", ShareScope.READ, LocalDate.of(2025, 2, 1), GRANTED, "owner");
    }

    @Test
    void revokingKeepsTheFirstRevocationTime() {
        CaseShare s = share();
        assertNull(s.revokedAt());
        s.revoke(GRANTED.plusSeconds(60));
        s.revoke(GRANTED.plusSeconds(120));
        assertEquals(GRANTED.plusSeconds(60), s.revokedAt());
    }

    @Test
    void aShareStatesPurposeScopeAndLastDay() {
        assertThrows(
                NullPointerException.class,
                () -> new CaseShare(1, 2, null, ShareScope.READ, LocalDate.of(2025, 2, 1), GRANTED, "o"));
        assertThrows(
                NullPointerException.class,
                () -> new CaseShare(1, 2, "care", null, LocalDate.of(2025, 2, 1), GRANTED, "o"));
        assertThrows(
                NullPointerException.class, () -> new CaseShare(1, 2, "care", ShareScope.READ, null, GRANTED, "o"));
    }
}
