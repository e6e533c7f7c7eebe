package nl.ketenzicht.reports.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Exact binomial funnel plot limits around a centre rate (normally the national rate).
 *
 * <p>Definition: Spiegelhalter, "Funnel plots for comparing institutional performance", Statistics
 * in Medicine 2005;24:1185-1202, appendix A.1.1 ("exact binomial limits with interpolation"). For
 * a tail probability p in {0.001, 0.025, 0.975, 0.999} and denominator n, let r_p be the binomial
 * p-quantile: the smallest r with F(r) >= p, where F is the Binomial(n, centre) CDF. Because F is a
 * step function, the limit is interpolated within that step,
 * <pre>  alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1)),   limit = (r_p - alpha) / n,</pre>
 * which removes the saw-tooth of plain quantiles and makes the curves change smoothly with n.
 * Limits are clamped to [0, 1], since the interpolation can give a slightly negative lower limit
 * when r_p = 0. A region is flagged only when its rate lies strictly outside a limit.
 */
public final class FunnelPlot {

    private static final double P_998_LOW = 0.001;
    private static final double P_95_LOW = 0.025;
    private static final double P_95_HIGH = 0.975;
    private static final double P_998_HIGH = 0.999;

    private final double centre;

    public FunnelPlot(double centre) {
        if (!(centre > 0.0 && centre < 1.0)) {
            // At 0 or 1 the binomial is degenerate and every limit coincides with the centre.
            throw new IllegalArgumentException("centre rate must be strictly between 0 and 1: " + centre);
        }
        this.centre = centre;
    }

    /** The centre rate computed from national counts, e.g. all events over all cases. */
    public static FunnelPlot centredOn(long events, long total) {
        return new FunnelPlot((double) events / total);
    }

    public double centre() {
        return centre;
    }

    /** Control limits at denominator n (any n >= 1, also one no region has, for plotting). */
    public FunnelLimits limitsAt(long n) {
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("denominator must be between 1 and 2^31-1: " + n);
        }
        BinomialDistribution binomial = new BinomialDistribution(null, (int) n, centre);
        return new FunnelLimits(
                n,
                limit(binomial, P_998_LOW, n),
                limit(binomial, P_95_LOW, n),
                limit(binomial, P_95_HIGH, n),
                limit(binomial, P_998_HIGH, n));
    }

    /**
     * Limits at up to {@code points} denominators from {@code fromN} to {@code toN}, spaced
     * geometrically because the funnel changes fastest at small n. Always includes both ends.
     */
    public List<FunnelLimits> curve(long fromN, long toN, int points) {
        if (fromN < 1 || toN < fromN || points < 2) {
            throw new IllegalArgumentException("need 1 <= fromN <= toN and points >= 2");
        }
        List<FunnelLimits> curve = new ArrayList<>();
        double ratio = Math.pow((double) toN / fromN, 1.0 / (points - 1));
        long previous = 0;
        for (int i = 0; i < points; i++) {
            long n = i == points - 1 ? toN : Math.round(fromN * Math.pow(ratio, i));
            if (n > previous) {
                curve.add(limitsAt(n));
                previous = n;
            }
        }
        return curve;
    }

    /** Classifies a region with {@code events} out of {@code n} against the limits at its n. */
    public FunnelPosition classify(long events, long n) {
        if (events < 0 || events > n) {
            throw new IllegalArgumentException("need 0 <= events <= n, got " + events + "/" + n);
        }
        FunnelLimits limits = limitsAt(n);
        double rate = (double) events / n;
        if (rate > limits.upper99_8()) {
            return FunnelPosition.ABOVE_99_8;
        }
        if (rate > limits.upper95()) {
            return FunnelPosition.ABOVE_95;
        }
        if (rate < limits.lower99_8()) {
            return FunnelPosition.BELOW_99_8;
        }
        if (rate < limits.lower95()) {
            return FunnelPosition.BELOW_95;
        }
        return FunnelPosition.WITHIN;
    }

    private static double limit(BinomialDistribution binomial, double p, long n) {
        int r = binomial.inverseCumulativeProbability(p);
        double atR = binomial.cumulativeProbability(r);
        double belowR = binomial.cumulativeProbability(r - 1);
        double alpha = (atR - p) / (atR - belowR);
        return Math.min(1.0, Math.max(0.0, (r - alpha) / n));
    }
}
