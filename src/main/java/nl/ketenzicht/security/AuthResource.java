package nl.ketenzicht.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.ClientAddress;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login with password and second factor, enrolment of the second factor, logout, and who am I. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

    @Inject
    LoginService login;

    @Inject
    CurrentCaller caller;

    @Inject
    Users users;

    @Context
    HttpServletRequest request;

    @Inject
    ClientAddress clientAddress;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "ketenzicht.oidc.redirect-base")
    java.util.Optional<String> redirectBase;

    @POST
    @Path("login")
    @PermitAll
    @APIResponseSchema(value = AuthRequests.LoginStep.class, responseCode = "200")
    @Operation(summary = "Step 1: password. Opens a pending session that can only complete the second factor.")
    public Response login(@Valid @NotNull AuthRequests.LoginRequest body) {
        Sessions.Started started = login.password(body.username(), body.password(), clientAddress.of(request));
        UserAccount user = users.find(started.session().userId()).orElseThrow();
        String next = user.totpConfirmed() ? "TOTP" : "ENROL";
        return withCookie(
                Response.ok(new AuthRequests.LoginStep(next, started.session().csrfToken())), started.cookie());
    }

    @POST
    @Path("enrolment")
    @RolesAllowed(Role.PENDING_TOTP)
    @Operation(summary = "Step 2a (first login only): a new TOTP secret with its QR code.")
    public LoginService.Enrolment enrol() {
        return login.enrol(pending());
    }

    @POST
    @Path("second-factor")
    @RolesAllowed(Role.PENDING_TOTP)
    @APIResponseSchema(value = AuthRequests.Me.class, responseCode = "200")
    @Operation(summary = "Step 2: TOTP code (or a recovery code). Opens the session under a new id.")
    public Response secondFactor(@Valid @NotNull AuthRequests.SecondFactorRequest body) {
        LoginService.Completed done = login.secondFactor(pending(), body.code(), body.recoveryCode());
        UserAccount u = done.user();
        var me = new AuthRequests.Me(
                u.id(),
                u.username(),
                u.role(),
                u.organisation().id(),
                u.organisation().name(),
                u.policeUnit(),
                done.session().session().csrfToken(),
                done.recoveryCodes());
        return withCookie(Response.ok(me), done.session().cookie());
    }

    @GET
    @Path("me")
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.AUDITOR_, Role.ADMIN_})
    @Operation(summary = "The logged-in user and the CSRF token to send as X-CSRF-Token.")
    public AuthRequests.Me me() {
        Caller c = caller.require();
        if (c.userId() == null) {
            return new AuthRequests.Me(null, c.username(), c.role(), c.organisationId(), null, null, null, List.of());
        }
        UserAccount u = users.find(c.userId()).orElseThrow();
        return new AuthRequests.Me(
                u.id(),
                u.username(),
                u.role(),
                u.organisation().id(),
                u.organisation().name(),
                u.policeUnit(),
                c.csrfToken(),
                List.of());
    }

    @POST
    @Path("logout")
    @RolesAllowed({Role.CASEWORKER_, Role.COORDINATOR_, Role.AUDITOR_, Role.ADMIN_, Role.PENDING_TOTP})
    @Operation(
            summary =
                    "Ends the session at once. A session opened through an organisation's provider answers 200 with the provider's logout address (RP-initiated logout), where the browser goes next.")
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponseSchema(value = AuthRequests.LoggedOut.class, responseCode = "200")
    public Response logout() {
        Caller c = caller.get().orElseThrow();
        java.util.Optional<java.net.URI> provider = java.util.Optional.empty();
        if (c.sessionHash() != null) {
            provider = login.logout(c, java.net.URI.create(OidcResource.publicBase(redirectBase, request) + "/"));
        }
        Response.ResponseBuilder r = provider.isPresent()
                ? Response.ok(new AuthRequests.LoggedOut(provider.get().toString()))
                : Response.noContent();
        return r.header("Set-Cookie", cookie("", 0)).build();
    }

    private Caller pending() {
        return caller.get()
                .filter(c -> !c.fullyAuthenticated() && c.sessionHash() != null)
                .orElseThrow(() -> new nl.ketenzicht.shared.problem.ProblemException(
                        401,
                        "Unauthorized",
                        nl.ketenzicht.shared.problem.MessageCode.UNAUTHORIZED,
                        "Log in with your password first."));
    }

    private static Response withCookie(Response.ResponseBuilder builder, String value) {
        return builder.header("Set-Cookie", cookie(value, -1)).build();
    }

    static String cookie(String value, int maxAge) {
        return KetenzichtAuthenticationMechanism.SESSION_COOKIE + "=" + value
                + "; Path=/; Secure; HttpOnly; SameSite=Strict" + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
