package nl.ketenzicht.exchange;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.openapi.Download;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Exchange and publication for national coordinators: HTCDS records for the Counter-Trafficking Data
 * Collaborative, the UNODC GLOTIP and Eurostat tables, and the k-anonymous open release.
 */
@Path("exchange")
@Tag(name = "Exchange")
public class ExchangeResource {

    @Inject
    ExchangeService service;

    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Downloads declare no @Produces: a refusal must reach every caller as 401/403, whatever it accepts.
    @GET
    @Path("htcds.json")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "HTCDS 2.0 records (one per victim, suspect and client) of the cases opened in the years, as JSON:"
                            + " pseudonymised, ids of this export only, dates to the month; kz_ fields are Ketenzicht's chain.")
    @Download(value = JSON, description = "The records as JSON.")
    public Response htcdsJson(
            @QueryParam("fromYear")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = YearRange.FROM, example = "2024")
                    Integer fromYear,
            @QueryParam("toYear")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = YearRange.TO, example = "2024")
                    Integer toYear) {
        YearRange years = years(fromYear, toYear, 1);
        return download(service.htcds(years, true), JSON, years.file("htcds", "json"));
    }

    @GET
    @Path("htcds.csv")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary = "HTCDS 2.0 records of the cases opened in the years as CSV in the standard's template layout"
                    + " (field names as header, multi-select values joined by ';').")
    @Download(value = CSV, description = "The records as CSV.")
    public Response htcdsCsv(
            @QueryParam("fromYear")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = YearRange.FROM, example = "2024")
                    Integer fromYear,
            @QueryParam("toYear")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = YearRange.TO, example = "2024")
                    Integer toYear) {
        YearRange years = years(fromYear, toYear, 1);
        return download(service.htcds(years, false), CSV + "; charset=UTF-8", years.file("htcds", "csv"));
    }

    @GET
    @Path("glotip.xlsx")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "The UNODC GLOTIP and Eurostat tables of a year as XLSX: persons in formal contact, prosecuted and"
                            + " convicted, victims detected, by sex and age, age group and citizenship against the form of"
                            + " exploitation, and the articles charged with their law version; every count by the cell keys.")
    @Download(value = XLSX, description = "The tables as XLSX.")
    public Response glotip(
            @QueryParam("year")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = "The year; last year when absent.", example = "2024")
                    Integer year) {
        int y = year != null ? year : service.lastYear();
        return download(service.glotip(y), XLSX, "glotip-" + y + ".xlsx");
    }

    @GET
    @Path("release.csv")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary = "The open release: one row per victim of the cases opened in the years, k-anonymous with k = 11"
                    + " over the documented quasi-identifiers, no ids, no free text, no dates; rows in the order of"
                    + " their values.")
    @Download(value = CSV, description = "The release as CSV.")
    public Response release(
            @QueryParam("fromYear")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = YearRange.FROM_RELEASE, example = "2015")
                    Integer fromYear,
            @QueryParam("toYear")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = YearRange.TO, example = "2024")
                    Integer toYear) {
        YearRange years = years(fromYear, toYear, RELEASE_YEARS);
        return download(service.release(years), CSV + "; charset=UTF-8", years.file("release", "csv"));
    }

    @GET
    @Path("release/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary = "What the open release of the years generalises and withholds: per quasi-identifier its level,"
                    + " the records released and withheld, the smallest combination.")
    public ReleaseReport releaseReport(
            @QueryParam("fromYear")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = YearRange.FROM_RELEASE, example = "2015")
                    Integer fromYear,
            @QueryParam("toYear")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = YearRange.TO, example = "2024")
                    Integer toYear) {
        YearRange years = years(fromYear, toYear, RELEASE_YEARS);
        service.allowReleaseReport(years);
        return service.releaseReport(years);
    }

    /** The open release covers the last ten years unless asked otherwise. */
    private static final int RELEASE_YEARS = 10;

    private YearRange years(Integer fromYear, Integer toYear, int defaultYears) {
        return YearRange.of(fromYear, toYear, service.lastYear(), defaultYears);
    }

    private static Response download(StreamingOutput body, String type, String name) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
