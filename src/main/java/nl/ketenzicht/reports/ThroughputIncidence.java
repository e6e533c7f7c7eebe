package nl.ketenzicht.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import nl.ketenzicht.reports.ReportViews.CellView;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.stats.AalenJohansen;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.CompetingObservation;
import nl.ketenzicht.reports.stats.IncidenceCurve;
import nl.ketenzicht.reports.stats.IncidencePoint;
import nl.ketenzicht.reports.stats.KeyedTable;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;

/**
 * Measure 3 as competing risks: per region and nationally, the cumulative incidence (Aalen–Johansen)
 * of reaching the next stage within 90, 180 and 365 days with 95% intervals, the median time among
 * those who reach it, and the curve. {@link Interval} says what reaches, ends or stays open.
 *
 * <p>Small counts: people by outcome (reached, ended, open) per region are one two-way table,
 * perturbed by cell key like every count (people are the row totals; a suspect carries the key of its
 * case's counter row, so the people in view equal measure 1's figure). A region's figures are shown only
 * where its published events reach k (the rule of the Kaplan–Meier reports); a
 * horizon's incidence only where at least k events lie at or before it and someone was still followed
 * on that day; a curve point only after at least k events since the last one; the median only where
 * max(m, k) events lie on each side of it. Numbers at risk are never published.
 */
public final class ThroughputIncidence {

    /** Days at which the cumulative incidence is published. */
    public static final List<Integer> HORIZONS = List.of(90, 180, 365);
    /** Columns of the outcome table. */
    public static final List<String> OUTCOMES = List.of("REACHED", "ENDED", "OPEN");

    public record View(
            String interval,
            Map<String, String> cut,
            int k,
            int medianMinEvents,
            List<RegionRef> regions,
            List<Row> rows,
            Row national) {}

    /**
     * People who reached the first stage and how they ended (reached = events, ended = competing,
     * open = censored); incidence at the horizons; median days among those who reached the stage
     * (null: withheld or too few events on a side); the published curve (empty when withheld).
     */
    public record Row(
            String region,
            CellView people,
            CellView reached,
            CellView ended,
            CellView open,
            boolean shown,
            List<AtHorizon> horizons,
            Double medianDays,
            List<CurvePoint> curve) {}

    /** F(days) with its 95% interval; all null when withheld. */
    public record AtHorizon(int days, Double incidence, Double lower95, Double upper95) {}

    /** F(t) just after day t, with its 95% interval (null where undefined). */
    public record CurvePoint(double days, double incidence, Double lower95, Double upper95) {}

    private ThroughputIncidence() {}

    /**
     * byRow: per region, per counter row key, the number of observations by outcome (see ThroughputFacts.Observed);
     * the outcomes split a counter row, so the people (row totals) are keyed by whole rows.
     */
    public static View build(
            Interval interval,
            Map<String, String> cut,
            List<RegionRef> regions,
            Set<String> visible,
            Map<String, List<CompetingObservation>> byRegion,
            Map<String, Map<Long, long[]>> byRow,
            int k,
            int medianMinEvents) {
        KeyedTable counts = new KeyedTable(regions.size(), OUTCOMES.size());
        List<CompetingObservation> all = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            all.addAll(byRegion.getOrDefault(regions.get(r).code(), List.of()));
            for (Map.Entry<Long, long[]> row :
                    byRow.getOrDefault(regions.get(r).code(), Map.of()).entrySet()) {
                for (int o = 0; o < OUTCOMES.size(); o++) {
                    counts.add(r, o, row.getKey(), row.getValue()[o]);
                }
            }
        }
        SuppressedTwoWayTable table = counts.publish();
        int m = Math.max(medianMinEvents, k);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            String code = regions.get(r).code();
            if (visible.contains(code)) {
                List<Cell> cells = List.of(table.cell(r, 0), table.cell(r, 1), table.cell(r, 2));
                rows.add(row(code, table.rowTotal(r), cells, byRegion.getOrDefault(code, List.of()), k, m));
            }
        }
        List<Cell> national = List.of(table.columnTotal(0), table.columnTotal(1), table.columnTotal(2));
        return new View(
                interval.name(),
                cut,
                k,
                m,
                regions.stream().filter(x -> visible.contains(x.code())).toList(),
                rows,
                row("NL", table.grandTotal(), national, all, k, m));
    }

    private static Row row(
            String region, Cell people, List<Cell> outcomes, List<CompetingObservation> obs, int k, int m) {
        CellView n = CellView.of(people, k);
        List<CellView> o = outcomes.stream().map(c -> CellView.of(c, k)).toList();
        boolean show = people instanceof Cell.Count && outcomes.get(0) instanceof Cell.Count ev && ev.value() >= k;
        if (!show) {
            List<AtHorizon> none = HORIZONS.stream()
                    .map(d -> new AtHorizon(d, null, null, null))
                    .toList();
            return new Row(region, n, o.get(0), o.get(1), o.get(2), false, none, null, List.of());
        }
        IncidenceCurve curve = AalenJohansen.fit(obs);
        double followed =
                obs.stream().mapToDouble(CompetingObservation::time).max().orElse(0);
        List<AtHorizon> horizons =
                HORIZONS.stream().map(d -> atHorizon(curve, d, followed, k)).toList();
        OptionalDouble median = curve.medianAmongReached(m);
        return new Row(
                region,
                n,
                o.get(0),
                o.get(1),
                o.get(2),
                true,
                horizons,
                median.isPresent() ? median.getAsDouble() : null,
                coarse(curve, k));
    }

    private static AtHorizon atHorizon(IncidenceCurve curve, int days, double followed, int k) {
        if (followed < days || curve.eventsUpTo(days) < k) {
            return new AtHorizon(days, null, null, null);
        }
        IncidencePoint p = curve.at(days).orElseThrow();
        return new AtHorizon(days, p.incidence(), value(p.lower()), value(p.upper()));
    }

    /** The curve from (0, 0), with a point only once at least k events have happened since the last one. */
    private static List<CurvePoint> coarse(IncidenceCurve curve, int k) {
        List<CurvePoint> points = new ArrayList<>(List.of(new CurvePoint(0, 0, null, null)));
        int events = 0;
        for (IncidencePoint p : curve.points()) {
            events += p.events();
            if (events >= k) {
                points.add(new CurvePoint(p.time(), p.incidence(), value(p.lower()), value(p.upper())));
                events = 0;
            }
        }
        return points;
    }

    private static Double value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
