package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-cell multinomial sampler against the binomial and multinomial distributions it must follow. */
class MultinomialTest {

    /**
     * Chi-square goodness of fit of 20,000 draws against commons-math's binomial pmf, in both
     * branches (inversion for np ≤ 30, BTPE above) and for p above ½ (drawn as n − Bin(n, 1 − p)).
     */
    @ParameterizedTest(name = "Bin({0}, {1})")
    @CsvSource({"10, 0.3", "200, 0.1", "60, 0.5", "1000, 0.25", "600000, 0.4", "5000, 0.97", "100, 0.995"})
    void binomialDrawsFollowTheBinomialDistribution(int n, double p) {
        BinomialDistribution exact = new BinomialDistribution(null, n, p);
        MersenneTwister random = new MersenneTwister(17);
        int draws = 20_000;
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        int lo = (int) Math.max(0, Math.floor(mean - 4 * sd));
        int hi = (int) Math.min(n, Math.ceil(mean + 4 * sd));
        int bins = Math.min(40, hi - lo + 1);
        long[] observed = new long[bins];
        for (int i = 0; i < draws; i++) {
            long x = Multinomial.binomial(random, n, p);
            assertTrue(x >= 0 && x <= n, "inside 0..n: " + x);
            observed[bin(x, lo, hi, bins)]++;
        }
        double[] expected = new double[bins];
        for (int k = 0; k <= n; k++) {
            expected[bin(k, lo, hi, bins)] += draws * exact.probability(k);
        }
        double chi2 = 0;
        for (int b = 0; b < bins; b++) {
            chi2 += expected[b] > 0 ? Math.pow(observed[b] - expected[b], 2) / expected[b] : 0;
        }
        double p999 = new ChiSquaredDistribution(null, bins - 1).inverseCumulativeProbability(0.999);
        assertTrue(
                chi2 < p999,
                "chi-square " + chi2 + " below its 99.9% point " + p999 + "; bins " + Arrays.toString(observed));
    }

    private static int bin(long x, int lo, int hi, int bins) {
        long clamped = Math.max(lo, Math.min(hi, x));
        return (int) Math.min(bins - 1, (clamped - lo) * bins / (hi - lo + 1));
    }

    @Test
    void multinomialDrawsSumToNAndHaveTheRightMeans() {
        long[] weights = {400_000, 150_000, 50_000, 3, 1, 0};
        long n = Arrays.stream(weights).sum();
        MersenneTwister random = new MersenneTwister(3);
        double[] sums = new double[weights.length];
        int draws = 2000;
        for (int r = 0; r < draws; r++) {
            long[] x = Multinomial.draw(random, n, weights);
            assertEquals(n, Arrays.stream(x).sum(), "n draws in all");
            assertEquals(0, x[5], "a zero-weight cell stays empty");
            for (int k = 0; k < x.length; k++) {
                sums[k] += x[k];
            }
        }
        for (int k = 0; k < weights.length - 1; k++) {
            double p = (double) weights[k] / n;
            double se = Math.sqrt(n * p * (1 - p) / draws);
            assertEquals(weights[k], sums[k] / draws, 5 * se + 1e-9, "mean of cell " + k);
        }
    }

    @Test
    void sameSeedSameDraws() {
        long[] weights = {52, 90, 114, 45, 44};
        assertArrayEquals(
                Multinomial.draw(new MersenneTwister(9), 345, weights),
                Multinomial.draw(new MersenneTwister(9), 345, weights));
    }
}
