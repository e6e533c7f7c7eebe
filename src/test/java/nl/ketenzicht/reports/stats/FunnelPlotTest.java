package nl.ketenzicht.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelPlotTest {

    private static final double TOLERANCE = 1e-9;

    /** Binomial CDF written out from the pmf (log space), independent of commons-math. */
    private static double[] binomialCdf(int n, double p) {
        double[] cdf = new double[n + 1];
        double logFactorialN = logFactorial(n);
        double sum = 0.0;
        for (int k = 0; k <= n; k++) {
            double logPmf =
                    logFactorialN - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
            sum += Math.exp(logPmf);
            cdf[k] = sum;
        }
        return cdf;
    }

    private static double logFactorial(int m) {
        double s = 0.0;
        for (int i = 2; i <= m; i++) {
            s += Math.log(i);
        }
        return s;
    }

    /** Spiegelhalter (2005) A.1.1: interpolated quantile (r - alpha)/n, clamped to [0, 1]. */
    private static double expectedLimit(double[] cdf, double prob, int n) {
        int r = 0;
        while (cdf[r] < prob) {
            r++;
        }
        double below = r == 0 ? 0.0 : cdf[r - 1];
        double alpha = (cdf[r] - prob) / (cdf[r] - below);
        return Math.min(1.0, Math.max(0.0, (r - alpha) / n));
    }

    @Test
    void handComputedExampleForFairCoinWithTenTrials() {
        // Binomial(10, 1/2): F(1) = 11/1024, F(2) = 56/1024, F(7) = 968/1024, F(8) = 1013/1024.
        // 2.5%: r = 2, alpha = (56/1024 - 0.025)/(45/1024); 97.5%: r = 8, alpha = (1013/1024 - 0.975)/(45/1024).
        double lowAlpha = (56.0 / 1024 - 0.025) / (45.0 / 1024);
        double highAlpha = (1013.0 / 1024 - 0.975) / (45.0 / 1024);
        FunnelLimits limits = new FunnelPlot(0.5).limitsAt(10);
        assertEquals((2 - lowAlpha) / 10, limits.lower95(), 1e-12);
        assertEquals((8 - highAlpha) / 10, limits.upper95(), 1e-12);
    }

    @Test
    void limitsEqualInterpolatedExactBinomialQuantiles() {
        double[] centres = {0.02, 0.1, 0.237, 0.5, 0.81};
        int[] sizes = {1, 2, 7, 15, 40, 123, 600, 2500};
        for (double centre : centres) {
            FunnelPlot plot = new FunnelPlot(centre);
            for (int n : sizes) {
                double[] cdf = binomialCdf(n, centre);
                FunnelLimits limits = plot.limitsAt(n);
                String where = "p=" + centre + " n=" + n;
                assertEquals(expectedLimit(cdf, 0.001, n), limits.lower99_8(), TOLERANCE, where);
                assertEquals(expectedLimit(cdf, 0.025, n), limits.lower95(), TOLERANCE, where);
                assertEquals(expectedLimit(cdf, 0.975, n), limits.upper95(), TOLERANCE, where);
                assertEquals(expectedLimit(cdf, 0.999, n), limits.upper99_8(), TOLERANCE, where);
            }
        }
    }

    @Test
    void limitsAreOrderedAndBracketTheCentre() {
        FunnelPlot plot = new FunnelPlot(0.3);
        for (int n = 1; n <= 300; n++) {
            FunnelLimits l = plot.limitsAt(n);
            assertTrue(0 <= l.lower99_8() && l.lower99_8() <= l.lower95() && l.lower95() <= 0.3, "n=" + n);
            assertTrue(0.3 <= l.upper95() && l.upper95() <= l.upper99_8() && l.upper99_8() <= 1, "n=" + n);
        }
    }

    @Test
    void classificationAgreesWithIndependentLimitsForEveryPossibleCount() {
        double centre = 0.18;
        FunnelPlot plot = new FunnelPlot(centre);
        for (int n : new int[] {5, 30, 97, 400}) {
            double[] cdf = binomialCdf(n, centre);
            for (int x = 0; x <= n; x++) {
                assertEquals(expected(cdf, x, n), plot.classify(x, n), "x=" + x + " n=" + n);
            }
        }
    }

    private static FunnelPosition expected(double[] cdf, int x, int n) {
        double rate = (double) x / n;
        if (rate > expectedLimit(cdf, 0.999, n)) {
            return FunnelPosition.ABOVE_99_8;
        }
        if (rate > expectedLimit(cdf, 0.975, n)) {
            return FunnelPosition.ABOVE_95;
        }
        if (rate < expectedLimit(cdf, 0.001, n)) {
            return FunnelPosition.BELOW_99_8;
        }
        return rate < expectedLimit(cdf, 0.025, n) ? FunnelPosition.BELOW_95 : FunnelPosition.WITHIN;
    }

    @Test
    void clearOutliersAreFlaggedAtTheRightLevel() {
        FunnelPlot plot = FunnelPlot.centredOn(200, 1000);
        assertEquals(FunnelPosition.WITHIN, plot.classify(20, 100));
        assertEquals(FunnelPosition.ABOVE_99_8, plot.classify(45, 100));
        assertEquals(FunnelPosition.BELOW_99_8, plot.classify(3, 100));
        assertEquals(FunnelPosition.ABOVE_95, plot.classify(29, 100));
        assertEquals(FunnelPosition.BELOW_95, plot.classify(11, 100));
        assertEquals(FunnelPosition.WITHIN, plot.classify(12, 100)); // limit 0.1197: just inside
    }

    @Test
    void curveCoversTheRangeWithIncreasingDenominators() {
        List<FunnelLimits> curve = new FunnelPlot(0.2).curve(1, 5000, 60);
        assertEquals(1, curve.get(0).n());
        assertEquals(5000, curve.get(curve.size() - 1).n());
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).n() > curve.get(i - 1).n());
        }
        assertEquals(new FunnelPlot(0.2).limitsAt(5000), curve.get(curve.size() - 1));
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> new FunnelPlot(0.0));
        assertThrows(IllegalArgumentException.class, () -> new FunnelPlot(1.0));
        assertThrows(IllegalArgumentException.class, () -> new FunnelPlot(0.2).limitsAt(0));
        assertThrows(IllegalArgumentException.class, () -> new FunnelPlot(0.2).classify(5, 4));
    }
}
