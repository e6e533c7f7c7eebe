package nl.ketenzicht.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import nl.ketenzicht.reports.ReportViews.CellView;
import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.CountTable;
import nl.ketenzicht.reports.ReportViews.RateRow;
import nl.ketenzicht.reports.ReportViews.RateTable;
import nl.ketenzicht.reports.ReportViews.RateView;
import nl.ketenzicht.reports.ReportViews.RatioRow;
import nl.ketenzicht.reports.ReportViews.RatioTable;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.CellKeyPerturbation;
import nl.ketenzicht.reports.stats.CellKeyPerturbation.Key;
import nl.ketenzicht.reports.stats.SmallCellSuppression;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;

/**
 * Turns counters into a published report. Every count, margins included, is perturbed by its cell
 * key ({@link CellKeyPerturbation}) on the full regions × categories table before a regional
 * coordinator's view is cut out of it, so what one coordinator sees is always a subset of what the
 * national coordinator sees. Rates, ratios and funnel plots are computed only from published counts.
 */
public final class RegionalReportBuilder {

    private final CounterSpec measure;
    private final List<RegionRef> regions;
    private final Set<String> visible;
    private final int k;
    private final Map<String, SuppressedTwoWayTable> tables = new LinkedHashMap<>();

    public RegionalReportBuilder(CounterSpec measure, List<RegionRef> regions, Set<String> visible, int k) {
        this.measure = measure;
        this.regions = regions;
        this.visible = visible;
        this.k = k;
    }

    /** Counts per region and category with their keys (see FunnelCounts): a counter row lies in one cell. */
    public RegionalReport build(ReportRequest request, Map<String, Map<String, FunnelCounts.Counted>> counts) {
        Map<String, SuppressedTwoWayTable> suppressed = new LinkedHashMap<>();
        for (int m = 0; m < measure.metrics().size(); m++) {
            suppressed.put(measure.metrics().get(m), CellKeyPerturbation.twoWay(counts(counts, m), keys(counts, m)));
        }
        return publish(request.describe(), suppressed);
    }

    /**
     * Publishes tables already protected (one per metric, rows in the order of the regions): measures
     * 4–6 build their own, and their cut says more than a ReportRequest.
     */
    public RegionalReport publish(Map<String, String> cut, Map<String, SuppressedTwoWayTable> suppressed) {
        measure.metrics().forEach(metric -> tables.put(metric, suppressed.get(metric)));
        List<CountTable> countTables = new ArrayList<>();
        tables.forEach((metric, t) -> countTables.add(countTable(metric, t)));
        List<RateTable> rates = new ArrayList<>();
        measure.shares().forEach(metric -> rates.add(share(metric)));
        measure.conversions().forEach(rate -> rates.add(conversion(rate)));
        List<RegionRef> shown =
                regions.stream().filter(r -> visible.contains(r.code())).toList();
        Measure.Rate funnel = measure.funnelRate();
        return new RegionalReport(
                measure.name(),
                cut,
                k,
                measure.categories(),
                shown,
                countTables,
                rates,
                measure.ratio() == null ? null : ratio(measure.ratio()),
                funnel == null
                        ? null
                        : new FunnelPlotBuilder(funnel, regions, visible)
                                .build(tables.get(funnel.numerator()), tables.get(funnel.denominator())));
    }

    private long[][] counts(Map<String, Map<String, FunnelCounts.Counted>> counts, int metric) {
        long[][] grid = new long[regions.size()][measure.categories().size()];
        for (int r = 0; r < regions.size(); r++) {
            for (int c = 0; c < measure.categories().size(); c++) {
                FunnelCounts.Counted counted = counted(counts, r, c);
                grid[r][c] = counted == null ? 0 : counted.counts()[metric];
            }
        }
        return grid;
    }

    private Key[][] keys(Map<String, Map<String, FunnelCounts.Counted>> counts, int metric) {
        Key[][] grid = new Key[regions.size()][measure.categories().size()];
        for (int r = 0; r < regions.size(); r++) {
            for (int c = 0; c < measure.categories().size(); c++) {
                FunnelCounts.Counted counted = counted(counts, r, c);
                grid[r][c] = counted == null ? Key.NONE : counted.keys()[metric];
            }
        }
        return grid;
    }

    private FunnelCounts.Counted counted(Map<String, Map<String, FunnelCounts.Counted>> counts, int r, int c) {
        return counts.getOrDefault(regions.get(r).code(), Map.of())
                .get(measure.categories().get(c));
    }

    private CountTable countTable(String metric, SuppressedTwoWayTable t) {
        List<CountRow> rows = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            if (visible.contains(regions.get(r).code())) {
                rows.add(new CountRow(
                        regions.get(r).code(),
                        t.cells().get(r).stream().map(c -> CellView.of(c, k)).toList(),
                        CellView.of(t.rowTotal(r), k)));
            }
        }
        return new CountTable(
                metric,
                rows,
                new CountRow(
                        "NL",
                        t.columnTotals().stream().map(c -> CellView.of(c, k)).toList(),
                        CellView.of(t.grandTotal(), k)));
    }

    /** Each category's share of its region's total; the total column is the region's share of the country. */
    private RateTable share(String metric) {
        SuppressedTwoWayTable t = tables.get(metric);
        return rateTable(
                "share_of_" + metric,
                "SHARE",
                metric,
                metric,
                (r, c) -> SmallCellSuppression.rate(t.cell(r, c), t.rowTotal(r)),
                r -> SmallCellSuppression.rate(t.rowTotal(r), t.grandTotal()),
                c -> SmallCellSuppression.rate(t.columnTotal(c), t.grandTotal()),
                SmallCellSuppression.rate(t.grandTotal(), t.grandTotal()));
    }

    private RateTable conversion(Measure.Rate rate) {
        SuppressedTwoWayTable n = tables.get(rate.numerator());
        SuppressedTwoWayTable d = tables.get(rate.denominator());
        return rateTable(
                rate.name(),
                "CONVERSION",
                rate.numerator(),
                rate.denominator(),
                (r, c) -> SmallCellSuppression.rate(n.cell(r, c), d.cell(r, c)),
                r -> SmallCellSuppression.rate(n.rowTotal(r), d.rowTotal(r)),
                c -> SmallCellSuppression.rate(n.columnTotal(c), d.columnTotal(c)),
                SmallCellSuppression.rate(n.grandTotal(), d.grandTotal()));
    }

    private RateTable rateTable(
            String name,
            String kind,
            String numerator,
            String denominator,
            BiFunction<Integer, Integer, Optional<nl.ketenzicht.reports.stats.Proportion>> cell,
            java.util.function.IntFunction<Optional<nl.ketenzicht.reports.stats.Proportion>> rowTotal,
            java.util.function.IntFunction<Optional<nl.ketenzicht.reports.stats.Proportion>> columnTotal,
            Optional<nl.ketenzicht.reports.stats.Proportion> grand) {
        int columns = measure.categories().size();
        List<RateRow> rows = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            if (visible.contains(regions.get(r).code())) {
                List<RateView> cells = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    cells.add(RateView.of(cell.apply(r, c)));
                }
                rows.add(new RateRow(regions.get(r).code(), cells, RateView.of(rowTotal.apply(r))));
            }
        }
        List<RateView> national = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            national.add(RateView.of(columnTotal.apply(c)));
        }
        return new RateTable(name, kind, numerator, denominator, rows, new RateRow("NL", national, RateView.of(grand)));
    }

    private RatioTable ratio(Measure.Rate rate) {
        SuppressedTwoWayTable n = tables.get(rate.numerator());
        SuppressedTwoWayTable d = tables.get(rate.denominator());
        List<RatioRow> rows = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            if (visible.contains(regions.get(r).code())) {
                rows.add(new RatioRow(regions.get(r).code(), ratio(n.rowTotal(r), d.rowTotal(r))));
            }
        }
        return new RatioTable(
                rate.name(),
                rate.numerator(),
                rate.denominator(),
                rows,
                new RatioRow("NL", ratio(n.grandTotal(), d.grandTotal())));
    }

    private static Double ratio(Cell numerator, Cell denominator) {
        return SmallCellSuppression.mayShowRate(numerator, denominator)
                ? (double) ((Cell.Count) numerator).value() / ((Cell.Count) denominator).value()
                : null;
    }
}
