package nl.ketenzicht.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a report as CSV or XLSX from its {@link ReportRows}; every text value is neutralised. Each
 * row has the codes (for programs) and then the same in words of the requested language (for
 * people); the cut heads the file the same way. XLSX stores figures as numbers, "&lt;k" as text.
 */
public final class ReportExports {

    private ReportExports() {}

    public static void csv(RegionalReport report, ReportLabels labels, OutputStream out) throws IOException {
        csv(sheet(report.measure(), report.cut(), report.regions(), ReportRows.of(report), labels), out);
    }

    public static void csv(MeasureReport report, ReportLabels labels, OutputStream out) throws IOException {
        csv(sheet(report.measure(), report.cut(), report.regions(), ReportRows.of(report), labels), out);
    }

    public static void xlsx(RegionalReport report, ReportLabels labels, OutputStream out) throws IOException {
        xlsx(
                report.measure(),
                sheet(report.measure(), report.cut(), report.regions(), ReportRows.of(report), labels),
                out);
    }

    public static void xlsx(MeasureReport report, ReportLabels labels, OutputStream out) throws IOException {
        xlsx(
                report.measure(),
                sheet(report.measure(), report.cut(), report.regions(), ReportRows.of(report), labels),
                out);
    }

    /** The lines of either file: cut lines ("#", key, value, label, value in words), the header, the figures. */
    private static List<List<Object>> sheet(
            String measure,
            Map<String, String> cut,
            List<ReportViews.RegionRef> regions,
            List<ReportRows.Row> rows,
            ReportLabels labels) {
        List<List<Object>> lines = new ArrayList<>();
        lines.add(texts("#", "measure", measure, labels.text("report.cut.measure"), labels.measure(measure)));
        for (Map.Entry<String, String> e : cut.entrySet()) {
            String[] said = labels.cut(Map.of(e.getKey(), e.getValue())).stream()
                    .findFirst()
                    .orElse(new String[] {labels.text("report.cut." + e.getKey()), e.getValue()});
            if (e.getKey().equals("from") || e.getKey().equals("to")) {
                said = new String[] {
                    labels.text(e.getKey().equals("from") ? "report.from" : "report.to"), labels.quarter(e.getValue())
                };
            }
            lines.add(texts("#", e.getKey(), e.getValue(), said[0], said[1]));
        }
        lines.add(texts(HEADER.stream().map(labels::text).toArray(String[]::new)));
        for (ReportRows.Row r : rows) {
            List<Object> line = new ArrayList<>(texts(r.kind(), r.name(), r.region(), r.category()));
            line.add(number(r.value()));
            line.add(r.lower());
            line.add(r.upper());
            line.addAll(texts(
                    labels.kind(r.kind()),
                    labels.figure(r.kind(), r.name()),
                    labels.region(r.region(), regions),
                    labels.category(r.table(), r.category())));
            lines.add(line);
        }
        return lines;
    }

    private static final List<String> HEADER = List.of(
            "report.export.kindCode",
            "report.export.nameCode",
            "report.export.regionCode",
            "report.export.categoryCode",
            "report.export.value",
            "report.export.lower95",
            "report.export.upper95",
            "report.export.kind",
            "report.export.name",
            "report.export.region",
            "report.export.category");

    private static void csv(List<List<Object>> lines, OutputStream out) throws IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            for (List<Object> line : lines) {
                csv.printRecord(
                        line.stream().map(v -> v == null ? "" : v.toString()).toList());
            }
        }
    }

    private static void xlsx(String sheet, List<List<Object>> lines, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Ketenzicht", "1.0");
        Worksheet ws = wb.newWorksheet(sheet);
        for (int row = 0; row < lines.size(); row++) {
            List<Object> line = lines.get(row);
            for (int c = 0; c < line.size(); c++) {
                Object v = line.get(c);
                if (v instanceof Number n) {
                    ws.value(row, c, n);
                } else if (v != null) {
                    ws.value(row, c, (String) v);
                }
            }
        }
        wb.finish();
    }

    /** A figure as a number; "&lt;k" (withheld) and empty (not shown) stay text. */
    private static Object number(String value) {
        if (value == null || value.isEmpty() || value.startsWith("<")) {
            return value;
        }
        try {
            return value.contains(".") || value.contains("E")
                    ? (Object) Double.valueOf(value)
                    : (Object) Long.valueOf(value);
        } catch (NumberFormatException e) {
            return ReportRows.neutralise(value);
        }
    }

    private static List<Object> texts(String... values) {
        List<Object> out = new ArrayList<>();
        for (String v : values) {
            out.add(ReportRows.neutralise(v));
        }
        return out;
    }
}
