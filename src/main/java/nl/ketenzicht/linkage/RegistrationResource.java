package nl.ketenzicht.linkage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.linkage.RegistrationRequests.RegistrationRequest;
import nl.ketenzicht.linkage.RegistrationRequests.RegistrationView;
import nl.ketenzicht.shared.Idempotency;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registrations (registraties) of victims by partner organisations, for the dark-number estimate. */
@Path("registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Registrations")
public class RegistrationResource {

    @Inject
    RegistrationService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(
            summary = "Registers a victim met by your organisation. Names and birth date only make the linkage "
                    + "keys and are not stored. Idempotency-Key makes retries safe.")
    @APIResponseSchema(
            value = RegistrationView.class,
            responseCode = "201",
            responseDescription = "The registration; Location names it.")
    public Response register(@HeaderParam("Idempotency-Key") String key, @Valid @NotNull RegistrationRequest body) {
        var token = idempotency.token(caller.require().actor(), key, "POST /registrations", service.fingerprint(body));
        return idempotency.create(
                token, t -> service.register(body, t, uri.getBaseUri().resolve("..")));
    }

    @GET
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(
            summary =
                    "Your organisation's registrations, newest first, paged; optionally within registeredOn from..to.")
    public Page<RegistrationView> list(
            @QueryParam("from") @Parameter(description = "Registered on or after this day.") LocalDate from,
            @QueryParam("to") @Parameter(description = "Registered on or before this day.") LocalDate to,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("25") @Min(1) @Max(200) int limit) {
        return service.list(from, to, offset, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Reads one of your organisation's registrations.")
    @APIResponseSchema(
            value = RegistrationView.class,
            responseCode = "200",
            responseDescription = "The registration; ETag names its version.")
    public Response get(@PathParam("id") long id) {
        RegistrationView view = service.get(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Withdraws a registration made in error; register again to correct it.")
    @APIResponse(responseCode = "204", description = "Withdrawn.")
    public Response withdraw(@PathParam("id") long id) {
        service.withdraw(id);
        return Response.noContent().build();
    }
}
