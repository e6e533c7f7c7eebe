package nl.ketenzicht.reports;

import java.util.List;
import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.RateRow;
import nl.ketenzicht.reports.ReportViews.RateView;
import nl.ketenzicht.reports.ReportViews.RegionalReport;

/**
 * A printable HTML page of one report: plain tables with captions and header scopes, readable by a
 * screen reader and on paper, with the same figures as the API, in words of the reader's language. Its styles are a static file (the
 * CSP allows no inline style), found relative to the page's own path api/reports/{measure}/print/{region}.
 */
public final class PrintView {

    static final String STYLESHEET = "../../../../css/print.css";

    private PrintView() {}

    public static String html(RegionalReport report, ReportLabels labels) {
        String measure = labels.measure(report.measure());
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(labels.language())
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(labels.text("report.print.pageTitle", measure)))
                .append("</title>")
                .append("<link rel=\"stylesheet\" href=\"")
                .append(STYLESHEET)
                .append("\"></head><body><h1>")
                .append(esc(measure))
                .append("</h1><dl>");
        labels.cut(report.cut())
                .forEach(line -> h.append("<dt>")
                        .append(esc(line[0]))
                        .append("</dt><dd>")
                        .append(esc(line[1]))
                        .append("</dd>"));
        h.append("</dl><p>")
                .append(esc(labels.text("report.print.suppressed", report.k() - 1, report.k())))
                .append("</p>");
        List<String> categories = report.categories().stream()
                .map(c -> labels.category(report.measure(), c))
                .toList();
        java.util.function.UnaryOperator<String> region = code -> labels.region(code, report.regions());
        report.tables()
                .forEach(t -> table(
                        h,
                        labels,
                        labels.metric(t.metric()),
                        categories,
                        rowsOfCounts(t.rows(), t.national(), region)));
        report.rates()
                .forEach(t -> table(
                        h,
                        labels,
                        labels.text("report.print.rateCaption", labels.rate(t.name())),
                        categories,
                        rowsOfRates(t.rows(), t.national(), region, labels)));
        return h.append("</body></html>").toString();
    }

    /** The same page as well-formed XHTML with its styles inside, for the PDF renderer (which reads no stylesheet link). */
    public static String xhtml(RegionalReport report, ReportLabels labels) {
        return html(report, labels)
                .replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/><style>" + PDF_STYLE + "</style>")
                .replaceAll("<link rel=\"stylesheet\" href=\"[^\"]*\">", "");
    }

    private static final String PDF_STYLE =
            "@page { size: A4 landscape; margin: 15mm; } body { font-family: 'DejaVu Sans'; font-size: 8.5pt; } "
                    + "table { border-collapse: collapse; margin: 4pt 0 10pt; } th, td { border: 0.5pt solid #777; padding: 2pt 4pt; } "
                    + "caption { text-align: left; font-weight: bold; }";

    private static List<List<String>> rowsOfCounts(
            List<CountRow> rows, CountRow national, java.util.function.UnaryOperator<String> region) {
        return java.util.stream.Stream.concat(rows.stream(), java.util.stream.Stream.of(national))
                .map(r -> concat(
                        region.apply(r.region()),
                        r.cells().stream().map(ReportViews.CellView::display).toList(),
                        r.total().display()))
                .toList();
    }

    private static List<List<String>> rowsOfRates(
            List<RateRow> rows,
            RateRow national,
            java.util.function.UnaryOperator<String> region,
            ReportLabels labels) {
        return java.util.stream.Stream.concat(rows.stream(), java.util.stream.Stream.of(national))
                .map(r -> concat(
                        region.apply(r.region()),
                        r.cells().stream().map(v -> rate(v, labels)).toList(),
                        rate(r.total(), labels)))
                .toList();
    }

    private static List<String> concat(String head, List<String> cells, String total) {
        var all = new java.util.ArrayList<String>();
        all.add(head);
        all.addAll(cells);
        all.add(total);
        return all;
    }

    private static String rate(RateView v, ReportLabels labels) {
        return labels.percent(v.rate(), v.lower(), v.upper());
    }

    private static void table(
            StringBuilder h, ReportLabels labels, String caption, List<String> categories, List<List<String>> rows) {
        h.append("<table><caption>")
                .append(esc(caption))
                .append("</caption><thead><tr><th scope=\"col\">")
                .append(esc(labels.text("report.region")))
                .append("</th>");
        categories.forEach(c -> h.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
        h.append("<th scope=\"col\">").append(esc(labels.text("report.total"))).append("</th></tr></thead><tbody>");
        for (List<String> row : rows) {
            h.append("<tr><th scope=\"row\">").append(esc(row.get(0))).append("</th>");
            row.subList(1, row.size())
                    .forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
