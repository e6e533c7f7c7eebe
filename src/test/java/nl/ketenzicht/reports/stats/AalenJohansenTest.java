package nl.ketenzicht.reports.stats;

import static nl.ketenzicht.reports.stats.CompetingObservation.censored;
import static nl.ketenzicht.reports.stats.CompetingObservation.competing;
import static nl.ketenzicht.reports.stats.CompetingObservation.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3 of issue 13: the Aalen–Johansen estimate, its delta-method variance and its
 * log(−log(1 − F)) interval equal a computation by hand on a small data set with events, competing
 * endings, censorings and ties; without competing endings the CIF is 1 − Kaplan–Meier.
 */
class AalenJohansenTest {

    private static final double EXACT = 1e-12;
    /** The 97.5% normal quantile, written out so the test does not share the implementation's source. */
    private static final double Z = 1.959963984540054;

    /**
     * Ten subjects. Day 2: an event and a competing ending (tie); day 3: censored; day 5: two events and
     * a censoring (tie: the censored one is still at risk for the events); day 6: competing; day 8:
     * event; day 9: censored; day 12: event.
     */
    private static final List<CompetingObservation> DATA = List.of(
            event(2),
            competing(2),
            censored(3),
            event(5),
            event(5),
            censored(5),
            competing(6),
            event(8),
            censored(9),
            event(12));

    @Test
    void estimateVarianceAndIntervalEqualTheHandComputation() {
        // Hand computation, F_j = F_{j-1} + S_{j-1} d/n, F2_j = F2_{j-1} + S_{j-1} c/n, S_j = S_{j-1} (n - d - c)/n:
        //  day  n  d  c  m | S_{j-1} |  F      | F2     | S
        //   2  10  1  1  0 |  1      |  7/70   |  7/70  | 4/5
        //   3   8  0  0  1 |  4/5    |  7/70   |  7/70  | 4/5
        //   5   7  2  0  1 |  4/5    | 23/70   |  7/70  | 4/7     F = 1/10 + 4/5 * 2/7
        //   6   4  0  1  0 |  4/7    | 23/70   | 17/70  | 3/7     F2 = 1/10 + 4/7 * 1/4
        //   8   3  1  0  0 |  3/7    | 33/70   | 17/70  | 2/7     F = 23/70 + 3/7 * 1/3
        //   9   2  0  0  1 |  2/7    | 33/70   | 17/70  | 2/7
        //  12   1  1  0  0 |  2/7    | 53/70   | 17/70  | 0
        double[] days = {2, 3, 5, 6, 8, 9, 12};
        int[] atRisk = {10, 8, 7, 4, 3, 2, 1};
        double[] f = {7 / 70.0, 7 / 70.0, 23 / 70.0, 23 / 70.0, 33 / 70.0, 33 / 70.0, 53 / 70.0};
        double[] f2 = {7 / 70.0, 7 / 70.0, 7 / 70.0, 17 / 70.0, 17 / 70.0, 17 / 70.0, 17 / 70.0};
        double[] s = {4 / 5.0, 4 / 5.0, 4 / 7.0, 3 / 7.0, 2 / 7.0, 2 / 7.0, 0};
        // Var F(8), term by term (d and c as above; terms at days without events or endings are 0):
        //   sum (F(8) - F_j)^2 (d+c)/(n(n-d-c)): day 2 (26/70)^2 * 2/80, day 5 (10/70)^2 * 2/35, day 6 (10/70)^2 * 1/12
        //   sum S_{j-1}^2 d (n-d)/n^3:          day 2 1 * 9/1000, day 5 (4/5)^2 * 10/343, day 8 (3/7)^2 * 2/27
        //   -2 sum (F(8) - F_j) S_{j-1} d/n^2:  day 2 26/70 * 1/100, day 5 10/70 * 4/5 * 2/49
        double term1 = sq(26 / 70.0) * 2 / 80 + sq(10 / 70.0) * 2 / 35 + sq(10 / 70.0) / 12;
        double term2 = 9 / 1000.0 + sq(4 / 5.0) * 10 / 343 + sq(3 / 7.0) * 2 / 27;
        double term3 = 26 / 70.0 / 100 + 10 / 70.0 * 4 / 5 * 2 / 49;
        double var8 = term1 + term2 - 2 * term3;
        assertEquals(2643 / 85750.0, var8, EXACT, "the sum of the terms, as exact fractions give it");
        // Var F(5): day 2 (16/70)^2 * 2/80 + 9/1000 + (4/5)^2 * 10/343 - 2 * 16/70 * 1/100 = 8367/343000.
        double var5 = sq(16 / 70.0) * 2 / 80 + 9 / 1000.0 + sq(4 / 5.0) * 10 / 343 - 2 * 16 / 70.0 / 100;

        IncidenceCurve curve = AalenJohansen.fit(DATA);
        List<IncidencePoint> p = curve.points();
        assertEquals(days.length, p.size());
        for (int j = 0; j < days.length; j++) {
            assertEquals(days[j], p.get(j).time());
            assertEquals(atRisk[j], p.get(j).atRisk(), "at risk on day " + days[j]);
            assertEquals(f[j], p.get(j).incidence(), EXACT, "F on day " + days[j]);
            assertEquals(f2[j], p.get(j).competingIncidence(), EXACT, "F2 on day " + days[j]);
            assertEquals(s[j], p.get(j).survival(), EXACT, "S on day " + days[j]);
            assertEquals(
                    1.0,
                    p.get(j).incidence()
                            + p.get(j).competingIncidence()
                            + p.get(j).survival(),
                    EXACT,
                    "F + F2 + S = 1 on day " + days[j]);
        }
        assertEquals(var5, p.get(2).variance(), EXACT);
        assertEquals(var8, p.get(4).variance(), EXACT);
        assertEquals(var8, p.get(5).variance(), EXACT, "a censoring moves nothing");
        // 95% interval on the log(-log(1 - F)) scale: se(g) = sd(F) / ((1 - F) * -log(1 - F)),
        // bounds 1 - exp(-exp(g -/+ z se)); for F(8) = 33/70 these are 0.2052025820 and 0.8296614198.
        double g = Math.log(-Math.log(37 / 70.0));
        double se = Math.sqrt(var8) / (37 / 70.0 * -Math.log(37 / 70.0));
        assertEquals(1 - Math.exp(-Math.exp(g - Z * se)), p.get(4).lower().getAsDouble(), EXACT);
        assertEquals(1 - Math.exp(-Math.exp(g + Z * se)), p.get(4).upper().getAsDouble(), EXACT);
        assertEquals(0.2052025820, p.get(4).lower().getAsDouble(), 1e-10);
        assertEquals(0.8296614198, p.get(4).upper().getAsDouble(), 1e-10);
        assertEquals(
                23 / 70.0, curve.at(7.5).orElseThrow().incidence(), EXACT, "F is a right-continuous step function");
        assertEquals(33 / 70.0, curve.at(8).orElseThrow().incidence(), EXACT);
        assertTrue(curve.at(1).isEmpty(), "nothing before the first time");
    }

    @Test
    void withoutCompetingEndingsTheIncidenceIsOneMinusKaplanMeier() {
        List<CompetingObservation> obs = new ArrayList<>();
        List<SurvivalObservation> km = new ArrayList<>();
        int[] days = {1, 2, 2, 2, 4, 5, 5, 7, 9, 9, 11, 11, 14};
        boolean[] event = {true, true, true, false, true, false, false, true, true, false, true, true, false};
        for (int i = 0; i < days.length; i++) {
            obs.add(event[i] ? event(days[i]) : censored(days[i]));
            km.add(event[i] ? SurvivalObservation.event(days[i]) : SurvivalObservation.censored(days[i]));
        }
        IncidenceCurve cif = AalenJohansen.fit(obs);
        SurvivalCurve s = KaplanMeier.fit(km);
        assertEquals(s.points().size(), cif.points().size());
        for (int j = 0; j < s.points().size(); j++) {
            SurvivalPoint k = s.points().get(j);
            IncidencePoint a = cif.points().get(j);
            assertEquals(1 - k.survival(), a.incidence(), EXACT, "CIF = 1 - KM at day " + k.time());
            assertEquals(0.0, a.competingIncidence(), EXACT);
            if (k.greenwoodVariance().isPresent()) {
                assertEquals(
                        k.greenwoodVariance().getAsDouble(),
                        a.variance(),
                        EXACT,
                        "Greenwood's variance at day " + k.time());
            }
            if (k.survival() > 0 && k.survival() < 1) {
                // The log-log interval of S, turned round: 1 - S^exp(-/+ z se(log S) / log S).
                double se = k.stdErrLogSurvival().getAsDouble();
                double logS = Math.log(k.survival());
                assertEquals(
                        1 - Math.pow(k.survival(), Math.exp(Z * se / logS)),
                        a.lower().getAsDouble(),
                        1e-12);
                assertEquals(
                        1 - Math.pow(k.survival(), Math.exp(-Z * se / logS)),
                        a.upper().getAsDouble(),
                        1e-12);
            }
        }
    }

    @Test
    void competingEndingsLowerTheIncidenceBelowOneMinusKaplanMeier() {
        // Treating the competing endings as censored (1 - KM) overstates reaching the stage: 1 - KM(12) = 1 here.
        SurvivalCurve naive = KaplanMeier.fit(DATA.stream()
                .map(o -> new SurvivalObservation(o.time(), o.isEvent()))
                .toList());
        assertEquals(1.0, 1 - naive.survivalAt(12), EXACT);
        assertEquals(53 / 70.0, AalenJohansen.fit(DATA).at(12).orElseThrow().incidence(), EXACT);
    }

    @Test
    void medianAmongThoseWhoReachTheStageNeedsEnoughEventsOnBothSides() {
        // 21 events on days 1..21, no competing endings or censoring: F(21) = 1, half is 0.5, reached
        // on day 11 (F = 11/21 >= 0.5); 10 events before, 10 after.
        List<CompetingObservation> obs = new ArrayList<>();
        for (int d = 1; d <= 21; d++) {
            obs.add(event(d));
        }
        obs.add(competing(3));
        obs.add(competing(4));
        IncidenceCurve curve = AalenJohansen.fit(obs);
        assertEquals(11.0, curve.medianAmongReached(10).getAsDouble(), EXACT, "the middle of 21 event days");
        assertFalse(curve.medianAmongReached(11).isPresent(), "only 10 events on each side");
        // 20 events on days 1..20: half of F(20) is reached exactly at day 10 and stays there until
        // day 11, so the median is 10.5 (as a sample median of an even count); 10 events on each side.
        IncidenceCurve even = AalenJohansen.fit(obs.subList(0, 20));
        assertEquals(10.5, even.medianAmongReached(10).getAsDouble(), EXACT);
        // 9 of 18 events (the ZWB 2019 case of issue 13): with m = 10 there is no median.
        IncidenceCurve small = AalenJohansen.fit(obs.subList(0, 9));
        assertFalse(small.medianAmongReached(10).isPresent());
        assertFalse(
                AalenJohansen.fit(List.of(censored(4), competing(5)))
                        .medianAmongReached(0)
                        .isPresent(),
                "no events, no median");
    }

    private static double sq(double x) {
        return x * x;
    }
}
