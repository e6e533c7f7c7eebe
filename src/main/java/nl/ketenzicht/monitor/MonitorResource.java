package nl.ketenzicht.monitor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.monitor.MonitorViews.MonitorView;
import nl.ketenzicht.reports.ReportLabels;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.openapi.Download;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The programme monitor for coordinators: every concern of the programme for one year, from the reports' published figures. */
@Path("monitor")
@Tag(name = "Monitor")
public class MonitorResource {

    @Inject
    MonitorService service;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "The monitor of one year: per concern the figure with its 95% interval, a ten-year trend, the regions "
                            + "compared, the target where one exists, a generated sentence (lang) and what the figure cannot tell.")
    public MonitorView monitor(
            @QueryParam("year")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = "The year; last year when absent.", example = "2024")
                    Integer year,
            @QueryParam("lang")
                    @Schema(enumeration = {"nl", "en"})
                    @Parameter(
                            description = "The language of the sentences (nl or en); else Accept-Language, else Dutch.",
                            example = "nl")
                    String lang) {
        return service.monitor(year(year), ReportLabels.language(uri.getQueryParameters(), headers));
    }

    @GET
    @Path("pdf")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "The monitor of one year as a tagged PDF, with the figures, intervals, sentences and withheld marks of the page.")
    @Download(value = "application/pdf", description = "The monitor as PDF.")
    public Response pdf(
            @QueryParam("year")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = "The year; last year when absent.", example = "2024")
                    Integer year,
            @QueryParam("lang")
                    @Schema(enumeration = {"nl", "en"})
                    @Parameter(
                            description = "The language of the document (nl or en); else Accept-Language, else Dutch.",
                            example = "nl")
                    String lang) {
        int y = year(year);
        byte[] body = service.pdf(y, ReportLabels.language(uri.getQueryParameters(), headers));
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"monitor-" + y + ".pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private int year(Integer year) {
        return year != null ? year : LocalDate.now(clock).getYear() - 1;
    }
}
