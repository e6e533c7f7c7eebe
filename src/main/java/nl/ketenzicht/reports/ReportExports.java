package nl.ketenzicht.reports;

import nl.ketenzicht.reports.ReportViews.RegionalReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes a report as CSV or XLSX from its {@link ReportRows}; every text value is neutralised. */
public final class ReportExports {

    private ReportExports() {
    }

    public static void csv(RegionalReport report, OutputStream out) throws IOException {
        csv(report.cut(), ReportRows.of(report), out);
    }

    public static void csv(MeasureReport report, OutputStream out) throws IOException {
        csv(report.cut(), ReportRows.of(report), out);
    }

    public static void xlsx(RegionalReport report, OutputStream out) throws IOException {
        xlsx(report.measure(), report.cut(), ReportRows.of(report), out);
    }

    public static void xlsx(MeasureReport report, OutputStream out) throws IOException {
        xlsx(report.measure(), report.cut(), ReportRows.of(report), out);
    }

    private static void csv(Map<String, String> cut, List<ReportRows.Row> rows, OutputStream out) throws IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            for (Map.Entry<String, String> e : cut.entrySet()) {
                csv.printRecord("#", ReportRows.neutralise(e.getKey()), ReportRows.neutralise(e.getValue()));
            }
            csv.printRecord(ReportRows.HEADER);
            for (ReportRows.Row r : rows) {
                csv.printRecord(cells(r));
            }
        }
    }

    private static void xlsx(String sheet, Map<String, String> cut, List<ReportRows.Row> rows, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Ketenzicht", "1.0");
        Worksheet ws = wb.newWorksheet(sheet);
        int row = 0;
        for (Map.Entry<String, String> e : cut.entrySet()) {
            ws.value(row, 0, "#");
            ws.value(row, 1, ReportRows.neutralise(e.getKey()));
            ws.value(row++, 2, ReportRows.neutralise(e.getValue()));
        }
        for (int c = 0; c < ReportRows.HEADER.size(); c++) {
            ws.value(row, c, ReportRows.HEADER.get(c));
        }
        row++;
        for (ReportRows.Row r : rows) {
            List<String> cells = cells(r);
            for (int c = 0; c < cells.size(); c++) {
                ws.value(row, c, cells.get(c));
            }
            row++;
        }
        wb.finish();
    }

    /** Numbers stay text in both formats, so "&lt;10" and 12 sit in one column and both files read alike. */
    private static List<String> cells(ReportRows.Row r) {
        return java.util.stream.Stream.of(r.kind(), r.name(), r.region(), r.category(), r.value(),
                        r.lower() == null ? "" : Double.toString(r.lower()), r.upper() == null ? "" : Double.toString(r.upper()))
                .map(ReportRows::neutralise).toList();
    }
}
