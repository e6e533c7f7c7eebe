package nl.ketenzicht.reports.stats;

import java.util.List;

/** A Kaplan-Meier curve: one point per distinct observed time (events and censorings), in order. */
public record SurvivalCurve(List<SurvivalPoint> points, MedianSurvival median) {

    public SurvivalCurve {
        points = List.copyOf(points);
    }

    /** S(t): the step function is right-continuous, and 1 before the first time. */
    public double survivalAt(double time) {
        double s = 1.0;
        for (SurvivalPoint p : points) {
            if (p.time() > time) {
                break;
            }
            s = p.survival();
        }
        return s;
    }
}
