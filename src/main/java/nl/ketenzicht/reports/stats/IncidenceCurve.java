package nl.ketenzicht.reports.stats;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** An Aalen–Johansen curve: one point per distinct observed time, in order (see {@link AalenJohansen}). */
public record IncidenceCurve(List<IncidencePoint> points) {

    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    public IncidenceCurve {
        points = List.copyOf(points);
    }

    /** The estimate at time t (right-continuous): the last point at or before t; empty before the first. */
    public Optional<IncidencePoint> at(double time) {
        IncidencePoint found = null;
        for (IncidencePoint p : points) {
            if (p.time() > time) {
                break;
            }
            found = p;
        }
        return Optional.ofNullable(found);
    }

    /** Events of interest at or before t. */
    public int eventsUpTo(double time) {
        return points.stream()
                .filter(p -> p.time() <= time)
                .mapToInt(IncidencePoint::events)
                .sum();
    }

    /** All events of interest. */
    public int events() {
        return points.stream().mapToInt(IncidencePoint::events).sum();
    }

    /**
     * The median time among those who reach the event within follow-up: the time at which F reaches
     * half of F(τ), τ the last observed time, since F(t) / F(τ) estimates P(T ≤ t | event, T ≤ τ).
     * Where F equals that half on a flat stretch, the midpoint to the next event (as for a sample
     * median of an even count). Published only where at least {@code minEachSide} events lie strictly
     * before and strictly after it; empty otherwise or without events.
     */
    public OptionalDouble medianAmongReached(int minEachSide) {
        if (points.isEmpty() || events() == 0) {
            return OptionalDouble.empty();
        }
        double half = points.get(points.size() - 1).incidence() / 2;
        double median = Double.NaN;
        for (int i = 0; i < points.size(); i++) {
            IncidencePoint p = points.get(i);
            if (p.events() > 0 && p.incidence() >= half - TOLERANCE * half) {
                median = Math.abs(p.incidence() - half) <= TOLERANCE * half
                        ? (p.time() + nextEventTime(i)) / 2
                        : p.time();
                break;
            }
        }
        double m = median;
        int before = points.stream()
                .filter(p -> p.time() < m)
                .mapToInt(IncidencePoint::events)
                .sum();
        int after = points.stream()
                .filter(p -> p.time() > m)
                .mapToInt(IncidencePoint::events)
                .sum();
        return before >= minEachSide && after >= minEachSide ? OptionalDouble.of(median) : OptionalDouble.empty();
    }

    private double nextEventTime(int index) {
        for (int j = index + 1; j < points.size(); j++) {
            if (points.get(j).events() > 0) {
                return points.get(j).time();
            }
        }
        return points.get(index).time();
    }
}
