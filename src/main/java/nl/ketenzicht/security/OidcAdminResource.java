package nl.ketenzicht.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An organisation's own OpenID provider, for administrators (never of their own organisation). */
@Path("admin/organisations/{id}/oidc")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_)
@Tag(name = "Administration")
public class OidcAdminResource {

    @Inject
    OidcProviders providers;

    @Inject
    CurrentCaller caller;

    @GET
    @APIResponseSchema(value = OidcRequests.ProviderView.class, responseCode = "200")
    @Operation(summary = "The organisation's OpenID provider (404 when it logs in with password and TOTP).")
    public Response get(@PathParam("id") long id) {
        OidcProvider p = providers.get(id);
        return Response.ok(OidcRequests.ProviderView.of(p, providers.secretConfigured(p)))
                .tag(Versions.etag(p.version()))
                .build();
    }

    @PUT
    @APIResponseSchema(value = OidcRequests.ProviderView.class, responseCode = "200")
    @Operation(
            summary =
                    "Sets the organisation's OpenID provider; replacing an existing one needs If-Match. Its staff then log in there.")
    public Response set(
            @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull OidcRequests.ProviderRequest body) {
        OidcProvider p = providers.set(id, ifMatch, body, caller.require());
        return Response.ok(OidcRequests.ProviderView.of(p, providers.secretConfigured(p)))
                .tag(Versions.etag(p.version()))
                .build();
    }

    @DELETE
    @Operation(
            summary =
                    "Removes the organisation's OpenID provider (its staff log in with password and TOTP again). Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        providers.remove(id, ifMatch, caller.require());
        return Response.noContent().build();
    }
}
