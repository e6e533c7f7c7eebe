package nl.ketenzicht.linkage.mse;

/** A two-sided interval; both limits are NaN when the interval cannot be formed. */
public record Interval(double lower, double upper) {

    static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    public boolean isDefined() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /**
     * Maps an interval for N to one for the share invisible, dark/N = 1 − n_obs/N. That share is
     * increasing in N, so the limits map to the limits.
     */
    Interval toShareInvisible(long observed) {
        return new Interval(1 - observed / lower, 1 - observed / upper);
    }
}
