package nl.ketenzicht.reports.stats;

import java.util.OptionalDouble;

/**
 * Median survival time with its 95% interval, as R's {@code survfit} prints them. An empty estimate
 * means "not reached" (the curve never falls to 0.5); an empty limit is R's NA.
 */
public record MedianSurvival(OptionalDouble estimate, OptionalDouble lower, OptionalDouble upper) {

    public boolean reached() {
        return estimate.isPresent();
    }
}
