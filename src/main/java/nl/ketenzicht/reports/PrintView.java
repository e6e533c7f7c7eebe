package nl.ketenzicht.reports;

import nl.ketenzicht.reports.ReportViews.CountRow;
import nl.ketenzicht.reports.ReportViews.RateRow;
import nl.ketenzicht.reports.ReportViews.RateView;
import nl.ketenzicht.reports.ReportViews.RegionalReport;

import java.util.List;
import java.util.Locale;

/**
 * A printable HTML page of one report: plain tables with captions and header scopes, readable by a
 * screen reader and on paper, with the same figures as the API. Its styles are a static file (the
 * CSP allows no inline style), found relative to the page's own path api/reports/{measure}/print/{region}.
 */
public final class PrintView {

    static final String STYLESHEET = "../../../../css/print.css";

    private PrintView() {
    }

    public static String html(RegionalReport report) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>")
                .append(esc("Ketenzicht rapport " + report.measure())).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\"></head><body><h1>").append(esc(report.measure())).append("</h1><p>")
                .append(esc(report.cut().toString())).append(" — cellen 1 t/m ").append(report.k() - 1)
                .append(" zijn onderdrukt (&lt;").append(report.k()).append(")</p>");
        report.tables().forEach(t -> table(h, t.metric(), report.categories(), rowsOfCounts(t.rows(), t.national())));
        report.rates().forEach(t -> table(h, t.name() + " (%, 95%-BI)", report.categories(), rowsOfRates(t.rows(), t.national())));
        return h.append("</body></html>").toString();
    }

    private static List<List<String>> rowsOfCounts(List<CountRow> rows, CountRow national) {
        return java.util.stream.Stream.concat(rows.stream(), java.util.stream.Stream.of(national))
                .map(r -> concat(r.region(), r.cells().stream().map(ReportViews.CellView::display).toList(), r.total().display())).toList();
    }

    private static List<List<String>> rowsOfRates(List<RateRow> rows, RateRow national) {
        return java.util.stream.Stream.concat(rows.stream(), java.util.stream.Stream.of(national))
                .map(r -> concat(r.region(), r.cells().stream().map(PrintView::rate).toList(), rate(r.total()))).toList();
    }

    private static List<String> concat(String head, List<String> cells, String total) {
        var all = new java.util.ArrayList<String>();
        all.add(head);
        all.addAll(cells);
        all.add(total);
        return all;
    }

    private static String rate(RateView v) {
        return v.rate() == null ? "–" : String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", 100 * v.rate(), 100 * v.lower(), 100 * v.upper());
    }

    private static void table(StringBuilder h, String caption, List<String> categories, List<List<String>> rows) {
        h.append("<table><caption>").append(esc(caption)).append("</caption><thead><tr><th scope=\"col\">regio</th>");
        categories.forEach(c -> h.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
        h.append("<th scope=\"col\">totaal</th></tr></thead><tbody>");
        for (List<String> row : rows) {
            h.append("<tr><th scope=\"row\">").append(esc(row.get(0))).append("</th>");
            row.subList(1, row.size()).forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
