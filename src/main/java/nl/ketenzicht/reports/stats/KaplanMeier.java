package nl.ketenzicht.reports.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Kaplan-Meier estimator for right-censored times, matching R's {@code survival::survfit} defaults:
 * Greenwood variance, log-scale 95% interval, and the median with its interval as
 * {@code print.survfit} / {@code quantile.survfit} report them (see {@link SurvivalQuantile}).
 * A subject censored at time t is still at risk for events at t (the usual convention).
 */
public final class KaplanMeier {

    private KaplanMeier() {}

    public static SurvivalCurve fit(Collection<SurvivalObservation> observations) {
        TreeMap<Double, int[]> byTime = new TreeMap<>();
        for (SurvivalObservation o : observations) {
            int[] counts = byTime.computeIfAbsent(o.time(), t -> new int[2]);
            counts[o.event() ? 0 : 1]++;
        }
        List<SurvivalPoint> points = new ArrayList<>(byTime.size());
        int atRisk = observations.size();
        double survival = 1.0;
        double greenwoodSum = 0.0;
        for (var entry : byTime.entrySet()) {
            int events = entry.getValue()[0];
            int censored = entry.getValue()[1];
            if (events > 0) {
                survival *= 1.0 - (double) events / atRisk;
                // d / (n (n - d)) is infinite when everyone at risk has the event; S is then 0.
                greenwoodSum += events == atRisk
                        ? Double.POSITIVE_INFINITY
                        : (double) events / ((double) atRisk * (atRisk - events));
            }
            points.add(point(entry.getKey(), atRisk, events, censored, survival, greenwoodSum));
            atRisk -= events + censored;
        }
        return new SurvivalCurve(points, SurvivalQuantile.median(points));
    }

    private static SurvivalPoint point(
            double time, int atRisk, int events, int censored, double survival, double greenwoodSum) {
        if (survival <= 0.0) {
            OptionalDouble none = OptionalDouble.empty();
            return new SurvivalPoint(time, atRisk, events, censored, 0.0, none, none, none, none);
        }
        double se = Math.sqrt(greenwoodSum);
        double lower = survival * Math.exp(-Proportion.Z_95 * se);
        double upper = Math.min(1.0, survival * Math.exp(Proportion.Z_95 * se));
        return new SurvivalPoint(
                time,
                atRisk,
                events,
                censored,
                survival,
                OptionalDouble.of(se),
                OptionalDouble.of(survival * survival * greenwoodSum),
                OptionalDouble.of(lower),
                OptionalDouble.of(upper));
    }
}
