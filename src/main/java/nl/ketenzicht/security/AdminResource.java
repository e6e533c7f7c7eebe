package nl.ketenzicht.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administration of organisations, users and API tokens. Administrators never see case content. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_)
@Tag(name = "Administration")
public class AdminResource {

    @Inject
    AdminService admin;

    @Inject
    Users users;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("organisations")
    @Operation(summary = "Lists all organisations.")
    public List<AdminRequests.OrganisationView> organisations() {
        return users.organisations().stream()
                .map(AdminRequests.OrganisationView::of)
                .toList();
    }

    @POST
    @Path("organisations")
    @APIResponseSchema(value = AdminRequests.OrganisationView.class, responseCode = "201")
    @Operation(summary = "Creates an organisation (police organisations name their police unit).")
    public Response createOrganisation(@Valid @NotNull AdminRequests.CreateOrganisation body) {
        var view = AdminRequests.OrganisationView.of(admin.createOrganisation(body));
        return Response.status(201)
                .tag(Versions.etag(view.version()))
                .entity(view)
                .build();
    }

    @PUT
    @Path("organisations/{id}")
    @APIResponseSchema(value = AdminRequests.OrganisationView.class, responseCode = "200")
    @Operation(summary = "Revises an organisation or disables it. Needs If-Match with the ETag you read.")
    public Response updateOrganisation(
            @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AdminRequests.UpdateOrganisation body) {
        var view = AdminRequests.OrganisationView.of(
                admin.updateOrganisation(id, Versions.fromIfMatch(ifMatch), body, caller.require()));
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("users")
    @Operation(summary = "Lists users, paged.")
    public Page<AdminRequests.UserView> users(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return new Page<>(
                users.users(offset, limit).stream()
                        .map(AdminRequests.UserView::of)
                        .toList(),
                users.countUsers(),
                offset,
                limit);
    }

    @POST
    @Path("users")
    @APIResponseSchema(value = AdminRequests.UserView.class, responseCode = "201")
    @Operation(summary = "Creates a user with a role in an organisation; the user enrols TOTP at the first login.")
    public Response createUser(@NotNull AdminRequests.CreateUser body) {
        var view = AdminRequests.UserView.of(admin.createUser(body));
        return Response.status(201)
                .tag(Versions.etag(view.version()))
                .entity(view)
                .build();
    }

    @PUT
    @Path("users/{id}")
    @APIResponseSchema(value = AdminRequests.UserView.class, responseCode = "200")
    @Operation(
            summary =
                    "Changes a user's role, police unit or enabled state, or resets the second factor. Needs If-Match.")
    public Response updateUser(
            @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AdminRequests.UpdateUser body) {
        var view =
                AdminRequests.UserView.of(admin.updateUser(id, Versions.fromIfMatch(ifMatch), body, caller.require()));
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("tokens")
    @Operation(summary = "Lists the API tokens (never their values).")
    public List<AdminRequests.TokenView> tokens() {
        return admin.tokens().stream().map(AdminRequests.TokenView::of).toList();
    }

    @POST
    @Path("tokens")
    @Operation(
            summary =
                    "Registers a partner's token by the SHA-256 of the secret the partner made; it works once another administrator approves it.")
    @APIResponseSchema(value = AdminRequests.TokenView.class, responseCode = "201")
    public Response requestToken(@Valid @NotNull AdminRequests.CreateToken body) {
        return Response.status(201)
                .entity(AdminRequests.TokenView.of(admin.requestToken(body, caller.require())))
                .build();
    }

    @POST
    @Path("tokens/{id}/approval")
    @Operation(summary = "Approves a pending token; the administrator who requested it cannot.")
    public AdminRequests.TokenView approveToken(@PathParam("id") long id) {
        return AdminRequests.TokenView.of(admin.approveToken(id, caller.require()));
    }

    @POST
    @Path("tokens/{id}/revocation")
    @Operation(summary = "Revokes an API token; it is refused from the next request on.")
    public AdminRequests.TokenView revokeToken(@PathParam("id") long id) {
        return AdminRequests.TokenView.of(admin.revokeToken(id));
    }
}
