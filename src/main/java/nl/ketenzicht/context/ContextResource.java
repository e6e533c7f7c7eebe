package nl.ketenzicht.context;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.ketenzicht.context.ContextRequests.CapacityRequest;
import nl.ketenzicht.context.ContextRequests.CapacityValue;
import nl.ketenzicht.context.ContextRequests.CapacityView;
import nl.ketenzicht.context.ContextRequests.PriorityRequest;
import nl.ketenzicht.context.ContextRequests.PriorityView;
import nl.ketenzicht.context.ContextRequests.Version;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.Versions;
import nl.ketenzicht.shared.Years;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Context per year (measure 7): capacity per police unit and local priority per municipality. */
@Path("context")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Context")
@RolesAllowed({Role.COORDINATOR_, Role.ADMIN_})
public class ContextResource {

    @Inject
    ContextService service;

    @Inject
    ContextUploads uploads;

    @GET
    @Path("capacity")
    @Operation(summary = "Capacity (FTE per team) per police unit and year, newest year first, paged.")
    public Page<CapacityView> capacities(
            @QueryParam("policeUnit") @Parameter(description = "Only this police unit (e.g. AMS).") String unit,
            @QueryParam("year") @Min(Years.MIN) @Max(Years.MAX) @Parameter(description = "Only this year.")
                    Integer year,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.capacities(unit, year, offset, limit);
    }

    @GET
    @Path("capacity/{policeUnit}/{year}")
    @Operation(summary = "The current capacity of a police unit in a year; ETag names its version.")
    @APIResponseSchema(
            value = CapacityView.class,
            responseCode = "200",
            responseDescription = "The capacity; ETag names its version.")
    public Response capacity(
            @PathParam("policeUnit") String unit, @PathParam("year") @Min(Years.MIN) @Max(Years.MAX) int year) {
        CapacityView v = service.capacity(unit, year);
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @PUT
    @Path("capacity/{policeUnit}/{year}")
    @Operation(
            summary =
                    "Sets the capacity of a police unit in a year as a new version. The first value needs no If-Match; "
                            + "a change needs If-Match with the ETag you read.")
    @APIResponseSchema(
            value = CapacityView.class,
            responseCode = "200",
            responseDescription = "The current version (201 when new); ETag names it.")
    public Response saveCapacity(
            @PathParam("policeUnit") String unit,
            @PathParam("year") @Min(Years.MIN) @Max(Years.MAX) int year,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull CapacityRequest body) {
        var saved = service.saveCapacity(unit, year, ifMatch, body);
        return Response.status(saved.created() ? 201 : 200)
                .entity(saved.view())
                .tag(Versions.etag(saved.version()))
                .build();
    }

    @GET
    @Path("capacity/{policeUnit}/{year}/history")
    @Operation(
            summary = "Every version of a police unit's capacity in a year, with who saved it and when, newest first.")
    public List<Version<CapacityValue>> capacityHistory(
            @PathParam("policeUnit") String unit, @PathParam("year") @Min(Years.MIN) @Max(Years.MAX) int year) {
        return service.capacityHistory(unit, year);
    }

    @POST
    @Path("capacity/uploads")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            summary =
                    "Checks (commit=false, the default) or saves (commit=true) a CSV of capacity: columns policeUnit, year, avim, "
                            + "zeden, digital, psychologists (or their Dutch names), separated by , ; or tab, UTF-8 with or without BOM. The preview "
                            + "names each row's change and errors; a commit saves every row or, if any is wrong, none (400 naming rows[line].field).")
    public ContextUploads.UploadResult uploadCapacity(
            @QueryParam("commit")
                    @DefaultValue("false")
                    @Parameter(description = "true saves the rows; false (default) only checks them.")
                    boolean commit,
            @Schema(example = "policeUnit;year;avim;zeden;digital;psychologists\nAMS;2024;24,5;18;6,8;1,2\n")
                    String csv) {
        return uploads.capacity(csv, commit);
    }

    @POST
    @Path("priorities/uploads")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            summary =
                    "Checks (commit=false, the default) or saves (commit=true) a CSV of local priorities: columns municipalityCode, "
                            + "year, priority (yes/no, ja/nee, true/false, 1/0) or their Dutch names, separated by , ; or tab, UTF-8 with or without BOM. "
                            + "A commit saves every row or none.")
    public ContextUploads.UploadResult uploadPriorities(
            @QueryParam("commit")
                    @DefaultValue("false")
                    @Parameter(description = "true saves the rows; false (default) only checks them.")
                    boolean commit,
            @Schema(example = "municipalityCode,year,priority\nGM0363,2024,yes\nGM0599,2024,no\n") String csv) {
        return uploads.priorities(csv, commit);
    }

    @GET
    @Path("priorities")
    @Operation(
            summary =
                    "Whether trafficking is a priority in the local safety plan, per municipality and year, newest year first, paged.")
    public Page<PriorityView> priorities(
            @QueryParam("policeUnit") @Parameter(description = "Only the municipalities of this police unit.")
                    String unit,
            @QueryParam("year") @Min(Years.MIN) @Max(Years.MAX) @Parameter(description = "Only this year.")
                    Integer year,
            @QueryParam("priority")
                    @Parameter(description = "Only municipalities with (true) or without (false) the priority.")
                    Boolean priority,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.priorities(unit, year, priority, offset, limit);
    }

    @GET
    @Path("priorities/{municipalityCode}/{year}")
    @Operation(
            summary =
                    "Whether trafficking is a priority in a municipality's local safety plan in a year; ETag names the version.")
    @APIResponseSchema(
            value = PriorityView.class,
            responseCode = "200",
            responseDescription = "The priority; ETag names its version.")
    public Response priority(
            @PathParam("municipalityCode") String municipality,
            @PathParam("year") @Min(Years.MIN) @Max(Years.MAX) int year) {
        PriorityView v = service.priority(municipality, year);
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @PUT
    @Path("priorities/{municipalityCode}/{year}")
    @Operation(
            summary =
                    "Sets whether trafficking is a priority in a municipality in a year, as a new version. The first value "
                            + "needs no If-Match; a change needs If-Match with the ETag you read.")
    @APIResponseSchema(
            value = PriorityView.class,
            responseCode = "200",
            responseDescription = "The current version (201 when new); ETag names it.")
    public Response savePriority(
            @PathParam("municipalityCode") String municipality,
            @PathParam("year") @Min(Years.MIN) @Max(Years.MAX) int year,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull PriorityRequest body) {
        var saved = service.savePriority(municipality, year, ifMatch, body);
        return Response.status(saved.created() ? 201 : 200)
                .entity(saved.view())
                .tag(Versions.etag(saved.version()))
                .build();
    }

    @GET
    @Path("priorities/{municipalityCode}/{year}/history")
    @Operation(
            summary = "Every version of a municipality's priority in a year, with who saved it and when, newest first.")
    public List<Version<Boolean>> priorityHistory(
            @PathParam("municipalityCode") String municipality,
            @PathParam("year") @Min(Years.MIN) @Max(Years.MAX) int year) {
        return service.priorityHistory(municipality, year);
    }
}
