package nl.ketenzicht.reports;

import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.RateRow;
import nl.ketenzicht.reports.ReportViews.RateView;
import nl.ketenzicht.reports.ReportViews.RegionalReport;

/**
 * A report flattened into long-form rows, the one shape every export writes: so CSV and XLSX carry
 * exactly the figures of the report they come from. Suppressed counts read "&lt;k"; withheld rates are empty.
 */
public final class ReportRows {

    public static final List<String> HEADER =
            List.of("kind", "name", "region", "category", "value", "lower95", "upper95");

    private ReportRows() {}

    /** One figure; {@code table} is the measure or section it belongs to, which says how its category is labelled. */
    public record Row(
            String kind,
            String name,
            String region,
            String category,
            String value,
            Double lower,
            Double upper,
            String table) {}

    public static List<Row> of(RegionalReport report) {
        List<Row> rows = new ArrayList<>();
        for (var table : report.tables()) {
            for (CountRow row : withNational(table.rows(), table.national())) {
                for (int c = 0; c < report.categories().size(); c++) {
                    rows.add(new Row(
                            "count",
                            table.metric(),
                            row.region(),
                            report.categories().get(c),
                            row.cells().get(c).display(),
                            null,
                            null,
                            report.measure()));
                }
                rows.add(new Row(
                        "count",
                        table.metric(),
                        row.region(),
                        "TOTAL",
                        row.total().display(),
                        null,
                        null,
                        report.measure()));
            }
        }
        for (var table : report.rates()) {
            for (RateRow row : withNational(table.rows(), table.national())) {
                for (int c = 0; c < report.categories().size(); c++) {
                    rows.add(rate(
                            table.name(),
                            row.region(),
                            report.categories().get(c),
                            row.cells().get(c),
                            report.measure()));
                }
                rows.add(rate(table.name(), row.region(), "TOTAL", row.total(), report.measure()));
            }
        }
        for (var row : report.ratio() == null
                ? List.<ReportViews.RatioRow>of()
                : withNational(report.ratio().rows(), report.ratio().national())) {
            rows.add(new Row(
                    "ratio",
                    report.ratio().name(),
                    row.region(),
                    "TOTAL",
                    row.value() == null ? "" : Double.toString(row.value()),
                    null,
                    null,
                    report.measure()));
        }
        return rows;
    }

    /**
     * Measures 4–6: the rows of every section (metric and rate names are unique within a measure),
     * then per Kaplan–Meier curve and region its people and events ("&lt;k" when withheld) and the
     * median with its 95% interval (empty when withheld or not reached).
     */
    public static List<Row> of(MeasureReport report) {
        List<Row> rows = new ArrayList<>();
        report.sections().forEach(s -> rows.addAll(of(s)));
        for (ThroughputReport.View v : report.survival()) {
            for (ThroughputReport.Row r : withNational(v.rows(), v.national())) {
                rows.add(new Row(
                        "count",
                        v.interval() + ".people",
                        r.region(),
                        "TOTAL",
                        r.people().display(),
                        null,
                        null,
                        report.measure()));
                rows.add(new Row(
                        "count",
                        v.interval() + ".events",
                        r.region(),
                        "TOTAL",
                        r.events().display(),
                        null,
                        null,
                        report.measure()));
                rows.add(new Row(
                        "median",
                        v.interval(),
                        r.region(),
                        "TOTAL",
                        r.medianDays() == null ? "" : Double.toString(r.medianDays()),
                        r.lower95(),
                        r.upper95(),
                        report.measure()));
            }
        }
        return rows;
    }

    private static Row rate(String name, String region, String category, RateView v, String table) {
        return new Row(
                "rate",
                name,
                region,
                category,
                v.rate() == null ? "" : Double.toString(v.rate()),
                v.lower(),
                v.upper(),
                table);
    }

    private static <T> List<T> withNational(List<T> rows, T national) {
        List<T> all = new ArrayList<>(rows);
        all.add(national);
        return all;
    }

    /** Spreadsheets run a cell starting with =, +, - or @ (or a tab or CR) as a formula; a quote stops that. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
