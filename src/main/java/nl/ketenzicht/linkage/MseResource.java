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
import nl.ketenzicht.linkage.EstimateRequests.EstimateRequest;
import nl.ketenzicht.linkage.EstimateViews.EstimateView;
import nl.ketenzicht.linkage.EstimateViews.SeriesPoint;
import nl.ketenzicht.security.Role;
import nl.ketenzicht.shared.Years;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

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
    @Operation(summary = "Estimates the number of victims, seen and unseen, from the overlap of the chosen lists. "
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
    public Response export(@Valid @NotNull EstimateRequest body) {
        return Response.ok(EstimateCsv.write(service.export(body)), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dark-number.csv\"").build();
    }

    @POST
    @Path("uploads")
    @Consumes(CSV)
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "Estimates from an uploaded capture-history table (0/1 list columns and a last column count). "
            + "Optional terms fix the model instead of stepwise selection.")
    public EstimateView upload(@NotNull String csv, @QueryParam("terms") List<String> terms) {
        return service.upload(csv, terms);
    }

    @GET
    @Path("series")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "The estimate for each year from fromYear to toYear, for a chart; bca=true adds bootstrap intervals.")
    public List<SeriesPoint> series(@QueryParam("fromYear") @NotNull @Min(Years.MIN) @Max(Years.MAX) Integer fromYear,
                                    @QueryParam("toYear") @NotNull @Min(Years.MIN) @Max(Years.MAX) Integer toYear,
                                    @QueryParam("region") String region, @QueryParam("lists") List<String> lists,
                                    @QueryParam("bca") @DefaultValue("false") boolean bca) {
        if (lists == null || lists.size() < 2 || lists.size() > 8) {
            throw nl.ketenzicht.shared.problem.ProblemException.invalid("lists", nl.ketenzicht.shared.problem.MessageCode.MSE_LIST_COUNT, java.util.Map.of("min", 2, "max", 8), "Choose 2 to 8 lists.");
        }
        return service.series(fromYear, toYear, region, lists, bca);
    }
}
