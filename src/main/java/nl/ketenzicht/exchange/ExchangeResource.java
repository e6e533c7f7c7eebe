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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    // Downloads declare no @Produces: a refusal must reach every caller as 401/403, whatever it accepts.
    @GET
    @Path("htcds.json")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "HTCDS 2.0 records (one per victim, suspect and client) of the cases opened in the years, as JSON:"
                            + " pseudonymised, ids of this export only, dates to the month; kz_ fields are Ketenzicht's chain.")
    @APIResponse(
            responseCode = "200",
            description = "The records as JSON.",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)))
    public Response htcdsJson(
            @QueryParam("fromYear") @Min(Years.MIN) @Max(Years.MAX) @Parameter(description = FROM, example = "2024")
                    Integer fromYear,
            @QueryParam("toYear") @Min(Years.MIN) @Max(Years.MAX) @Parameter(description = TO, example = "2024")
                    Integer toYear) {
        int to = year(toYear);
        int from = fromYear == null ? to : fromYear;
        return download(service.htcds(from, to, true), "application/json", "htcds-" + from + "-" + to + ".json");
    }

    @GET
    @Path("htcds.csv")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary = "HTCDS 2.0 records of the cases opened in the years as CSV in the standard's template layout"
                    + " (field names as header, multi-select values joined by ';').")
    @APIResponse(
            responseCode = "200",
            description = "The records as CSV.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response htcdsCsv(
            @QueryParam("fromYear") @Min(Years.MIN) @Max(Years.MAX) @Parameter(description = FROM, example = "2024")
                    Integer fromYear,
            @QueryParam("toYear") @Min(Years.MIN) @Max(Years.MAX) @Parameter(description = TO, example = "2024")
                    Integer toYear) {
        int to = year(toYear);
        int from = fromYear == null ? to : fromYear;
        return download(service.htcds(from, to, false), "text/csv; charset=UTF-8", "htcds-" + from + "-" + to + ".csv");
    }

    @GET
    @Path("glotip.xlsx")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "The UNODC GLOTIP and Eurostat tables of a year as XLSX: persons in formal contact, prosecuted and"
                            + " convicted, victims detected, by sex and age, age group and citizenship against the form of"
                            + " exploitation, and the articles charged with their law version; every count by the cell keys.")
    @APIResponse(
            responseCode = "200",
            description = "The tables as XLSX.",
            content =
                    @Content(
                            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response glotip(
            @QueryParam("year")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = "The year; last year when absent.", example = "2024")
                    Integer year) {
        int y = year(year);
        return download(
                service.glotip(y),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "glotip-" + y + ".xlsx");
    }

    @GET
    @Path("release.csv")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary = "The open release: one row per victim of the cases opened in the years, k-anonymous with k = 11"
                    + " over the documented quasi-identifiers, no ids, no free text, no dates.")
    @APIResponse(
            responseCode = "200",
            description = "The release as CSV.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response release(
            @QueryParam("fromYear")
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = FROM_RELEASE, example = "2015")
                    Integer fromYear,
            @QueryParam("toYear") @Min(Years.MIN) @Max(Years.MAX) @Parameter(description = TO, example = "2024")
                    Integer toYear) {
        int to = year(toYear);
        int from = fromYear == null ? to - 9 : fromYear;
        return download(service.release(from, to), "text/csv; charset=UTF-8", "release-" + from + "-" + to + ".csv");
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
                    @Parameter(description = FROM_RELEASE, example = "2015")
                    Integer fromYear,
            @QueryParam("toYear") @Min(Years.MIN) @Max(Years.MAX) @Parameter(description = TO, example = "2024")
                    Integer toYear) {
        int to = year(toYear);
        int from = fromYear == null ? to - 9 : fromYear;
        service.allowReleaseReport(from, to);
        return service.releaseReport(from, to);
    }

    private static final String FROM = "The first year of opening of the cases; toYear when absent.";
    private static final String FROM_RELEASE =
            "The first year of opening of the cases; nine years before toYear when absent.";
    private static final String TO = "The last year of opening of the cases; last year when absent.";

    private int year(Integer year) {
        return year != null ? year : service.lastYear();
    }

    private static Response download(StreamingOutput body, String type, String name) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
