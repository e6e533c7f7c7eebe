package nl.ketenzicht.linkage.mse;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Nonparametric bootstrap of the whole estimation procedure (stepwise selection included) plus the
 * jackknife for the BCa acceleration, as SparseMSE's {@code estimatepopulation}.
 *
 * <p>All resamples are drawn first from one seeded generator, so the result does not depend on how
 * many threads then evaluate them.
 */
final class Bootstrap {

    private final ToDoubleFunction<CaptureTable> estimator;
    private final Options options;

    /** @param estimator N̂ of a table; may throw {@link EstimateDoesNotExistException} */
    Bootstrap(ToDoubleFunction<CaptureTable> estimator, Options options) {
        this.estimator = estimator;
        this.options = options;
    }

    BcaEstimate run(CaptureTable table, double thetaHat) {
        long[][] resamples = resamples(table, options.bootstrap(), options.seed());
        double[] replicates = Arrays.stream(resamples)
                .parallel()
                .mapToDouble(counts -> estimateOrNaN(table.withCounts(counts)))
                .toArray();
        double[] valid = Arrays.stream(replicates).filter(Double::isFinite).toArray();
        Jackknife jackknife = jackknife(table);
        double a = Bca.acceleration(jackknife.weights(), jackknife.estimates());
        double z0 = Bca.biasCorrection(valid, thetaHat);
        Interval ci = Bca.interval(valid, z0, a, 0.025, 0.975);
        return new BcaEstimate(
                ci,
                ci.toShareInvisible(table.observed()),
                resamples.length,
                resamples.length - valid.length,
                a,
                z0,
                jackknife.skipped());
    }

    /**
     * B multinomial resamples of the observed cases over the observed histories (n_obs draws each,
     * probabilities n_h / n_obs); histories with zero count stay zero. Drawn per history, as a chain
     * of binomials, so the cost does not grow with n_obs.
     */
    static long[][] resamples(CaptureTable table, int b, long seed) {
        long[] counts = table.countsCopy();
        int[] histories =
                IntStream.range(1, counts.length).filter(h -> counts[h] > 0).toArray();
        long[] weights = Arrays.stream(histories).mapToLong(h -> counts[h]).toArray();
        long total = Arrays.stream(weights).sum();
        MersenneTwister random = new MersenneTwister(seed);
        long[][] out = new long[b][];
        for (int r = 0; r < b; r++) {
            long[] drawn = Multinomial.draw(random, total, weights);
            out[r] = new long[counts.length];
            for (int k = 0; k < histories.length; k++) {
                out[r][histories[k]] = drawn[k];
            }
        }
        return out;
    }

    private record Jackknife(double[] weights, double[] estimates, int skipped) {}

    /** Leave one case out of each observed history; tables without an estimate are left out and counted. */
    private Jackknife jackknife(CaptureTable table) {
        long[] counts = table.countsCopy();
        int[] histories =
                IntStream.range(1, counts.length).filter(h -> counts[h] > 0).toArray();
        double[] estimates = Arrays.stream(histories)
                .parallel()
                .mapToDouble(h -> {
                    long[] less = counts.clone();
                    less[h]--;
                    return estimateOrNaN(table.withCounts(less));
                })
                .toArray();
        int[] kept = IntStream.range(0, histories.length)
                .filter(k -> Double.isFinite(estimates[k]))
                .toArray();
        double[] weights =
                Arrays.stream(kept).mapToDouble(k -> counts[histories[k]]).toArray();
        double[] values = Arrays.stream(kept).mapToDouble(k -> estimates[k]).toArray();
        return new Jackknife(weights, values, histories.length - kept.length);
    }

    private double estimateOrNaN(CaptureTable table) {
        try {
            double n = estimator.applyAsDouble(table);
            return Double.isFinite(n) ? n : Double.NaN;
        } catch (EstimateDoesNotExistException e) {
            return Double.NaN; // skipped and counted, as the method prescribes
        }
    }
}
