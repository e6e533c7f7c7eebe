package nl.ketenzicht.parties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import org.junit.jupiter.api.Test;

class VictimTest {

    private static Victim victim() {
        return new Victim(
                1L,
                new VictimProfile(
                        Gender.FEMALE, 2007, 5, "NL", Set.of("LVB"), "PRO_ANA", LocalDate.of(2022, 9, 1), 70, true),
                Instant.EPOCH);
    }

    private static AangifteEvent event(AangifteEvent.Type type, String on, String... reasons) {
        return new AangifteEvent(type, LocalDate.parse(on), Set.of(reasons), false, PsychologistAdvice.NONE);
    }

    @Test
    void declinedThenMade() {
        Victim v = victim();
        v.record(event(AangifteEvent.Type.INFORMATORY_INTERVIEW, "2023-01-01"));
        v.record(event(AangifteEvent.Type.DECLINED, "2023-01-10", "SHAME"));
        v.record(event(AangifteEvent.Type.AANGIFTE_MADE, "2023-03-01"));
        assertEquals(AangifteStatus.AANGIFTE_MADE, v.aangifteStatus());
        v.record(event(AangifteEvent.Type.WITHDRAWN, "2023-04-01"));
        assertEquals(AangifteStatus.WITHDRAWN, v.aangifteStatus());
    }

    @Test
    void withdrawingNeedsAnAangifte() {
        var e = assertThrows(
                DomainRuleViolation.class, () -> victim().record(event(AangifteEvent.Type.WITHDRAWN, "2023-01-01")));
        assertEquals("AANGIFTE_WITHDRAWN_NOT_FROM_NONE", e.rule());
    }

    @Test
    void decliningNeedsAReason() {
        var e = assertThrows(
                DomainRuleViolation.class, () -> victim().record(event(AangifteEvent.Type.DECLINED, "2023-01-01")));
        assertEquals("DECLINED_NEEDS_REASON", e.rule());
        assertEquals("reasons", e.errors().get(0).field());
    }

    @Test
    void historyDatesDoNotGoBack() {
        Victim v = victim();
        v.record(event(AangifteEvent.Type.INFORMATORY_INTERVIEW, "2023-02-01"));
        var e = assertThrows(
                DomainRuleViolation.class, () -> v.record(event(AangifteEvent.Type.AANGIFTE_MADE, "2023-01-01")));
        assertEquals("AANGIFTE_DATE_BEFORE_PREVIOUS", e.rule());
    }

    @Test
    void agesAreDerivedFromBirthYearAndMonth() {
        Victim v = victim();
        assertEquals(15, v.ageOn(LocalDate.of(2022, 9, 1)).getAsInt(), "born mid-May 2007, 15 in September 2022");
        assertEquals(14, v.ageOn(LocalDate.of(2022, 5, 1)).getAsInt(), "not yet 15 on 1 May 2022");
    }

    @Test
    void exploitationCannotStartBeforeBirth() {
        var e = assertThrows(
                DomainRuleViolation.class,
                () -> new Victim(
                        1L,
                        new VictimProfile(
                                Gender.FEMALE, 2010, null, null, Set.of(), null, LocalDate.of(2009, 1, 1), null, null),
                        Instant.EPOCH));
        assertEquals("EXPLOITATION_BEFORE_BIRTH", e.rule());
    }
}
