package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the stepwise selection on Kosovo by hand: fits from the independent Newton oracle,
 * Poisson tails summed term by term. Kosovo has all 15 cells positive, so every candidate model
 * passes the existence check and the replay needs no LP.
 */
class StepwiseTest {

    @Test
    void kosovoSelectionMatchesAHandReplayStepByStep() {
        CaptureTable table = MseData.load("Kosovo");
        for (int h = 1; h <= table.historyCount(); h++) {
            assertTrue(table.count(h) > 0, "precondition: every Kosovo cell is positive");
        }
        List<int[]> model = new ArrayList<>();
        List<Term> productionModel = new ArrayList<>();
        ModelFitter fitter = new ModelFitter();
        ModelFit production = fitter.fit(table, List.of(), true);
        while (true) {
            double[] expected = handPValues(table, model);
            double[] actual = Stepwise.pValues(table, production, productionModel);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(
                        expected[k],
                        actual[k],
                        1e-6 * expected[k] + 1e-300,
                        "step " + model.size() + ", pair " + k + ": Poisson p-value");
            }
            int best = argmin(expected);
            if (expected[best] >= 0.02) {
                break;
            }
            model.add(pairs(4).get(best));
            productionModel.add(Term.allPairs(4).get(best));
            production = fitter.fit(table, productionModel, false);
        }
        List<String> labels = Stepwise.select(fitter, table, 0.02).terms().stream()
                .map(t -> t.label(table.lists()))
                .toList();
        assertEquals(
                productionModel.stream().map(t -> t.label(table.lists())).toList(),
                labels,
                "production stepwise must add the same terms in the same order as the replay");
        assertEquals(List.of("ABA:OSCE", "OSCE:HRW", "EXH:OSCE", "EXH:ABA", "EXH:HRW"), labels);
    }

    @Test
    void pValueIsTheSmallerOneSidedTailNotDoubled() {
        // X ~ Poisson(2): P(X <= 0) = e^-2; P(X >= 5) = 1 - P(X <= 4).
        assertEquals(Math.exp(-2), Stepwise.pValue(0, 2), 1e-15, "n* = 0: P(X ≤ 0)");
        double atMost4 = Math.exp(-2) * (1 + 2 + 2 + 4.0 / 3 + 2.0 / 3);
        assertEquals(1 - atMost4, Stepwise.pValue(5, 2), 1e-12, "n* = 5 above the mean: upper tail");
        assertEquals(1.0, Stepwise.pValue(0, 0), 0, "no expected and no observed overlap: p = 1");
    }

    @Test
    void theScreenOnlySkipsPairsWhoseExactPValueIsAtLeastTheThreshold() {
        int screened = 0;
        for (double lambda : new double[] {1000, 4321.5, 20000, 250000, 600000}) {
            double sd = Math.sqrt(lambda);
            for (double z = -4; z <= 4; z += 0.05) {
                long n = Math.round(lambda + z * sd);
                for (double threshold : new double[] {0.001, 0.02, 0.05, 0.2}) {
                    // independent of Stepwise.pValue: both tails from commons-math's Poisson distribution
                    var poisson = new org.apache.commons.math3.distribution.PoissonDistribution(
                            null, lambda, 1e-14, 10_000_000);
                    double exact = Math.min(
                            poisson.cumulativeProbability((int) n), 1 - poisson.cumulativeProbability((int) n - 1));
                    if (Stepwise.certainlyAtLeast(n, lambda, threshold)) {
                        screened++;
                        assertTrue(
                                exact >= threshold,
                                "λ " + lambda + ", n " + n + ": exact p " + exact + " below " + threshold);
                    }
                }
            }
        }
        assertTrue(screened > 1000, "the screen does skip most central overlaps: " + screened);
    }

    @Test
    void oneTailShortcutGivesTheSameValueAsBothTails() {
        for (long n : new long[] {0, 1, 3, 7, 95, 100, 105, 1000, 5000}) {
            for (double lambda : new double[] {0.5, 3, 100, 101.5, 4999.5}) {
                double both = Math.min(
                        org.apache.commons.math3.special.Gamma.regularizedGammaQ(n + 1.0, lambda),
                        n == 0 ? 1.0 : org.apache.commons.math3.special.Gamma.regularizedGammaP(n, lambda));
                assertEquals(both, Stepwise.pValue(n, lambda), 0, "n " + n + ", λ " + lambda);
            }
        }
    }

    @Test
    void thresholdZeroGivesMainEffectsAndOneGivesAllPairsWhenEstimable() {
        CaptureTable kosovo = MseData.load("Kosovo");
        ModelFitter fitter = new ModelFitter();
        assertEquals(List.of(), Stepwise.select(fitter, kosovo, 0).terms(), "SparseMSE: pthresh 0 = main effects");
        assertEquals(6, Stepwise.select(fitter, kosovo, 1).terms().size(), "SparseMSE: pthresh 1 = all pairs");
    }

    private static double[] handPValues(CaptureTable table, List<int[]> model) {
        IndependentPoissonFit fit = IndependentPoissonFit.fit(table, model.toArray(int[][]::new));
        List<int[]> pairs = pairs(table.listCount());
        double[] p = new double[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            int[] pair = pairs.get(k);
            if (model.stream().anyMatch(m -> m[0] == pair[0] && m[1] == pair[1])) {
                p[k] = 1;
                continue;
            }
            double lambda = 0;
            long observed = 0;
            for (int h = 1; h <= table.historyCount(); h++) { // no cells deleted: all overlaps are non-empty
                if (((h >> pair[0]) & 1) == 1 && ((h >> pair[1]) & 1) == 1) {
                    lambda += fit.mu[h - 1];
                    observed += table.count(h);
                }
            }
            p[k] = Math.min(tail(observed, lambda, true), tail(observed, lambda, false));
        }
        return p;
    }

    /** P(X ≤ n) or P(X ≥ n) for Poisson(λ), summing probabilities in log space. */
    private static double tail(long n, double lambda, boolean lower) {
        long from = lower ? 0 : n;
        long to = lower ? n : n + 50 + (long) (20 * Math.sqrt(lambda) + lambda);
        double max = Double.NEGATIVE_INFINITY;
        double[] logs = new double[(int) (to - from + 1)];
        for (long k = from; k <= to; k++) {
            logs[(int) (k - from)] = -lambda + k * Math.log(lambda) - logFactorial(k);
            max = Math.max(max, logs[(int) (k - from)]);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return Math.min(1, Math.exp(max) * sum);
    }

    private static double logFactorial(long k) {
        double s = 0;
        for (long i = 2; i <= k; i++) {
            s += Math.log(i);
        }
        return s;
    }

    private static int argmin(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] < p[best]) {
                best = k; // strict: ties keep the lowest index, as SparseMSE
            }
        }
        return best;
    }

    private static List<int[]> pairs(int t) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                out.add(new int[] {i, j});
            }
        }
        return out;
    }
}
