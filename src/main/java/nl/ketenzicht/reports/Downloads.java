package nl.ketenzicht.reports;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The download responses of the reports: an attachment that no cache keeps. */
final class Downloads {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {}

    static Response csv(StreamingOutput body, String filename) {
        return attachment(body, "text/csv; charset=utf-8", filename);
    }

    static Response xlsx(StreamingOutput body, String filename) {
        return attachment(body, XLSX, filename);
    }

    /** Measures 4–6, written by {@link ReportExports} (formula-neutralised). */
    static Response csv(MeasureReport r, ReportLabels labels, String filename) {
        return csv(out -> ReportExports.csv(r, labels, out), filename);
    }

    static Response xlsx(MeasureReport r, ReportLabels labels, String filename) {
        return xlsx(out -> ReportExports.xlsx(r, labels, out), filename);
    }

    static Response attachment(StreamingOutput body, String type, String filename) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
