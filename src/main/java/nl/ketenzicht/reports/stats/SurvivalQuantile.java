package nl.ketenzicht.reports.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Median of a Kaplan-Meier curve and of its confidence limits, following the rules of R's
 * {@code survival:::quantile.survfit} (internal {@code findq}), so reports agree with R:
 * <ul>
 * <li>The curve is read as a CDF 1 - S(t) starting at (0, 0); repeated levels (censor-only times)
 * are dropped, keeping the first time a level is reached; undefined levels (S = 0 in a confidence
 * curve) are ignored.</li>
 * <li>The median is the time of the lowest level that reaches 0.5 - tol; if a level equals 0.5
 * within tol (the curve is flat at exactly 0.5), it is the midpoint between that time and the time of
 * the next level, or the last observed time if the curve ends on that flat.</li>
 * <li>The lower (upper) limit is the same rule applied to the lower (upper) confidence curve.</li>
 * <li>No level reaches 0.5 (checked without tolerance, as R does): not reached (empty).</li>
 * </ul>
 * tol is R's default {@code sqrt(.Machine$double.eps)}, which absorbs rounding such as
 * 0.75 * 2/3 != 0.5.
 */
final class SurvivalQuantile {

    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));
    private static final double P = 0.5;

    private SurvivalQuantile() {}

    static MedianSurvival median(List<SurvivalPoint> points) {
        if (points.isEmpty()) {
            OptionalDouble none = OptionalDouble.empty();
            return new MedianSurvival(none, none, none);
        }
        return new MedianSurvival(
                quantile(points, SurvivalPoint::survival),
                quantile(points, p -> p.lower().orElse(Double.NaN)),
                quantile(points, p -> p.upper().orElse(Double.NaN)));
    }

    private static OptionalDouble quantile(List<SurvivalPoint> points, ToDoubleFunction<SurvivalPoint> curve) {
        List<double[]> steps = distinctLevels(points, curve);
        double lastTime = points.get(points.size() - 1).time();
        int first = lowestLevelAtLeast(steps, P - TOLERANCE);
        // R gives up before the tolerance applies when no level reaches 0.5 itself.
        if (first < 0 || highestLevel(steps) < P) {
            return OptionalDouble.empty();
        }
        double[] last = steps.get(steps.size() - 1);
        if (!Double.isNaN(last[1]) && Math.abs(P - last[1]) < TOLERANCE) {
            return OptionalDouble.of((steps.get(first)[0] + lastTime) / 2);
        }
        int second = lowestLevelAtLeast(steps, P + TOLERANCE);
        if (second < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((steps.get(first)[0] + steps.get(second)[0]) / 2);
    }

    /** (time, 1 - S) pairs from (0, 0) on, keeping the first time each level occurs. */
    private static List<double[]> distinctLevels(List<SurvivalPoint> points, ToDoubleFunction<SurvivalPoint> curve) {
        List<double[]> steps = new ArrayList<>();
        Set<Double> seen = new HashSet<>();
        steps.add(new double[] {0.0, 0.0});
        seen.add(0.0);
        for (SurvivalPoint p : points) {
            double level = 1.0 - curve.applyAsDouble(p);
            if (seen.add(level)) {
                steps.add(new double[] {p.time(), level});
            }
        }
        return steps;
    }

    private static double highestLevel(List<double[]> steps) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] step : steps) {
            if (!Double.isNaN(step[1])) {
                max = Math.max(max, step[1]);
            }
        }
        return max;
    }

    /**
     * Index of the smallest level >= threshold, ignoring undefined levels, or -1. The smallest level
     * rather than the first in time: a confidence curve need not be monotone, and R's
     * {@code approx} looks levels up in sorted order.
     */
    private static int lowestLevelAtLeast(List<double[]> steps, double threshold) {
        int best = -1;
        for (int i = 0; i < steps.size(); i++) {
            double level = steps.get(i)[1];
            if (level >= threshold && (best < 0 || level < steps.get(best)[1])) {
                best = i;
            }
        }
        return best;
    }
}
