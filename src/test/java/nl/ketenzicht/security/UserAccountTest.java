package nl.ketenzicht.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import nl.ketenzicht.identity.Role;
import org.junit.jupiter.api.Test;

/** A user's lifecycle: second-factor enrolment, replay refusal, disabling (its own and its organisation's). */
class UserAccountTest {

    private final Organisation police =
            new Organisation("POL-1", "Politie", OrganisationType.POLICE, "AMS", Instant.EPOCH);

    private UserAccount user() {
        return new UserAccount("anna", "hash", Role.CASEWORKER, police, null, Instant.EPOCH);
    }

    @Test
    void enrolmentIsConfirmedByTheFirstAcceptedStepAndThenClosed() {
        UserAccount u = user();
        u.startTotpEnrolment("secret-1");
        u.startTotpEnrolment("secret-2");
        assertEquals("secret-2", u.totpSecret(), "enrolment restarts while unconfirmed");
        assertFalse(u.totpConfirmed());
        assertTrue(u.acceptTotpStep(100));
        assertTrue(u.totpConfirmed());
        assertThrows(IllegalStateException.class, () -> u.startTotpEnrolment("secret-3"));
        assertEquals("secret-2", u.totpSecret());
    }

    @Test
    void aTimeStepIsAcceptedOnceAndNeverAnOlderOne() {
        UserAccount u = user();
        u.startTotpEnrolment("s");
        assertTrue(u.acceptTotpStep(100));
        assertFalse(u.acceptTotpStep(100), "replay");
        assertFalse(u.acceptTotpStep(99), "older step");
        assertTrue(u.acceptTotpStep(101));
    }

    @Test
    void resettingTheSecondFactorAllowsANewEnrolmentButNoReplay() {
        UserAccount u = user();
        u.startTotpEnrolment("s");
        u.acceptTotpStep(100);
        u.resetTotp();
        assertNull(u.totpSecret());
        assertFalse(u.totpConfirmed());
        u.startTotpEnrolment("t");
        assertFalse(u.acceptTotpStep(100), "the used step stays used");
    }

    @Test
    void aUserIsEnabledOnlyWhileItsOrganisationIs() {
        UserAccount u = user();
        assertTrue(u.enabled());
        police.disable();
        assertFalse(u.enabled());
        assertTrue(u.enabledItself(), "the account's own switch is untouched");
        police.enable();
        u.disable();
        assertFalse(u.enabled());
        u.enable();
        assertTrue(u.enabled());
    }

    @Test
    void roleAndPasswordChange() {
        UserAccount u = user();
        u.assignRole(Role.COORDINATOR, "AMS");
        u.changePassword("hash-2");
        assertEquals(Role.COORDINATOR, u.role());
        assertEquals("AMS", u.policeUnit());
        assertEquals("hash-2", u.passwordHash());
        assertThrows(NullPointerException.class, () -> u.assignRole(null, null));
    }
}
