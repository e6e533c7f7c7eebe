package nl.ketenzicht.reports;

import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.RateRow;
import nl.ketenzicht.reports.ReportViews.RateView;
import nl.ketenzicht.reports.ReportViews.RegionalReport;

import java.util.ArrayList;
import java.util.List;

/**
 * A report flattened into long-form rows, the one shape every export writes: so CSV and XLSX carry
 * exactly the figures of the report they come from. Suppressed counts read "&lt;k"; withheld rates are empty.
 */
public final class ReportRows {

    public static final List<String> HEADER = List.of("kind", "name", "region", "category", "value", "lower95", "upper95");

    private ReportRows() {
    }

    public record Row(String kind, String name, String region, String category, String value, Double lower, Double upper) {
    }

    public static List<Row> of(RegionalReport report) {
        List<Row> rows = new ArrayList<>();
        for (var table : report.tables()) {
            for (CountRow row : withNational(table.rows(), table.national())) {
                for (int c = 0; c < report.categories().size(); c++) {
                    rows.add(new Row("count", table.metric(), row.region(), report.categories().get(c), row.cells().get(c).display(), null, null));
                }
                rows.add(new Row("count", table.metric(), row.region(), "TOTAL", row.total().display(), null, null));
            }
        }
        for (var table : report.rates()) {
            for (RateRow row : withNational(table.rows(), table.national())) {
                for (int c = 0; c < report.categories().size(); c++) {
                    rows.add(rate(table.name(), row.region(), report.categories().get(c), row.cells().get(c)));
                }
                rows.add(rate(table.name(), row.region(), "TOTAL", row.total()));
            }
        }
        for (var row : withNational(report.ratio().rows(), report.ratio().national())) {
            rows.add(new Row("ratio", report.ratio().name(), row.region(), "TOTAL",
                    row.value() == null ? "" : Double.toString(row.value()), null, null));
        }
        return rows;
    }

    private static Row rate(String name, String region, String category, RateView v) {
        return new Row("rate", name, region, category, v.rate() == null ? "" : Double.toString(v.rate()), v.lower(), v.upper());
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
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
