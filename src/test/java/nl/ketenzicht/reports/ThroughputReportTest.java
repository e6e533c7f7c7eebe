package nl.ketenzicht.reports;

import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.stats.SurvivalObservation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 2 for measure 3: chain dates become observations with open chains censored, and the
 * median with its interval equals the hand-checked reference (R's survival::aml "Maintained":
 * survfit prints n = 11, events = 7, median 31, 0.95LCL 18, 0.95UCL NA).
 */
class ThroughputReportTest {

    private static final LocalDate INFLOW = LocalDate.of(2022, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2024, 1, 1);

    @Test
    void openChainsAreCensoredAtTodayOrAtAnEndingDecision() {
        var verdict = Interval.OM_INFLOW_TO_VERDICT;
        var reached = verdict.observe(INFLOW, INFLOW.plusDays(40), "SUMMONS", INFLOW.plusDays(10), TODAY).orElseThrow();
        assertTrue(reached.event());
        assertEquals(40, reached.time());
        var waiting = verdict.observe(INFLOW, null, "SUMMONS", INFLOW.plusDays(10), TODAY).orElseThrow();
        assertFalse(waiting.event(), "summoned, no verdict yet: still open");
        assertEquals(730, waiting.time(), "censored at today");
        var dismissed = verdict.observe(INFLOW, null, "SEPOT_POLICY", INFLOW.plusDays(25), TODAY).orElseThrow();
        assertFalse(dismissed.event());
        assertEquals(25, dismissed.time(), "a dismissal ends the chain before any verdict: censored there");
        assertTrue(verdict.observe(null, null, null, null, TODAY).isEmpty(), "not yet at the first stage: not at risk");
    }

    @Test
    void medianAndIntervalEqualTheReference() {
        int[] days = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
        boolean[] event = {true, true, false, true, true, false, true, true, false, true, false};
        List<SurvivalObservation> obs = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            LocalDate inflow = INFLOW.plusDays(i);
            obs.add(Interval.OM_INFLOW_TO_VERDICT.observe(inflow, event[i] ? inflow.plusDays(days[i]) : null, null, null,
                    inflow.plusDays(days[i])).orElseThrow());
        }
        var view = ThroughputReport.build(Interval.OM_INFLOW_TO_VERDICT, ReportRequest.parse(Map.of()),
                List.of(new RegionRef("AMS", "Amsterdam"), new RegionRef("RDM", "Rotterdam"), new RegionRef("DH", "Den Haag")),
                Set.of("AMS", "RDM", "DH"), Map.of("AMS", obs, "RDM", obs.subList(0, 3), "DH", obs.subList(0, 6)), 5);
        var ams = view.rows().get(0);
        assertEquals(11, ams.people().value());
        assertEquals(7, ams.events().value());
        assertEquals(31.0, ams.medianDays(), 1e-12);
        assertEquals(18.0, ams.lower95(), 1e-12);
        assertNull(ams.upper95(), "R prints NA: the upper limit is not reached");
        // Events at 9, 13, 18, 23 and 31 make the first step of five: S(31) = 10/11 * 9/10 * 7/8 * 6/7 * 4/5 = 27/55;
        // the two events after it (34, 48) are fewer than k, so the curve publishes no further step.
        var curve = ams.curve();
        assertEquals(2, curve.size(), "the start and one step: " + curve);
        assertEquals(new ThroughputReport.CurvePoint(0, 1), curve.get(0));
        assertEquals(31.0, curve.get(1).days());
        assertEquals(27.0 / 55, curve.get(1).survival(), 1e-12);
        assertTrue(view.rows().get(1).curve().isEmpty(), "no curve for a suppressed region");
        var rdm = view.rows().get(1);
        assertNull(rdm.people().value(), "3 people is below k");
        assertNull(rdm.medianDays(), "no median for a suppressed region");
        assertNull(view.rows().get(2).people().value(), "Den Haag's 6 is withheld too, or 20 - 11 - 6 reveals Rotterdam's 3");
        assertEquals(20, view.national().people().value());
        assertEquals(13, view.national().events().value());
        assertEquals(3, view.national().curve().size(), "13 events nationally: the start and two steps of at least 5");
    }
}
