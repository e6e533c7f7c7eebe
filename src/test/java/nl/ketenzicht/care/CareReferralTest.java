package nl.ketenzicht.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import org.junit.jupiter.api.Test;

/** A referral's steps (referred → started → ended) and a refused revision leaving it as it was. */
class CareReferralTest {

    private static final LocalDate REFERRED = LocalDate.of(2024, 1, 10);

    private static CareReferral.Details d(LocalDate started, LocalDate ended) {
        return new CareReferral.Details("SHELTER", REFERRED, started, ended);
    }

    @Test
    void aReferralStartsThenEnds() {
        CareReferral r = new CareReferral(3, d(null, null));
        r.revise(d(REFERRED.plusDays(20), null));
        assertEquals(REFERRED.plusDays(20), r.startedOn());
        r.revise(d(REFERRED.plusDays(20), REFERRED.plusDays(20)));
        assertEquals(REFERRED.plusDays(20), r.endedOn(), "care may end on the day it started");
        assertEquals(3, r.victimId());
    }

    @Test
    void careDoesNotEndBeforeItStarted() {
        var e = assertThrows(
                DomainRuleViolation.class, () -> new CareReferral(3, d(REFERRED.plusDays(5), REFERRED.plusDays(4))));
        assertEquals("CARE_ENDED_BEFORE_START", e.rule());
        assertEquals("endedOn", e.errors().get(0).field());
    }

    @Test
    void aRefusedRevisionChangesNothing() {
        CareReferral r = new CareReferral(3, d(REFERRED.plusDays(2), null));
        assertThrows(DomainRuleViolation.class, () -> r.revise(d(REFERRED.minusDays(1), null)));
        assertEquals(REFERRED.plusDays(2), r.startedOn());
        assertEquals("SHELTER", r.careType());
    }

    @Test
    void aRunawayEpisodeIsFoundLaterAndOnlyThenClosed() {
        RunawayEpisode e = new RunawayEpisode(3, new RunawayEpisode.Details("FAMILY", REFERRED, REFERRED, null, null));
        assertEquals(null, e.foundOn());
        e.revise(new RunawayEpisode.Details("FAMILY", REFERRED, REFERRED, REFERRED.plusDays(9), true));
        assertEquals(REFERRED.plusDays(9), e.foundOn());
        assertEquals(Boolean.TRUE, e.victimisedDuring());
        assertThrows(
                DomainRuleViolation.class,
                () -> e.revise(new RunawayEpisode.Details("FAMILY", REFERRED, null, REFERRED.minusDays(1), true)));
        assertEquals(REFERRED.plusDays(9), e.foundOn(), "a refused revision keeps what was recorded");
    }
}
