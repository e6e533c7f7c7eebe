package nl.ketenzicht.indicators;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.indicators.IndicatorRequests.IndicatorRequest;
import nl.ketenzicht.indicators.IndicatorRequests.IndicatorView;
import nl.ketenzicht.indicators.IndicatorRequests.ResultsView;
import nl.ketenzicht.indicators.IndicatorRequests.TargetRequest;
import nl.ketenzicht.shared.Years;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Indicators with yearly targets, and actual against target per region (measure 7). */
@Path("indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
public class IndicatorResource {

    @Inject
    IndicatorService service;

    @POST
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "Defines an indicator: a report counter with optional origin, form and team filters.")
    public IndicatorView define(@Valid @NotNull IndicatorRequest body) {
        return service.define(body);
    }

    @GET
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "Lists the indicators with their targets.")
    public List<IndicatorView> list() {
        return service.list();
    }

    @PUT
    @Path("{id}/targets")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(summary = "Sets the target of a year, nationally or for one police unit.")
    public IndicatorView target(@PathParam("id") long id, @Valid @NotNull TargetRequest body) {
        return service.setTarget(id, body);
    }

    @GET
    @Path("{id}/results")
    @RolesAllowed(Role.COORDINATOR_)
    @Operation(
            summary =
                    "Actual against target per year, per visible police unit and nationally; small actuals suppressed.")
    public ResultsView results(
            @PathParam("id") long id,
            @QueryParam("from")
                    @NotNull
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = "The first year.", example = "2022")
                    Integer from,
            @QueryParam("to")
                    @NotNull
                    @Min(Years.MIN)
                    @Max(Years.MAX)
                    @Parameter(description = "The last year.", example = "2024")
                    Integer to) {
        return service.results(id, from, to);
    }
}
