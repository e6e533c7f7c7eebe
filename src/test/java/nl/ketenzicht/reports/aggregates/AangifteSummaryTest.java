package nl.ketenzicht.reports.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a victim's aangifte history is counted in measure 4. */
class AangifteSummaryTest {

    @Test
    void madeStaysMadeAfterWithdrawalAndAdviceIsCombinedOverHearings() {
        VictimFacts.AangifteSummary a = new VictimFacts.AangifteSummary();
        assertEquals("NO_HEARING", a.hearing());
        a.add("DECLINED", "NONE", "SHAME");
        a.add("DECLINED", "NONE", "FEAR_SUSPECT");
        assertEquals("NO_HEARING", a.hearing(), "declining is not a hearing");
        a.add("INFORMATORY_INTERVIEW", "BEFORE", null);
        assertEquals("BEFORE", a.hearing());
        a.add("AANGIFTE_MADE", "DURING", null);
        a.add("WITHDRAWN", "NONE", null);
        assertEquals("BEFORE_AND_DURING", a.hearing());
        assertTrue(a.made && a.declined);
        assertEquals(Set.of("FEAR_SUSPECT", "SHAME"), a.reasons);
        VictimFacts.AangifteSummary b = new VictimFacts.AangifteSummary();
        b.add("INFORMATORY_INTERVIEW", "NONE", null);
        assertEquals("NONE", b.hearing());
        assertFalse(b.made);
    }
}
