package nl.ketenzicht.monitor;

import java.util.Optional;
import nl.ketenzicht.monitor.MonitorViews.Figure;
import nl.ketenzicht.reports.MeasureReport;
import nl.ketenzicht.reports.ReportViews.CellView;
import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.CountTable;
import nl.ketenzicht.reports.ReportViews.RateRow;
import nl.ketenzicht.reports.ReportViews.RateTable;
import nl.ketenzicht.reports.ReportViews.RateView;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import nl.ketenzicht.reports.ThroughputIncidence;
import nl.ketenzicht.reports.ThroughputReport;
import nl.ketenzicht.reports.stats.Proportion;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Reads one figure out of a published report: never from a true count, only from the cells, rates and
 * medians the report publishes, so a figure here is always one a report page shows. {@code region} is a
 * region code or "NL" for the national row; {@code category} an index, or -1 for the region's total.
 */
final class Figures {

    static final String NATIONAL = "NL";

    private Figures() {}

    static Optional<CountRow> countRow(RegionalReport report, String metric, String region) {
        return report.tables().stream()
                .filter(t -> t.metric().equals(metric))
                .findFirst()
                .flatMap(t -> NATIONAL.equals(region)
                        ? Optional.of(t.national())
                        : t.rows().stream()
                                .filter(r -> r.region().equals(region))
                                .findFirst());
    }

    static Long count(RegionalReport report, String metric, String region, int category) {
        return countRow(report, metric, region)
                .map(r -> category < 0 ? r.total() : r.cells().get(category))
                .map(CellView::value)
                .orElse(null);
    }

    /** A published rate of the report with the published counts it was computed from. */
    static Figure rate(RegionalReport report, String rateName, String region, int category) {
        Optional<RateTable> table =
                report.rates().stream().filter(t -> t.name().equals(rateName)).findFirst();
        if (table.isEmpty()) {
            return Figure.NONE;
        }
        RateTable t = table.get();
        Optional<RateRow> row = NATIONAL.equals(region)
                ? Optional.of(t.national())
                : t.rows().stream().filter(r -> r.region().equals(region)).findFirst();
        if (row.isEmpty()) {
            return Figure.NONE;
        }
        RateView v = category < 0 ? row.get().total() : row.get().cells().get(category);
        Long numerator = count(report, t.numerator(), region, category);
        Long denominator = "SHARE".equals(t.kind())
                ? count(report, t.denominator(), region, -1)
                : count(report, t.denominator(), region, category);
        if (v.rate() == null) {
            return new Figure(null, null, null, numerator, denominator);
        }
        return new Figure(v.rate(), v.lower(), v.upper(), numerator, denominator);
    }

    /**
     * A share of a region's total from two published counts (a marker among victims): Wilson 95%, as the
     * reports compute every rate; a subset published above its whole counts as the whole. The figure keeps the
     * published counts themselves.
     */
    static Figure share(Long numerator, Long denominator) {
        if (numerator == null || denominator == null || denominator == 0) {
            return new Figure(null, null, null, numerator, denominator);
        }
        Proportion p = Proportion.wilson(Math.min(numerator, denominator), denominator);
        return new Figure(
                p.rate().getAsDouble(), p.lower().getAsDouble(), p.upper().getAsDouble(), numerator, denominator);
    }

    /** A published count with its exact (Garwood) Poisson 95% interval: how far a year's count is from its rate. */
    static Figure count(Long published) {
        if (published == null) {
            return Figure.NONE;
        }
        double lower = published == 0
                ? 0
                : new ChiSquaredDistribution(null, 2.0 * published).inverseCumulativeProbability(0.025) / 2;
        double upper = new ChiSquaredDistribution(null, 2.0 * published + 2).inverseCumulativeProbability(0.975) / 2;
        return new Figure((double) published, lower, upper, published, null);
    }

    /**
     * A published count per investigator FTE: the count and its exact (Garwood) Poisson 95% interval divided by
     * the FTE, which is an input, not an estimate; none without a count or a positive FTE.
     */
    static Figure perFte(Long published, java.math.BigDecimal fte) {
        if (published == null || fte == null || fte.signum() <= 0) {
            return Figure.NONE;
        }
        Figure c = count(published);
        double f = fte.doubleValue();
        return new Figure(c.value() / f, c.lower() / f, c.upper() / f, published, null);
    }

    /**
     * The difference of two shares a − b with Newcombe's hybrid score interval (Newcombe 1998, method 10):
     * each share's Wilson limits combined, d − √((a − l_a)² + (u_b − b)²) to d + √((u_a − a)² + (b − l_b)²).
     * It stays within −1..1 and behaves at small counts, where the Wald interval does not.
     */
    static Figure difference(Figure a, Figure b) {
        if (a == null || b == null || !a.present() || !b.present() || a.lower() == null || b.lower() == null) {
            return Figure.NONE;
        }
        double d = a.value() - b.value();
        double lower = d - Math.sqrt(square(a.value() - a.lower()) + square(b.upper() - b.value()));
        double upper = d + Math.sqrt(square(a.upper() - a.value()) + square(b.value() - b.lower()));
        return new Figure(d, lower, upper, null, null);
    }

    private static double square(double x) {
        return x * x;
    }

    /** A section of measures 4–6 by its name. */
    static Optional<RegionalReport> section(MeasureReport report, String name) {
        return report.sections().stream().filter(s -> s.measure().equals(name)).findFirst();
    }

    /** A Kaplan–Meier median (days) of measures 5–6 with its interval; the people and events it rests on. */
    static Figure median(MeasureReport report, String interval, String region) {
        Optional<ThroughputReport.View> view = report.survival().stream()
                .filter(v -> v.interval().equals(interval))
                .findFirst();
        if (view.isEmpty()) {
            return Figure.NONE;
        }
        Optional<ThroughputReport.Row> row = NATIONAL.equals(region)
                ? Optional.of(view.get().national())
                : view.get().rows().stream()
                        .filter(r -> r.region().equals(region))
                        .findFirst();
        return row.map(r -> new Figure(
                        r.medianDays(),
                        r.lower95(),
                        r.upper95(),
                        r.events().value(),
                        r.people().value()))
                .orElse(Figure.NONE);
    }

    /** F(days) of measure 3 with its interval; numerator/denominator: the reached and the people. */
    static Figure incidence(ThroughputIncidence.View view, int days, String region) {
        Optional<ThroughputIncidence.Row> row = NATIONAL.equals(region)
                ? Optional.of(view.national())
                : view.rows().stream().filter(r -> r.region().equals(region)).findFirst();
        return row.map(r -> r.horizons().stream()
                        .filter(h -> h.days() == days)
                        .findFirst()
                        .map(h -> new Figure(
                                h.incidence(),
                                h.lower95(),
                                h.upper95(),
                                r.reached().value(),
                                r.people().value()))
                        .orElse(Figure.NONE))
                .orElse(Figure.NONE);
    }

    /** The column index of a category of a report, or -1 when it has none. */
    static int category(RegionalReport report, String category) {
        return report.categories().indexOf(category);
    }

    static Optional<CountTable> table(RegionalReport report, String metric) {
        return report.tables().stream().filter(t -> t.metric().equals(metric)).findFirst();
    }
}
