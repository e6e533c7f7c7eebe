package nl.ketenzicht.reports;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The download responses of measures 4–6, written by {@link ReportExports} (formula-neutralised). */
final class MeasureDownloads {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MeasureDownloads() {}

    static Response csv(MeasureReport r, ReportLabels labels, String filename) {
        return download(out -> ReportExports.csv(r, labels, out), "text/csv; charset=utf-8", filename);
    }

    static Response xlsx(MeasureReport r, ReportLabels labels, String filename) {
        return download(out -> ReportExports.xlsx(r, labels, out), XLSX, filename);
    }

    private static Response download(StreamingOutput body, String type, String filename) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
