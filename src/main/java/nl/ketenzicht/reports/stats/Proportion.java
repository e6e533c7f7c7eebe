package nl.ketenzicht.reports.stats;

import java.util.OptionalDouble;

/**
 * A proportion x/n with its Wilson 95% score interval.
 *
 * <p>Wilson rather than the Wald interval because regional counts are small: Wald collapses to
 * zero width at x = 0 or x = n and undercovers for small n. With n = 0 there is no rate and no
 * interval, so all three are empty rather than NaN.
 */
public record Proportion(
        long numerator, long denominator, OptionalDouble rate, OptionalDouble lower, OptionalDouble upper) {

    /** Two-sided 95% standard normal quantile, qnorm(0.975), to full double precision. */
    static final double Z_95 = 1.959963984540054;

    public Proportion {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                    "need 0 <= numerator <= denominator, got " + numerator + "/" + denominator);
        }
    }

    /** The proportion numerator/denominator with the Wilson 95% interval. */
    public static Proportion wilson(long numerator, long denominator) {
        if (denominator == 0) {
            if (numerator != 0) {
                throw new IllegalArgumentException("numerator must be 0 when denominator is 0");
            }
            return new Proportion(0, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        }
        double x = numerator;
        double n = denominator;
        double z2 = Z_95 * Z_95;
        double centre = (x + z2 / 2) / (n + z2);
        double halfWidth = Z_95 * Math.sqrt(x * (n - x) / n + z2 / 4) / (n + z2);
        // Clamp only against rounding at x = 0 and x = n, where the exact limits are 0 and 1.
        double lower = Math.max(0.0, centre - halfWidth);
        double upper = Math.min(1.0, centre + halfWidth);
        return new Proportion(
                numerator, denominator, OptionalDouble.of(x / n), OptionalDouble.of(lower), OptionalDouble.of(upper));
    }

    public boolean hasRate() {
        return rate.isPresent();
    }
}
