package nl.ketenzicht.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.reports.MeasureReportService.Kind;
import nl.ketenzicht.shared.openapi.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Measure 4, victims: aangifte rate, hearings with a recherchepsycholoog, reasons for not reporting, vulnerability profile, recruitment channels. Aggregates only; filters as the other reports plus ageGroup and level=MUNICIPALITY with unit. */
@Path("reports/victims")
@Tag(name = "Reports")
public class VictimReportResource {

    @Inject
    MeasureReportService service;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "Measure 4, victims: aangifte rate, hearings with a recherchepsycholoog, reasons for not reporting, vulnerability profile, recruitment channels. By region next to the national figure, suppressed for screens.")
    @QueryParameters(ReportQueries.VictimCut.class)
    public MeasureReport report() {
        return service.report(Kind.VICTIMS, uri.getQueryParameters());
    }

    // Downloads declare no @Produces: a refusal must reach every caller as 401/403, whatever it accepts.
    @GET
    @Path("export.csv")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "Measure 4, victims: aangifte rate, hearings with a recherchepsycholoog, reasons for not reporting, vulnerability profile, recruitment channels. As CSV, suppressed with the publication threshold.")
    @QueryParameters({ReportQueries.VictimCut.class, ReportQueries.Download.class})
    @APIResponse(
            responseCode = "200",
            description = "The report as CSV.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv() {
        MeasureReport r = service.forExport(Kind.VICTIMS, uri.getQueryParameters(), "csv");
        return MeasureDownloads.csv(r, service.labels(uri.getQueryParameters(), headers), "victims.csv");
    }

    @GET
    @Path("export.xlsx")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "Measure 4, victims: aangifte rate, hearings with a recherchepsycholoog, reasons for not reporting, vulnerability profile, recruitment channels. As XLSX, suppressed with the publication threshold.")
    @QueryParameters({ReportQueries.VictimCut.class, ReportQueries.Download.class})
    @APIResponse(
            responseCode = "200",
            description = "The report as XLSX.",
            content =
                    @Content(
                            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx() {
        MeasureReport r = service.forExport(Kind.VICTIMS, uri.getQueryParameters(), "xlsx");
        return MeasureDownloads.xlsx(r, service.labels(uri.getQueryParameters(), headers), "victims.xlsx");
    }
}
