package nl.ketenzicht.reports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.FunnelLimits;
import nl.ketenzicht.reports.stats.FunnelPosition;
import nl.ketenzicht.reports.stats.Proportion;

/**
 * What a regional comparison report returns. Every table lists the visible regions as rows, the
 * categories as columns, the region's total last, and the national figure as its own row, so a
 * chart and an accessible HTML table can both be drawn from it without arithmetic.
 */
public final class ReportViews {

    private ReportViews() {}

    public record RegionalReport(
            String measure,
            Map<String, String> cut,
            int k,
            List<String> categories,
            List<RegionRef> regions,
            List<CountTable> tables,
            List<RateTable> rates,
            RatioTable ratio,
            FunnelPlotView funnelPlot) {}

    public record RegionRef(String code, String name) {}

    /** A count, or its suppression: then value is null and display says "<k". */
    public record CellView(Long value, String display) {
        static CellView of(Cell cell, int k) {
            // A withheld count says nothing about its size: "x", as statistical offices mark it, never "<k".
            return cell instanceof Cell.Count c
                    ? new CellView(c.value(), Long.toString(c.value()))
                    : new CellView(null, "x");
        }
    }

    public record CountTable(String metric, List<CountRow> rows, CountRow national) {}

    public record CountRow(String region, List<CellView> cells, CellView total) {}

    /** A share (cell of its region's total) or a conversion (one counter of another), with Wilson 95%. */
    public record RateTable(
            String name, String kind, String numerator, String denominator, List<RateRow> rows, RateRow national) {}

    public record RateRow(String region, List<RateView> cells, RateView total) {}

    /** All null when withheld: the numerator or the denominator is suppressed, or the denominator is 0. */
    public record RateView(Double rate, Double lower, Double upper) {
        static RateView of(Optional<Proportion> p) {
            return p.map(x -> new RateView(
                            x.rate().getAsDouble(),
                            x.lower().getAsDouble(),
                            x.upper().getAsDouble()))
                    .orElse(new RateView(null, null, null));
        }
    }

    public record RatioTable(
            String name, String numerator, String denominator, List<RatioRow> rows, RatioRow national) {}

    public record RatioRow(String region, Double value) {}

    /** Rate against denominator per region, centred on the national rate, with exact binomial limits. */
    public record FunnelPlotView(
            String rate,
            Double centre,
            List<FunnelPoint> points,
            List<FunnelLimits> limits,
            int outside95,
            int outside99_8) {}

    public record FunnelPoint(String region, long events, long n, double rate, FunnelPosition position) {}
}
