package nl.ketenzicht.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrganisationTest {

    @Test
    void anOrganisationNeedsCodeNameAndType() {
        assertThrows(
                NullPointerException.class,
                () -> new Organisation(null, "n", OrganisationType.CARE, null, Instant.EPOCH));
        assertThrows(
                NullPointerException.class,
                () -> new Organisation("c", null, OrganisationType.CARE, null, Instant.EPOCH));
        assertThrows(NullPointerException.class, () -> new Organisation("c", "n", null, null, Instant.EPOCH));
    }

    @Test
    void renamingKeepsTheCodeAndDisablingIsUndone() {
        Organisation o = new Organisation("ZORG-1", "Zorg", OrganisationType.CARE, null, Instant.EPOCH);
        o.rename("Zorg Noord", OrganisationType.YOUTH_CARE, null);
        assertEquals("ZORG-1", o.code());
        assertEquals("Zorg Noord", o.name());
        assertEquals(OrganisationType.YOUTH_CARE, o.type());
        o.disable();
        assertFalse(o.enabled());
        o.enable();
        assertTrue(o.enabled());
    }
}
