package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void type8QuantilesMatchR() {
        // R: quantile(1:10, c(0.025, 0.1, 0.5, 0.975), type = 8) = 1, 1.366667, 5.5, 10
        assertEquals(1, Bca.quantileType8(ONE_TO_TEN, 0.025), 1e-12, "below the first order statistic: x(1)");
        assertEquals(1 + 11.0 / 30, Bca.quantileType8(ONE_TO_TEN, 0.1), 1e-12, "1/3 + p(n + 1/3) = 1.3667");
        assertEquals(5.5, Bca.quantileType8(ONE_TO_TEN, 0.5), 1e-12, "median");
        assertEquals(10, Bca.quantileType8(ONE_TO_TEN, 0.975), 1e-12, "beyond the last order statistic: x(n)");
    }

    @Test
    void accelerationFollowsTheWeightedJackknifeFormula() {
        // θ = 0, 0, 3 with weights 1: θ̄ = 1, r = 1, 1, −2, Σr³ = −6, Σr² = 6 → â = −6 / (6·6^1.5)
        assertEquals(-1 / Math.pow(6, 1.5), Bca.acceleration(new double[] {1, 1, 1}, new double[] {0, 0, 3}), 1e-15);
        assertEquals(
                Bca.acceleration(new double[] {2, 1}, new double[] {0, 3}),
                Bca.acceleration(new double[] {1, 1, 1}, new double[] {0, 0, 3}),
                1e-15,
                "a weight counts the case as many times as its history count");
    }

    @Test
    void withoutBiasOrAccelerationTheLevelsAreTheNominalOnes() {
        assertEquals(0.025, Bca.level(0, 0, 0.025), 1e-12);
        assertEquals(0.975, Bca.level(0, 0, 0.975), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Bca.biasCorrection(ONE_TO_TEN, 0.5), "all replicates above θ̂");
        assertTrue(
                !Bca.interval(ONE_TO_TEN, Double.NEGATIVE_INFINITY, 0, 0.025, 0.975)
                        .isDefined(),
                "then the BCa interval is undefined rather than a made-up number");
    }

    @Test
    void resamplesKeepTheTotalAndNeverCreateNewHistories() {
        CaptureTable western = MseData.load("Western");
        long[][] resamples = Bootstrap.resamples(western, 20, 5);
        for (long[] counts : resamples) {
            assertEquals(345, Arrays.stream(counts).sum(), "each resample has n_obs cases");
            for (int h = 1; h < counts.length; h++) {
                assertTrue(western.count(h) > 0 || counts[h] == 0, "a zero history stays zero");
            }
        }
        assertTrue(Arrays.deepEquals(resamples, Bootstrap.resamples(western, 20, 5)), "same seed, same draws");
    }

    @Test
    void smallBootstrapIsReproducibleAndContainsThePointEstimate() {
        CaptureTable newOrl = MseData.load("NewOrl");
        MseEstimator estimator = new MseEstimator();
        MseResult first = estimator.estimate(newOrl, new Options(0.02, 60, 7));
        MseResult again = new MseEstimator().estimate(newOrl, new Options(0.02, 60, 7));
        assertEquals(first.bca(), again.bca(), "fixed seed: identical BCa result, whatever the thread count");
        assertTrue(
                first.bca().ci().contains(first.stepwise().populationSize()),
                "the BCa interval " + first.bca().ci() + " contains N̂");
        assertEquals(60, first.bca().resamples());
        assertNotEquals(
                first.bca().ci(),
                estimator.estimate(newOrl, new Options(0.02, 60, 8)).bca().ci(),
                "another seed draws other resamples");
    }

    @Test
    void resamplesWithoutAnEstimateAreSkippedAndCounted() {
        // List C holds a single case; a resample that misses it leaves C empty, and then no estimate exists.
        CaptureTable table = MseData.parse("A,B,C,count\n1,0,0,50\n0,1,0,40\n1,1,0,10\n1,0,1,1\n");
        BcaEstimate bca =
                new MseEstimator().estimate(table, new Options(0.02, 40, 3)).bca();
        assertTrue(
                bca.skipped() > 0 && bca.skipped() < 40,
                "about e^-1 of the resamples lose list C and are skipped, got " + bca.skipped());
        assertEquals(1, bca.jackknifeSkipped(), "leaving out the only C case gives no estimate either");
        assertTrue(bca.ci().isDefined(), "the interval is still formed from the other resamples");
    }

    @Test
    void fullBootstrapOnUkDat5IsPinned() {
        MseResult result = new MseEstimator().estimate(MseData.load("UKdat_5"), Options.defaults());
        BcaEstimate bca = result.bca();
        assertEquals(1000, bca.resamples());
        assertEquals(0, bca.skipped(), "every UKdat_5 resample has an estimate");
        // Our draws, not R's: within Monte Carlo error of SparseMSE, but exactly reproducible here. (Drawn
        // per person before the per-history sampler, the same seed gave [9252.84, 14839.6].)
        DataSetsTest.assertSixDigits(9384.13, bca.ci().lower(), "UKdat_5 BCa lower (B=1000, seed 1)");
        DataSetsTest.assertSixDigits(14956.7, bca.ci().upper(), "UKdat_5 BCa upper (B=1000, seed 1)");
        assertTrue(bca.ci().contains(result.stepwise().populationSize()), "BCa interval contains N̂");
    }
}
