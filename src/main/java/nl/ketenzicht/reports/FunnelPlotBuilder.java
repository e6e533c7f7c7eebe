package nl.ketenzicht.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.ketenzicht.reports.ReportViews.FunnelPlotView;
import nl.ketenzicht.reports.ReportViews.FunnelPoint;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.FunnelPlot;
import nl.ketenzicht.reports.stats.FunnelPosition;
import nl.ketenzicht.reports.stats.SmallCellSuppression;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;

/**
 * A funnel plot of each visible region's rate (region totals of two counters) around the national
 * rate. A region whose numerator or denominator is suppressed is left out of the plot.
 */
final class FunnelPlotBuilder {

    private static final int CURVE_POINTS = 25;

    private final Measure.Rate rate;
    private final List<RegionRef> regions;
    private final Set<String> visible;

    FunnelPlotBuilder(Measure.Rate rate, List<RegionRef> regions, Set<String> visible) {
        this.rate = rate;
        this.regions = regions;
        this.visible = visible;
    }

    FunnelPlotView build(SuppressedTwoWayTable numerator, SuppressedTwoWayTable denominator) {
        if (!SmallCellSuppression.mayShowRate(numerator.grandTotal(), denominator.grandTotal())) {
            return new FunnelPlotView(rate.name(), null, List.of(), List.of(), 0, 0);
        }
        long total = ((Cell.Count) denominator.grandTotal()).value();
        // Perturbed counts: a subset may be published above its whole; its rate is then 1.
        long events = Math.min(((Cell.Count) numerator.grandTotal()).value(), total);
        if (events == 0 || events == total) {
            // A national rate of 0 or 1 has no spread: every region sits on the centre.
            return new FunnelPlotView(rate.name(), (double) events / total, List.of(), List.of(), 0, 0);
        }
        FunnelPlot plot = FunnelPlot.centredOn(events, total);
        List<FunnelPoint> points = points(plot, numerator, denominator);
        int outside95 = (int) points.stream()
                .filter(p -> p.position() != FunnelPosition.WITHIN)
                .count();
        int outside998 = (int) points.stream()
                .filter(p -> p.position() == FunnelPosition.ABOVE_99_8 || p.position() == FunnelPosition.BELOW_99_8)
                .count();
        long minN = points.stream().mapToLong(FunnelPoint::n).min().orElse(1);
        long maxN = points.stream().mapToLong(FunnelPoint::n).max().orElse(1);
        return new FunnelPlotView(
                rate.name(),
                plot.centre(),
                points,
                points.isEmpty() ? List.of() : plot.curve(Math.max(1, minN / 2), Math.max(2, maxN * 2), CURVE_POINTS),
                outside95,
                outside998);
    }

    private List<FunnelPoint> points(
            FunnelPlot plot, SuppressedTwoWayTable numerator, SuppressedTwoWayTable denominator) {
        List<FunnelPoint> points = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            if (visible.contains(regions.get(r).code())
                    && numerator.rowTotal(r) instanceof Cell.Count x
                    && denominator.rowTotal(r) instanceof Cell.Count n
                    && n.value() > 0) {
                long events = Math.min(x.value(), n.value());
                points.add(new FunnelPoint(
                        regions.get(r).code(),
                        events,
                        n.value(),
                        (double) events / n.value(),
                        plot.classify(events, n.value())));
            }
        }
        return points;
    }
}
