package nl.ketenzicht.linkage.mse;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Bias-corrected and accelerated bootstrap limits (DiCiccio &amp; Efron 1996), SparseMSE's variant. */
final class Bca {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** R's quantile() treats index fractions this close to an integer as exact. */
    private static final double FUZZ = 4 * Math.ulp(1.0);

    private Bca() {}

    /**
     * Jackknife acceleration: θ̄ = Σ w θ / Σ w, r = θ̄ − θ, â = Σ w r³ / (6 (Σ w r²)^{3/2}), where
     * w is the count of the history whose case was left out. 0 when all θ coincide.
     */
    static double acceleration(double[] weights, double[] estimates) {
        double sumW = 0;
        double sumWTheta = 0;
        for (int k = 0; k < weights.length; k++) {
            sumW += weights[k];
            sumWTheta += weights[k] * estimates[k];
        }
        double mean = sumWTheta / sumW;
        double r2 = 0;
        double r3 = 0;
        for (int k = 0; k < weights.length; k++) {
            double r = mean - estimates[k];
            r2 += weights[k] * r * r;
            r3 += weights[k] * r * r * r;
        }
        return r2 > 0 ? r3 / (6 * Math.pow(r2, 1.5)) : 0;
    }

    /** z0 = Φ⁻¹(share of replicates strictly below θ̂); infinite when all lie on one side. */
    static double biasCorrection(double[] replicates, double thetaHat) {
        if (replicates.length == 0) {
            return Double.NaN;
        }
        long below = Arrays.stream(replicates).filter(v -> v < thetaHat).count();
        double share = (double) below / replicates.length;
        if (share == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return share == 1 ? Double.POSITIVE_INFINITY : NORMAL.inverseCumulativeProbability(share);
    }

    static Interval interval(double[] replicates, double z0, double a, double alphaLow, double alphaHigh) {
        if (replicates.length == 0 || !Double.isFinite(z0)) {
            return Interval.UNDEFINED;
        }
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        return new Interval(
                quantileType8(sorted, level(z0, a, alphaLow)), quantileType8(sorted, level(z0, a, alphaHigh)));
    }

    /** q = Φ(z0 + (z_α + z0) / (1 − â (z_α + z0))). */
    static double level(double z0, double a, double alpha) {
        double zz = NORMAL.inverseCumulativeProbability(alpha) + z0;
        return NORMAL.cumulativeProbability(z0 + zz / (1 - a * zz));
    }

    /** Hyndman–Fan type 8 (median-unbiased) quantile of sorted data, computed as R's quantile(type = 8). */
    static double quantileType8(double[] sorted, double p) {
        int n = sorted.length;
        double position = 1.0 / 3 + p * (n + 1.0 / 3);
        int j = (int) Math.floor(position + FUZZ);
        double h = position - j;
        if (Math.abs(h) < FUZZ) {
            h = 0;
        }
        double lowValue = sorted[clamp(j - 1, n)];
        double highValue = sorted[clamp(j, n)];
        return h == 0 || lowValue == highValue ? lowValue : (1 - h) * lowValue + h * highValue;
    }

    private static int clamp(int index, int n) {
        return Math.max(0, Math.min(n - 1, index));
    }
}
