package nl.ketenzicht.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Break-glass: time-boxed access to one case outside your scope, with a stated reason. */
@Path("break-glass")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Break-glass")
public class BreakGlassResource {

    @Inject
    BreakGlass breakGlass;

    @Inject
    CurrentCaller caller;

    /** The reason is checked by the service, so that a missing reason is a logged 403, not a 400. */
    public record Request(
            @NotNull Long caseId, @Size(max = 500) String reason) {
        /** An example for the API document (synthetic). */
        public static final Request EXAMPLE =
                new Request(17L, "Victim reported here tonight; the owning unit cannot be reached.");
    }

    @POST
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(
            summary =
                    "Opens one case outside your scope for a limited time; the reason and every read are flagged in the access log.")
    @APIResponseSchema(
            value = BreakGlass.Grant.class,
            responseCode = "201",
            responseDescription = "The grant, with when it ends.")
    public Response open(@Valid @NotNull Request body) {
        return Response.status(201)
                .entity(breakGlass.open(caller.require(), body.caseId(), body.reason()))
                .build();
    }
}
