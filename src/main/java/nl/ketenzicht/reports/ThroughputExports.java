package nl.ketenzicht.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ketenzicht.reports.ReportViews.CellView;
import nl.ketenzicht.reports.ThroughputIncidence.AtHorizon;
import nl.ketenzicht.reports.ThroughputIncidence.Row;
import nl.ketenzicht.reports.ThroughputIncidence.View;
import nl.ketenzicht.web.Messages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Measure 3 as CSV, XLSX and a printable page, with the texts of the user's language (labels, never
 * codes): one row per region and the national row, the people by outcome (a withheld count reads
 * "&lt;k"), the cumulative incidence at each horizon with its 95% interval, and the median. In XLSX
 * every figure is a number cell (shares formatted as percentages); CSV writes them with a decimal point.
 */
public final class ThroughputExports {

    private final View view;
    private final Map<String, String> texts;
    private final Map<String, String> regionNames = new java.util.HashMap<>();
    private final java.util.function.UnaryOperator<String> formLabel;

    /** formLabel: an exploitation form's code to its label in the same language (reference data). */
    ThroughputExports(View view, String language, java.util.function.UnaryOperator<String> formLabel) {
        this.view = view;
        this.formLabel = formLabel;
        this.texts = Messages.of(language).orElseThrow();
        view.regions().forEach(r -> regionNames.put(r.code(), r.name()));
    }

    String title() {
        return text("report.throughput.title") + ": " + text("report.interval." + view.interval());
    }

    List<String> header() {
        List<String> h = new ArrayList<>(List.of(
                text("report.region"),
                text("report.people"),
                text("report.events"),
                text("report.throughput.ended"),
                text("report.throughput.open")));
        for (int days : ThroughputIncidence.HORIZONS) {
            String at = format("report.throughput.cifAt", days);
            h.addAll(List.of(at, at + " " + text("report.lower95"), at + " " + text("report.upper95")));
        }
        h.add(text("report.throughput.median"));
        return h;
    }

    /** The cut and the suppression note, as label–value lines above the table. */
    List<List<String>> about() {
        Map<String, String> cut = view.cut();
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(text("report.interval"), text("report.interval." + view.interval())));
        lines.add(List.of(text("report.period"), format("report.period.range", cut.get("from"), cut.get("to"))));
        lines.add(List.of(text("coordinator.level"), text("coordinator.level." + cut.get("level"))));
        if (cut.containsKey("origin")) {
            lines.add(List.of(text("case.origin"), text("origin." + cut.get("origin"))));
        }
        if (cut.containsKey("form")) {
            lines.add(List.of(text("case.exploitationForm"), formLabel.apply(cut.get("form"))));
        }
        if (cut.containsKey("team")) {
            lines.add(List.of(text("case.teamType"), text("teamType." + cut.get("team"))));
        }
        lines.add(List.of(
                text("report.throughput.exportNote"),
                format("report.throughput.exportRule", view.k(), view.medianMinEvents())));
        return lines;
    }

    /** Each row's cells: a label, a count (Long) or "&lt;k", a share (Double) or null (withheld). */
    List<List<Object>> rows() {
        List<Row> all = new ArrayList<>(view.rows());
        all.add(view.national());
        List<List<Object>> out = new ArrayList<>();
        for (Row r : all) {
            List<Object> cells = new ArrayList<>(List.of(
                    name(r.region()), count(r.people()), count(r.reached()), count(r.ended()), count(r.open())));
            for (AtHorizon h : r.horizons()) {
                cells.add(h.incidence());
                cells.add(h.lower95());
                cells.add(h.upper95());
            }
            cells.add(r.medianDays());
            out.add(cells);
        }
        return out;
    }

    void csv(OutputStream out) throws IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            for (List<String> line : about()) {
                csv.printRecord("#", ReportRows.neutralise(line.get(0)), ReportRows.neutralise(line.get(1)));
            }
            csv.printRecord(header().stream().map(ReportRows::neutralise).toList());
            for (List<Object> row : rows()) {
                csv.printRecord(row.stream().map(ThroughputExports::csvCell).toList());
            }
        }
    }

    void xlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Ketenzicht", "1.0");
        Worksheet ws = wb.newWorksheet(text("report.throughput.title"));
        int row = 0;
        ws.value(row++, 0, ReportRows.neutralise(title()));
        for (List<String> line : about()) {
            ws.value(row, 0, ReportRows.neutralise(line.get(0)));
            ws.value(row++, 1, ReportRows.neutralise(line.get(1)));
        }
        List<String> header = header();
        for (int c = 0; c < header.size(); c++) {
            ws.value(row, c, ReportRows.neutralise(header.get(c)));
        }
        ws.range(row, 0, row, header.size() - 1).style().bold().set();
        row++;
        for (List<Object> cells : rows()) {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v instanceof Long n) {
                    ws.value(row, c, n);
                } else if (v instanceof Double d) {
                    ws.value(row, c, d);
                    if (isShare(c)) {
                        ws.style(row, c).format("0.0%").set();
                    }
                } else if (v != null) {
                    ws.value(row, c, ReportRows.neutralise(v.toString()));
                }
            }
            row++;
        }
        wb.finish();
    }

    /** The printable page (Dutch or English): the same table with caption and header scopes. */
    String html(String language) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(language)
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(esc("Ketenzicht — " + title()))
                .append("</title><link rel=\"stylesheet\" href=\"")
                .append(PRINT_STYLESHEET)
                .append("\"></head><body><h1>")
                .append(esc(title()))
                .append("</h1><dl>");
        about().forEach(l -> h.append("<dt>")
                .append(esc(l.get(0)))
                .append("</dt><dd>")
                .append(esc(l.get(1)))
                .append("</dd>"));
        h.append("</dl><table><caption>")
                .append(esc(format("report.table.throughput", title())))
                .append("</caption><thead><tr>");
        header().forEach(c -> h.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        Locale locale = Locale.forLanguageTag(language);
        for (List<Object> row : rows()) {
            h.append("<tr><th scope=\"row\">")
                    .append(esc(row.get(0).toString()))
                    .append("</th>");
            for (int c = 1; c < row.size(); c++) {
                h.append("<td>")
                        .append(esc(display(row.get(c), isShare(c), locale)))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table><p>")
                .append(esc(format("report.throughput.method", view.medianMinEvents())))
                .append("</p></body></html>")
                .toString();
    }

    /** api/reports/throughput/{interval}/print/{region}: four levels below the web root. */
    static final String PRINT_STYLESHEET = "../../../../../css/print.css";

    private static boolean isShare(int column) {
        return column >= 5 && column < 5 + 3 * ThroughputIncidence.HORIZONS.size();
    }

    private static String display(Object v, boolean share, Locale locale) {
        if (v == null) {
            return "–";
        }
        if (v instanceof Double d) {
            return share ? String.format(locale, "%.1f%%", 100 * d) : String.format(locale, "%.0f", d);
        }
        return v.toString();
    }

    private static Object count(CellView c) {
        return c.value() != null ? (Object) c.value() : c.display();
    }

    private static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : ReportRows.neutralise(v.toString());
    }

    private String name(String code) {
        return "NL".equals(code) ? text("report.national") : regionNames.getOrDefault(code, code);
    }

    private String text(String key) {
        return texts.getOrDefault(key, key);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text(key).replace("'", "''"), Locale.ROOT).format(args);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
