package nl.ketenzicht.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.reports.ReportViews.CellView;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.KaplanMeier;
import nl.ketenzicht.reports.stats.MedianSurvival;
import nl.ketenzicht.reports.stats.SmallCellSuppression;
import nl.ketenzicht.reports.stats.SuppressedOneWayTable;
import nl.ketenzicht.reports.stats.SurvivalCurve;
import nl.ketenzicht.reports.stats.SurvivalObservation;
import nl.ketenzicht.reports.stats.SurvivalPoint;

/**
 * Kaplan–Meier curves per region and nationally, for the waiting times of measures 5–6 (runaways,
 * care), where nothing competes with the event. Measure 3, where a chain can end without reaching
 * the next stage, is {@link ThroughputIncidence}. The numbers of people and of events per region
 * are suppressed like any one-way table; a median is shown only where both are published, so a
 * small region's individual durations never appear. The curve itself is published in steps of at
 * least k events, so no step of it stands for fewer than k people.
 */
public final class ThroughputReport {

    public record View(
            String interval, Map<String, String> cut, int k, List<RegionRef> regions, List<Row> rows, Row national) {}

    /** Median days with its 95% interval (null: withheld, not reached, or an open upper limit), and the curve. */
    public record Row(
            String region,
            CellView people,
            CellView events,
            Double medianDays,
            Double lower95,
            Double upper95,
            boolean medianReached,
            List<CurvePoint> curve) {}

    /** S(t) just after day t: the share that has not reached the second stage. */
    public record CurvePoint(double days, double survival) {}

    private ThroughputReport() {}

    public static View build(
            String name,
            Map<String, String> cut,
            List<RegionRef> regions,
            Set<String> visible,
            Map<String, List<SurvivalObservation>> byRegion,
            int k) {
        long[] people = new long[regions.size()];
        long[] events = new long[regions.size()];
        List<SurvivalObservation> all = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            List<SurvivalObservation> obs = byRegion.getOrDefault(regions.get(r).code(), List.of());
            people[r] = obs.size();
            events[r] = obs.stream().filter(SurvivalObservation::event).count();
            all.addAll(obs);
        }
        SuppressedOneWayTable n = SmallCellSuppression.oneWay(people, k);
        SuppressedOneWayTable e = SmallCellSuppression.oneWay(events, k);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            if (visible.contains(regions.get(r).code())) {
                rows.add(row(
                        regions.get(r).code(),
                        n.cell(r),
                        e.cell(r),
                        byRegion.getOrDefault(regions.get(r).code(), List.of()),
                        k));
            }
        }
        return new View(
                name,
                cut,
                k,
                regions.stream().filter(x -> visible.contains(x.code())).toList(),
                rows,
                row("NL", n.total(), e.total(), all, k));
    }

    static Row row(String region, Cell people, Cell events, List<SurvivalObservation> obs, int k) {
        boolean show = people instanceof Cell.Count && events instanceof Cell.Count ev && ev.value() >= k;
        if (!show) {
            return new Row(region, CellView.of(people, k), CellView.of(events, k), null, null, null, false, List.of());
        }
        SurvivalCurve curve = KaplanMeier.fit(obs);
        MedianSurvival m = curve.median();
        return new Row(
                region,
                CellView.of(people, k),
                CellView.of(events, k),
                value(m.estimate()),
                value(m.lower()),
                value(m.upper()),
                m.reached(),
                coarse(curve, k));
    }

    /** The curve from (0, 1), with a point only once at least k events have happened since the last one. */
    private static List<CurvePoint> coarse(SurvivalCurve curve, int k) {
        List<CurvePoint> points = new ArrayList<>(List.of(new CurvePoint(0, 1)));
        int events = 0;
        for (SurvivalPoint p : curve.points()) {
            events += p.events();
            if (events >= k) {
                points.add(new CurvePoint(p.time(), p.survival()));
                events = 0;
            }
        }
        return points;
    }

    private static Double value(java.util.OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
