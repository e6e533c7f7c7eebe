package nl.ketenzicht.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import nl.ketenzicht.shared.openapi.Download;
import nl.ketenzicht.shared.openapi.QueryParameters;
import nl.ketenzicht.shared.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Coordinators' regional comparison reports (measures 1 and 2) and their exports. Aggregates only. */
@Path("reports")
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    ReportService service;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("{measure}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "A regional comparison (dependency | clients) by whitelisted period, level and filters, suppressed for screens.")
    @QueryParameters(ReportQueries.Cut.class)
    public RegionalReport report(
            @PathParam("measure") @Schema(enumeration = {"dependency", "clients"}) String measure) {
        return service.report(measure(measure), cut());
    }

    @GET
    @Path("throughput/{interval}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "Cumulative incidence (Aalen–Johansen) of the next chain stage within 90/180/365 days per region, with competing "
                            + "endings (IN_VIEW_TO_OM_INFLOW, OM_INFLOW_TO_DECISION, OM_INFLOW_TO_VERDICT); open chains censored at today.")
    @QueryParameters(ReportQueries.Cut.class)
    public ThroughputIncidence.View throughput(@PathParam("interval") String interval) {
        return service.throughput(interval(interval), ReportRequest.parse(uri.getQueryParameters()));
    }

    @GET
    @Path("throughput/{interval}/export.csv")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "The throughput report as CSV with labels in the language lang (nl or en), the figures of the page.")
    @QueryParameters({ReportQueries.Cut.class, ReportQueries.Download.class})
    @Download(value = "text/csv", description = "The report as CSV.")
    public Response throughputCsv(@PathParam("interval") String interval) {
        ThroughputExports x = throughputExport(interval, null, "csv");
        return Downloads.csv(x::csv, "throughput-" + interval + ".csv");
    }

    @GET
    @Path("throughput/{interval}/export.xlsx")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "The throughput report as XLSX (figures as numbers), labels in the language lang, the figures of the page.")
    @QueryParameters({ReportQueries.Cut.class, ReportQueries.Download.class})
    @Download(
            value = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            description = "The report as XLSX.")
    public Response throughputXlsx(@PathParam("interval") String interval) {
        ThroughputExports x = throughputExport(interval, null, "xlsx");
        return Downloads.xlsx(x::xlsx, "throughput-" + interval + ".xlsx");
    }

    @GET
    @Path("throughput/{interval}/print/{region}")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "A printable page of the throughput report for one region next to the national figure, in the language lang.")
    @QueryParameters({ReportQueries.Cut.class, ReportQueries.Download.class})
    @Download(value = "text/html", description = "A printable HTML page.")
    public Response throughputPrint(@PathParam("interval") String interval, @PathParam("region") String region) {
        String html = throughputExport(interval, region, "print")
                .html(service.labels(uri.getQueryParameters(), headers).language());
        return Response.ok(html, "text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The cut without lang, which only chooses the texts of a download. */
    private ThroughputExports throughputExport(String interval, String region, String format) {
        Interval i = interval(interval);
        ReportLabels labels = service.labels(uri.getQueryParameters(), headers);
        MultivaluedMap<String, String> query = new jakarta.ws.rs.core.MultivaluedHashMap<>(uri.getQueryParameters());
        query.remove(ReportLabels.LANG);
        return new ThroughputExports(
                service.throughputForExport(i, ReportRequest.parse(query), region, format),
                labels.language(),
                code -> labels.code("EXPLOITATION_FORM", code));
    }

    private static Interval interval(String name) {
        try {
            return Interval.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Interval " + name);
        }
    }

    // Downloads declare no @Produces: a refusal must reach every caller as 401/403, whatever it accepts.
    @GET
    @Path("{measure}/export.csv")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "The report as CSV, suppressed with the publication threshold.")
    @QueryParameters({ReportQueries.Cut.class, ReportQueries.Download.class})
    @Download(value = "text/csv", description = "The report as CSV.")
    public Response csv(@PathParam("measure") @Schema(enumeration = {"dependency", "clients"}) String measure) {
        RegionalReport r = service.forExport(measure(measure), cut(), null, "csv");
        ReportLabels labels = service.labels(uri.getQueryParameters(), headers);
        return Downloads.csv(out -> ReportExports.csv(r, labels, out), measure + ".csv");
    }

    @GET
    @Path("{measure}/export.xlsx")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "The report as XLSX, suppressed with the publication threshold.")
    @QueryParameters({ReportQueries.Cut.class, ReportQueries.Download.class})
    @Download(
            value = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            description = "The report as XLSX.")
    public Response xlsx(@PathParam("measure") @Schema(enumeration = {"dependency", "clients"}) String measure) {
        RegionalReport r = service.forExport(measure(measure), cut(), null, "xlsx");
        ReportLabels labels = service.labels(uri.getQueryParameters(), headers);
        return Downloads.xlsx(out -> ReportExports.xlsx(r, labels, out), measure + ".xlsx");
    }

    @GET
    @Path("{measure}/print/{region}")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "A printable page of the report for one region next to the national figure.")
    @QueryParameters({ReportQueries.Cut.class, ReportQueries.Download.class})
    @Download(value = "text/html", description = "A printable HTML page.")
    public Response print(
            @PathParam("measure") @Schema(enumeration = {"dependency", "clients"}) String measure,
            @PathParam("region") String region) {
        String html = PrintView.html(
                service.forExport(measure(measure), cut(), region, "print"),
                service.labels(uri.getQueryParameters(), headers));
        return Response.ok(html, "text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("{measure}/pdf/{region}")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "The printable page of the report for one region as a tagged PDF (the same figures).")
    @QueryParameters({ReportQueries.Cut.class, ReportQueries.Download.class})
    @Download(value = "application/pdf", description = "The report as PDF.")
    public Response pdf(
            @PathParam("measure") @Schema(enumeration = {"dependency", "clients"}) String measure,
            @PathParam("region") String region) {
        String html = PrintView.xhtml(
                service.forExport(measure(measure), cut(), region, "pdf"),
                service.labels(uri.getQueryParameters(), headers));
        return Downloads.attachment(
                out -> nl.ketenzicht.shared.Pdf.render(html, out), "application/pdf", measure + "-" + region + ".pdf");
    }

    /** The report's cut from the query; {@code lang} only chooses the words of exports and print views. */
    private ReportRequest cut() {
        return ReportRequest.parse(ReportLabels.cutOf(uri.getQueryParameters()));
    }

    private static Measure measure(String name) {
        Map<String, Measure> known = new HashMap<>();
        for (Measure m : Measure.values()) {
            known.put(m.name().toLowerCase(), m);
        }
        Measure m = known.get(name);
        if (m == null) {
            throw ProblemException.notFound("Report " + name + "; reports: " + List.copyOf(known.keySet()));
        }
        return m;
    }
}
