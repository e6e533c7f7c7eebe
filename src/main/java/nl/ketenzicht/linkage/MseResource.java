package nl.ketenzicht.linkage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.linkage.EstimateRequests.EstimateRequest;
import nl.ketenzicht.linkage.EstimateViews.EstimateView;
import nl.ketenzicht.linkage.EstimateViews.SeriesPoint;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.openapi.Download;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dark number: multiple systems estimation over linked registrations, for coordinators. */
@Path("mse")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dark number")
public class MseResource {

    static final String CSV = "text/csv";

    @Inject
    MseService service;

    @POST
    @Path("estimates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary = "Estimates the number of victims, seen and unseen, from the overlap of the chosen lists. "
                    + "422 when no estimate exists.")
    public EstimateView estimate(@Valid @NotNull EstimateRequest body) {
        return service.estimate(body);
    }

    @POST
    @Path("exports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.WILDCARD) // any Accept reaches the role check; the answer is CSV either way
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "The same estimate as a CSV file, with the publication threshold for small cells.")
    @Download(value = "text/csv", description = "The estimate as CSV.")
    public Response export(@Valid @NotNull EstimateRequest body) {
        return Response.ok(EstimateCsv.write(service.export(body)), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dark-number.csv\"")
                .build();
    }

    @POST
    @Path("uploads")
    @Consumes(CSV)
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary = "Estimates from an uploaded capture-history table (0/1 list columns and a last column count). "
                    + "Optional terms fix the model instead of stepwise selection.")
    public EstimateView upload(
            @NotNull
                    @Schema(example = "A,B,C,count\n1,0,0,40\n0,1,0,30\n0,0,1,20\n1,1,0,6\n1,0,1,5\n0,1,1,4\n1,1,1,2\n")
                    String csv,
            @QueryParam("terms")
                    @Parameter(
                            description = "A term of the model to fit instead of the stepwise "
                                    + "choice, as two list columns joined by a colon (A:B); repeat for more terms.")
                    List<String> terms) {
        return service.upload(csv, terms);
    }

    @GET
    @Path("series")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "The estimate for each year from fromYear to toYear, for a chart; bca=true adds bootstrap intervals.")
    public List<SeriesPoint> series(
            @QueryParam("fromYear")
                    @NotNull
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = "The first year.", example = "2020")
                    Integer fromYear,
            @QueryParam("toYear")
                    @NotNull
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = "The last year.", example = "2024")
                    Integer toYear,
            @QueryParam("region") @Parameter(description = "A police unit, or NATIONAL (the default).") String region,
            @QueryParam("lists")
                    @Parameter(
                            description = "2 to 8 lists, repeated: an organisation type "
                                    + "(POLICE, CARE, ...) or a named organisation as org:<id>.")
                    List<String> lists,
            @QueryParam("bca")
                    @DefaultValue("false")
                    @Parameter(description = "true adds bootstrap (BCa) intervals, which take longer.")
                    boolean bca) {
        if (lists == null || lists.size() < 2 || lists.size() > 8) {
            throw nl.ketenzicht.shared.problem.ProblemException.invalid(
                    "lists",
                    nl.ketenzicht.shared.problem.MessageCode.MSE_LIST_COUNT,
                    java.util.Map.of("min", 2, "max", 8),
                    "Choose 2 to 8 lists.");
        }
        return service.series(fromYear, toYear, region, lists, bca);
    }
}
