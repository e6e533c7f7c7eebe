package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.stats.CompetingObservation;
import nl.ketenzicht.reports.stats.SurvivalObservation;
import org.junit.jupiter.api.Test;

/**
 * Measure 3: chain dates become competing-risks observations by the rule written on {@link Interval}.
 * Measures 5–6 (Kaplan–Meier): the median with its interval equals the hand-checked reference (R's survival::aml "Maintained":
 * survfit prints n = 11, events = 7, median 31, 0.95LCL 18, 0.95UCL NA).
 */
class ThroughputReportTest {

    private static final LocalDate INFLOW = LocalDate.of(2022, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2024, 1, 1);

    @Test
    void eachChainReachesEndsOrStaysOpenByTheWrittenRule() {
        var verdict = Interval.OM_INFLOW_TO_VERDICT;
        var reached =
                verdict.observe(chain("SUMMONS", 10, 40, null, null), TODAY).orElseThrow();
        assertEquals(CompetingObservation.event(40), reached);
        assertEquals(
                CompetingObservation.censored(730),
                verdict.observe(chain("SUMMONS", 10, null, null, null), TODAY).orElseThrow(),
                "summoned, no verdict yet, case open: censored at today");
        assertEquals(
                CompetingObservation.competing(25),
                verdict.observe(chain("SEPOT_POLICY", 25, null, null, null), TODAY)
                        .orElseThrow(),
                "a sepot ends the chain before any verdict: a competing ending on its day");
        assertEquals(
                CompetingObservation.competing(25),
                verdict.observe(chain("JOINDER", 25, null, null, null), TODAY).orElseThrow(),
                "after joinder no verdict can follow in this chain (a verdict needs a summons)");
        assertEquals(
                CompetingObservation.competing(60),
                verdict.observe(chain("SUMMONS", 10, null, 60, "COMPLETED"), TODAY)
                        .orElseThrow(),
                "the case closed without a verdict: competing ending at the closing day");
        assertEquals(
                CompetingObservation.competing(25),
                verdict.observe(chain("TRANSACTION", 25, null, 60, "COMPLETED"), TODAY)
                        .orElseThrow(),
                "the earliest ending counts");
        assertEquals(
                CompetingObservation.censored(60),
                verdict.observe(chain("SUMMONS", 10, null, 60, "TRANSFERRED"), TODAY)
                        .orElseThrow(),
                "transferred: the chain goes on elsewhere, censored at the closing day, not ended");
        assertEquals(
                CompetingObservation.censored(60),
                verdict.observe(chain(null, null, null, 60, "MERGED"), TODAY).orElseThrow());
        assertEquals(
                CompetingObservation.event(40),
                verdict.observe(chain("SUMMONS", 10, 40, 30, "COMPLETED"), TODAY)
                        .orElseThrow(),
                "a verdict recorded after the case was closed still reached the stage");
        assertTrue(
                verdict.observe(new ChainFact(INFLOW, null, null, null, null, null, null), TODAY)
                        .isEmpty(),
                "not yet at the first stage: not at risk");

        var decision = Interval.OM_INFLOW_TO_DECISION;
        assertEquals(
                CompetingObservation.event(25),
                decision.observe(chain("SEPOT_POLICY", 25, null, null, null), TODAY)
                        .orElseThrow());
        assertEquals(
                CompetingObservation.competing(60),
                decision.observe(chain(null, null, null, 60, "NO_LEADS"), TODAY).orElseThrow());

        var inflow = Interval.IN_VIEW_TO_OM_INFLOW;
        LocalDate inView = INFLOW.minusDays(100);
        assertEquals(
                CompetingObservation.event(100),
                inflow.observe(new ChainFact(inView, INFLOW, null, null, null, null, null), TODAY)
                        .orElseThrow());
        assertEquals(
                CompetingObservation.competing(30),
                inflow.observe(new ChainFact(inView, null, null, null, null, inView.plusDays(30), "NO_OFFENCE"), TODAY)
                        .orElseThrow(),
                "a suspect in a closed case that never reached OM inflow is no longer at risk (issue 13, point 3)");
        assertEquals(
                CompetingObservation.censored(830),
                inflow.observe(new ChainFact(inView, null, null, null, null, null, null), TODAY)
                        .orElseThrow());
        assertEquals(
                CompetingObservation.competing(0),
                inflow.observe(new ChainFact(inView, null, null, null, null, inView.minusDays(3), "OTHER"), TODAY)
                        .orElseThrow(),
                "never negative");
    }

    /** A suspect with OM inflow on INFLOW, and the given decision, verdict and closing day (days after inflow). */
    private static ChainFact chain(
            String decision, Integer decisionDay, Integer verdictDay, Integer closedDay, String reason) {
        return new ChainFact(
                INFLOW.minusDays(50), INFLOW, day(decisionDay), decision, day(verdictDay), day(closedDay), reason);
    }

    private static LocalDate day(Integer d) {
        return d == null ? null : INFLOW.plusDays(d);
    }

    @Test
    void medianAndIntervalEqualTheReference() {
        int[] days = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
        boolean[] event = {true, true, false, true, true, false, true, true, false, true, false};
        List<SurvivalObservation> obs = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            obs.add(new SurvivalObservation(days[i], event[i]));
        }
        var view = ThroughputReport.build(
                "REFERRAL_TO_START",
                Map.of(),
                List.of(
                        new RegionRef("AMS", "Amsterdam"),
                        new RegionRef("RDM", "Rotterdam"),
                        new RegionRef("DH", "Den Haag")),
                Set.of("AMS", "RDM", "DH"),
                Map.of("AMS", obs, "RDM", obs.subList(0, 3), "DH", obs.subList(0, 6)),
                5);
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
        assertNull(
                view.rows().get(2).people().value(),
                "Den Haag's 6 is withheld too, or 20 - 11 - 6 reveals Rotterdam's 3");
        assertEquals(20, view.national().people().value());
        assertEquals(13, view.national().events().value());
        assertEquals(3, view.national().curve().size(), "13 events nationally: the start and two steps of at least 5");
    }
}
