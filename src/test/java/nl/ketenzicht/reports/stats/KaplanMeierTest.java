package nl.ketenzicht.reports.stats;

import static nl.ketenzicht.reports.stats.SurvivalObservation.censored;
import static nl.ketenzicht.reports.stats.SurvivalObservation.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    private static final double EXACT = 1e-12;
    private static final double Z = 1.959963984540054;

    /** R's survival::aml, group "Maintained": 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+. */
    private static final List<SurvivalObservation> AML_MAINTAINED = List.of(
            event(9),
            event(13),
            censored(13),
            event(18),
            event(23),
            censored(28),
            event(31),
            event(34),
            censored(45),
            event(48),
            censored(161));

    @Test
    void amlMaintainedCurveMatchesHandComputation() {
        SurvivalCurve curve = KaplanMeier.fit(AML_MAINTAINED);
        // Product-limit factors (n - d)/n and Greenwood terms d/(n(n - d)) at each distinct time.
        double[] times = {9, 13, 18, 23, 28, 31, 34, 45, 48, 161};
        int[] atRisk = {11, 10, 8, 7, 6, 5, 4, 3, 2, 1};
        int[] events = {1, 1, 1, 1, 0, 1, 1, 0, 1, 0};
        int[] censored = {0, 1, 0, 0, 1, 0, 0, 1, 0, 1};
        double[] s = new double[10];
        double[] g = new double[10];
        s[0] = 10.0 / 11;
        g[0] = 1.0 / (11 * 10);
        s[1] = s[0] * 9 / 10;
        g[1] = g[0] + 1.0 / (10 * 9);
        s[2] = s[1] * 7 / 8;
        g[2] = g[1] + 1.0 / (8 * 7);
        s[3] = s[2] * 6 / 7;
        g[3] = g[2] + 1.0 / (7 * 6);
        s[4] = s[3];
        g[4] = g[3];
        s[5] = s[4] * 4 / 5;
        g[5] = g[4] + 1.0 / (5 * 4);
        s[6] = s[5] * 3 / 4;
        g[6] = g[5] + 1.0 / (4 * 3);
        s[7] = s[6];
        g[7] = g[6];
        s[8] = s[7] * 1 / 2;
        g[8] = g[7] + 1.0 / (2 * 1);
        s[9] = s[8];
        g[9] = g[8];
        assertEquals(10, curve.points().size());
        for (int i = 0; i < 10; i++) {
            SurvivalPoint p = curve.points().get(i);
            String at = "t=" + times[i];
            assertEquals(times[i], p.time(), 0.0, at);
            assertEquals(atRisk[i], p.atRisk(), at);
            assertEquals(events[i], p.events(), at);
            assertEquals(censored[i], p.censored(), at);
            assertEquals(s[i], p.survival(), EXACT, at);
            assertEquals(Math.sqrt(g[i]), p.stdErrLogSurvival().getAsDouble(), EXACT, at);
            assertEquals(s[i] * s[i] * g[i], p.greenwoodVariance().getAsDouble(), EXACT, at);
            assertEquals(s[i] * Math.exp(-Z * Math.sqrt(g[i])), p.lower().getAsDouble(), EXACT, at);
            assertEquals(
                    Math.min(1, s[i] * Math.exp(Z * Math.sqrt(g[i]))), p.upper().getAsDouble(), EXACT, at);
        }
        // Hand check of the values R prints: S(31) = 0.491, S(48) = 0.184.
        assertEquals(0.491, s[5], 5e-4);
        assertEquals(0.184, s[8], 5e-4);
        // Four-decimal limits as summary(survfit) prints them: 0.7541 at t = 9, 0.2549 / 0.946 at t = 31.
        assertEquals(0.7541, curve.points().get(0).lower().getAsDouble(), 5e-5);
        assertEquals(0.2549, curve.points().get(5).lower().getAsDouble(), 5e-5);
        assertEquals(0.946, curve.points().get(5).upper().getAsDouble(), 5e-4);
    }

    @Test
    void amlMaintainedMedianIsWhatRPrints() {
        // R: survfit(Surv(time, status) ~ 1, data = aml, subset = x == "Maintained")
        //    n = 11, events = 7, median = 31, 0.95LCL = 18, 0.95UCL = NA
        MedianSurvival median = KaplanMeier.fit(AML_MAINTAINED).median();
        assertTrue(median.reached());
        assertEquals(31.0, median.estimate().getAsDouble(), 0.0);
        assertEquals(18.0, median.lower().getAsDouble(), 0.0);
        assertTrue(median.upper().isEmpty());
        // Why 18: the lower curve first falls to <= 0.5 at t = 18 and is still above 0.5 at t = 13.
        double s13 = 10.0 / 11 * 9 / 10;
        double g13 = 1.0 / 110 + 1.0 / 90;
        double s18 = s13 * 7 / 8;
        double g18 = g13 + 1.0 / 56;
        assertTrue(s13 * Math.exp(-Z * Math.sqrt(g13)) > 0.5);
        assertTrue(s18 * Math.exp(-Z * Math.sqrt(g18)) <= 0.5);
    }

    @Test
    void flatStretchAtExactlyOneHalfGivesTheMidpoint() {
        // S = 0.75, 0.5, 0.25, 0 at 1, 2, 3, 4: flat at 0.5 on [2, 3), so R reports 2.5.
        MedianSurvival median =
                KaplanMeier.fit(List.of(event(1), event(2), event(3), event(4))).median();
        assertEquals(2.5, median.estimate().getAsDouble(), 0.0);
        // Lower curve at t = 1: 0.75 exp(-z sqrt(1/12)) = 0.43 <= 0.5; upper is capped at 1 throughout.
        assertEquals(1.0, median.lower().getAsDouble(), 0.0);
        assertTrue(median.upper().isEmpty());
    }

    @Test
    void curveEndingFlatAtOneHalfUsesTheLastObservedTime() {
        // S = 0.75, 0.5 and then only censorings up to t = 4: the median is (2 + 4) / 2.
        MedianSurvival median = KaplanMeier.fit(List.of(event(1), event(2), censored(3), censored(4)))
                .median();
        assertEquals(3.0, median.estimate().getAsDouble(), 0.0);
    }

    @Test
    void tiedEventsAndCensoringsAtTheSameTime() {
        // n = 7; at t = 2 two events and one censoring: the censored subject is at risk at t = 2.
        SurvivalCurve curve =
                KaplanMeier.fit(List.of(event(1), event(2), event(2), censored(2), event(3), censored(3), event(5)));
        List<SurvivalPoint> p = curve.points();
        assertEquals(4, p.size());
        assertEquals(6, p.get(1).atRisk());
        assertEquals(2, p.get(1).events());
        assertEquals(1, p.get(1).censored());
        assertEquals(3, p.get(2).atRisk());
        assertEquals(6.0 / 7, p.get(0).survival(), EXACT);
        assertEquals(6.0 / 7 * 4 / 6, p.get(1).survival(), EXACT);
        assertEquals(6.0 / 7 * 4 / 6 * 2 / 3, p.get(2).survival(), EXACT);
        double g2 = 1.0 / (7 * 6) + 2.0 / (6 * 4);
        assertEquals(Math.sqrt(g2), p.get(1).stdErrLogSurvival().getAsDouble(), EXACT);
        // The last subject has the event: S = 0, and R reports NA for the standard error and limits.
        assertEquals(0.0, p.get(3).survival(), 0.0);
        assertTrue(p.get(3).stdErrLogSurvival().isEmpty());
        assertTrue(p.get(3).lower().isEmpty());
        assertTrue(p.get(3).upper().isEmpty());
        assertEquals(3.0, curve.median().estimate().getAsDouble(), 0.0);
    }

    @Test
    void allCensoredMeansNoDropAndMedianNotReached() {
        SurvivalCurve curve = KaplanMeier.fit(List.of(censored(4), censored(10), censored(10), censored(30)));
        for (SurvivalPoint p : curve.points()) {
            assertEquals(1.0, p.survival(), 0.0);
            assertEquals(0.0, p.stdErrLogSurvival().getAsDouble(), 0.0);
            assertEquals(1.0, p.lower().getAsDouble(), 0.0);
            assertEquals(1.0, p.upper().getAsDouble(), 0.0);
        }
        assertFalse(curve.median().reached());
        assertTrue(curve.median().lower().isEmpty());
        assertTrue(curve.median().upper().isEmpty());
    }

    @Test
    void noObservationsGiveAnEmptyCurve() {
        SurvivalCurve curve = KaplanMeier.fit(List.of());
        assertTrue(curve.points().isEmpty());
        assertFalse(curve.median().reached());
        assertEquals(1.0, curve.survivalAt(100), 0.0);
    }

    @Test
    void curveThatStaysAboveOneHalfIsNotReachedButMayHaveALowerLimit() {
        SurvivalCurve curve =
                KaplanMeier.fit(List.of(event(2), censored(3), event(5), censored(8), censored(9), censored(12)));
        assertTrue(curve.survivalAt(20) > 0.5);
        assertFalse(curve.median().reached());
        assertTrue(curve.median().upper().isEmpty());
        assertTrue(curve.median().lower().isPresent());
    }

    @Test
    void survivalAtIsARightContinuousStepFunction() {
        SurvivalCurve curve = KaplanMeier.fit(AML_MAINTAINED);
        assertEquals(1.0, curve.survivalAt(8.9), 0.0);
        assertEquals(10.0 / 11, curve.survivalAt(9), EXACT);
        assertEquals(10.0 / 11, curve.survivalAt(12.99), EXACT);
        assertEquals(10.0 / 11 * 9 / 10, curve.survivalAt(13), EXACT);
    }
}
