package nl.ketenzicht.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Login through the organisation's own OpenID provider: which way a user logs in, the start (to the
 * provider) and the provider's answer (back to the front end, which shows the outcome in the user's
 * language), and the step after it when Ketenzicht's TOTP is still needed.
 */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class OidcResource {

    /** Binds a login under way to the browser that started it; Lax, because the provider sends the browser back cross-site. */
    static final String BROWSER_COOKIE = "KZ_OIDC";

    @Inject
    OidcLogin oidc;

    @Inject
    Users users;

    @Inject
    CurrentCaller caller;

    @Inject
    @ConfigProperty(name = "ketenzicht.oidc.redirect-base")
    Optional<String> redirectBase;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login-method")
    @PermitAll
    @Operation(
            summary =
                    "How to log in with this user name or organisation code: PASSWORD, or OIDC at the organisation's provider.")
    public AuthRequests.LoginMethod loginMethod(@Valid @NotNull AuthRequests.LoginMethodRequest body) {
        String login = body.login().trim();
        if (oidc.providerOf(login).isPresent()) {
            return new AuthRequests.LoginMethod("OIDC", login.toUpperCase(java.util.Locale.ROOT));
        }
        return oidc.organisationOfUser(login)
                .map(o -> new AuthRequests.LoginMethod("OIDC", o.code()))
                .orElse(new AuthRequests.LoginMethod("PASSWORD", null));
    }

    @POST
    @Path("oidc/start")
    @PermitAll
    @APIResponseSchema(value = AuthRequests.OidcStart.class, responseCode = "200")
    @Operation(
            summary =
                    "Starts a login at the organisation's provider (code flow with PKCE): the browser goes to authorizationUrl.")
    public Response start(@Valid @NotNull AuthRequests.OidcStartRequest body) {
        OidcLogin.Started started = oidc.start(body.organisation(), callback());
        return Response.ok(new AuthRequests.OidcStart(started.authorization().toString()))
                .header(
                        "Set-Cookie",
                        BROWSER_COOKIE + "=" + started.browserBinding() + "; Path=" + cookiePath()
                                + "; Secure; HttpOnly; SameSite=Lax; Max-Age=" + OidcLogin.LOGIN_WINDOW.toSeconds())
                .build();
    }

    @GET
    @Path("oidc/callback")
    @PermitAll
    @Operation(
            summary =
                    "The provider's answer (redirect URI). Redirects the browser to the front end: logged in, to the TOTP step, or to the login page with the refusal's message code.")
    @APIResponse(responseCode = "303", description = "To the front end")
    public Response callback(
            @Parameter(description = "The authorization code the provider issued.") @QueryParam("code") String code,
            @Parameter(
                            description =
                                    "The state Ketenzicht sent; valid once, for 10 minutes, in the browser that started the login.")
                    @QueryParam("state")
                    String state,
            @Parameter(description = "The provider's error code when it did not log the user in (e.g. access_denied).")
                    @QueryParam("error")
                    String error) {
        OidcLogin.Finished done = oidc.finish(code, state, error, browserCookie(), callback());
        String app = request.getContextPath() + "/";
        Response.ResponseBuilder r;
        if (done.refusal() != null) {
            r = Response.seeOther(URI.create(
                    app + "#/login?oidcError=" + done.refusal().code().code()));
        } else if (done.next() != null) {
            r = Response.seeOther(URI.create(app + "#/login?oidc=" + done.next()));
        } else {
            r = Response.seeOther(URI.create(app));
        }
        r.header(
                "Set-Cookie",
                BROWSER_COOKIE + "=; Path=" + cookiePath() + "; Secure; HttpOnly; SameSite=Lax; Max-Age=0");
        if (done.session() != null) {
            r.header("Set-Cookie", AuthResource.cookie(done.session().cookie(), -1));
        }
        return r.build();
    }

    @GET
    @Path("login-step")
    @RolesAllowed(Role.PENDING_TOTP)
    @APIResponseSchema(value = AuthRequests.LoginStep.class, responseCode = "200")
    @Operation(
            summary =
                    "After the provider, when Ketenzicht's TOTP is still needed: the next step (TOTP or ENROL) and the CSRF token.")
    public AuthRequests.LoginStep loginStep() {
        Caller c = caller.get()
                .filter(p -> !p.fullyAuthenticated() && p.sessionHash() != null)
                .orElseThrow(() -> new nl.ketenzicht.shared.problem.ProblemException(
                        401,
                        "Unauthorized",
                        nl.ketenzicht.shared.problem.MessageCode.UNAUTHORIZED,
                        "Log in at your organisation's provider first."));
        UserAccount u = users.find(c.userId()).orElseThrow();
        return new AuthRequests.LoginStep(u.totpConfirmed() ? "TOTP" : "ENROL", c.csrfToken());
    }

    private URI callback() {
        return URI.create(publicBase(redirectBase, request) + "/api/auth/oidc/callback");
    }

    /** The application's address as browsers reach it, without a trailing slash: the configured one behind a proxy, else the request's. */
    static String publicBase(Optional<String> configured, HttpServletRequest request) {
        return configured
                .map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
                .orElseGet(() -> request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                        + request.getContextPath());
    }

    private String cookiePath() {
        return request.getContextPath() + "/api/auth/oidc";
    }

    private String browserCookie() {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? null
                : Arrays.stream(cookies)
                        .filter(c -> BROWSER_COOKIE.equals(c.getName()))
                        .map(Cookie::getValue)
                        .findFirst()
                        .orElse(null);
    }
}
