package nl.ketenzicht.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import org.junit.jupiter.api.Test;

class CareRulesTest {

    private static final LocalDate JAN = LocalDate.of(2024, 1, 10);

    @Test
    void aRunawayIsNotReportedOrFoundBeforeSheWentMissing() {
        assertEquals(
                "RUNAWAY_REPORTED_BEFORE_MISSING",
                assertThrows(
                                DomainRuleViolation.class,
                                () -> new RunawayEpisode(
                                        1, new RunawayEpisode.Details("SHELTER", JAN, JAN.minusDays(1), null, null)))
                        .rule());
        assertEquals(
                "RUNAWAY_FOUND_BEFORE_MISSING",
                assertThrows(
                                DomainRuleViolation.class,
                                () -> new RunawayEpisode(
                                        1, new RunawayEpisode.Details("SHELTER", JAN, null, JAN.minusDays(1), null)))
                        .rule());
    }

    @Test
    void careStartsAfterTheReferralAndEndsAfterItStarts() {
        assertEquals(
                "CARE_STARTED_BEFORE_REFERRAL",
                assertThrows(
                                DomainRuleViolation.class,
                                () -> new CareReferral(
                                        1, new CareReferral.Details("SHELTER", JAN, JAN.minusDays(1), null)))
                        .rule());
        assertEquals(
                "CARE_ENDED_WITHOUT_START",
                assertThrows(
                                DomainRuleViolation.class,
                                () -> new CareReferral(
                                        1, new CareReferral.Details("SHELTER", JAN, null, JAN.plusDays(3))))
                        .rule());
        new CareReferral(1, new CareReferral.Details("SHELTER", JAN, JAN.plusDays(30), null));
    }
}
