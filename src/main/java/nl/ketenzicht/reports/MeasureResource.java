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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.reports.MeasureReportService.Kind;
import nl.ketenzicht.shared.openapi.Download;
import nl.ketenzicht.shared.openapi.PathValues;
import nl.ketenzicht.shared.openapi.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Measures 4 (victims), 5 (runaways) and 6 (care), one path each ({@link Kind}): aggregates only; filters as
 * the other reports plus ageGroup and level=MUNICIPALITY with unit. The path's pattern names the measures
 * (MeasureResourceTest keeps it to {@link Kind}), so that {@code reports/dependency} and
 * {@code reports/throughput} stay with {@link ReportResource}.
 */
@Path("reports/{measure: victims|runaways|care}")
@Tag(name = "Reports")
public class MeasureResource {

    @Inject
    MeasureReportService service;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "By region next to the national figure, suppressed for screens.")
    @QueryParameters(ReportQueries.VictimCut.class)
    public MeasureReport report(@PathParam("measure") @PathValues(Kind.class) String measure) {
        return service.report(Kind.of(measure), uri.getQueryParameters());
    }

    // Downloads declare no @Produces: a refusal must reach every caller as 401/403, whatever it accepts.
    @GET
    @Path("export.csv")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "As CSV, suppressed with the publication threshold.")
    @QueryParameters({ReportQueries.VictimCut.class, ReportQueries.Download.class})
    @Download(value = "text/csv", description = "The report as CSV.")
    public Response csv(@PathParam("measure") @PathValues(Kind.class) String measure) {
        MeasureReport r = service.forExport(Kind.of(measure), uri.getQueryParameters(), "csv");
        return Downloads.csv(r, service.labels(uri.getQueryParameters(), headers), measure + ".csv");
    }

    @GET
    @Path("export.xlsx")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "As XLSX, suppressed with the publication threshold.")
    @QueryParameters({ReportQueries.VictimCut.class, ReportQueries.Download.class})
    @Download(
            value = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            description = "The report as XLSX.")
    public Response xlsx(@PathParam("measure") @PathValues(Kind.class) String measure) {
        MeasureReport r = service.forExport(Kind.of(measure), uri.getQueryParameters(), "xlsx");
        return Downloads.xlsx(r, service.labels(uri.getQueryParameters(), headers), measure + ".xlsx");
    }
}
