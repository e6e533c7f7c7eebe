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
import nl.ketenzicht.context.ContextRequests.PilotRequest;
import nl.ketenzicht.context.ContextRequests.PilotValue;
import nl.ketenzicht.context.ContextRequests.PilotView;
import nl.ketenzicht.context.ContextRequests.Version;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Programmes and pilots (e.g. a proeftuin aangiftebereidheid) that police units take part in and cases are tagged with. */
@Path("context/pilots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Context")
@RolesAllowed({Role.COORDINATOR_, Role.ADMIN_})
public class PilotResource {

    @Inject
    PilotService service;

    @GET
    @Operation(
            summary =
                    "Programmes and pilots, latest start first, paged; a regional coordinator sees those of their police unit.")
    public Page<PilotView> list(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return service.list(offset, limit);
    }

    @POST
    @Operation(summary = "Adds a programme or pilot with its start, end (none while open-ended) and police units.")
    @APIResponseSchema(
            value = PilotView.class,
            responseCode = "201",
            responseDescription = "The pilot; ETag names its version.")
    public Response create(@NotNull PilotRequest body) {
        PilotView v = service.create(body);
        return Response.status(201).entity(v).tag(Versions.etag(v.version())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Reads a programme or pilot; ETag names its version.")
    @APIResponseSchema(
            value = PilotView.class,
            responseCode = "200",
            responseDescription = "The pilot; ETag names its version.")
    public Response get(@PathParam("id") long id) {
        PilotView v = service.get(id);
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Changes a programme or pilot as a new version. Needs If-Match with the ETag you read.")
    @APIResponseSchema(
            value = PilotView.class,
            responseCode = "200",
            responseDescription = "The new version; ETag names it.")
    public Response update(
            @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @NotNull PilotRequest body) {
        PilotView v = service.update(id, ifMatch, body);
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every version of a programme or pilot, with who saved it and when, newest first.")
    public List<Version<PilotValue>> history(@PathParam("id") long id) {
        return service.history(id);
    }
}
