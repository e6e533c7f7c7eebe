package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.DatabaseAvailability;
import nl.ketenzicht.shared.problem.UnexpectedErrorMapper;

/**
 * Establishes the caller of every request from a bearer API token or the session cookie. It never
 * answers by itself: an unauthenticated request simply has no caller, and the JAX-RS role checks
 * turn that into 401 (no caller) or 403 (wrong role) problem documents. When the database fails
 * during the lookup, the request is marked so that {@code RequestFilter} answers 503 instead.
 */
@ApplicationScoped
public class KetenzichtAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "KZ_SESSION";
    private static final Logger LOG = Logger.getLogger(KetenzichtAuthenticationMechanism.class.getName());

    @Inject
    Sessions sessions;

    @Inject
    ApiTokens tokens;

    @Inject
    DatabaseAvailability database;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            Optional<Caller> caller = identify(request);
            if (caller.isEmpty()) {
                refusedIdentity(request).ifPresent(who -> request.setAttribute(Caller.REFUSED_ATTRIBUTE, who));
                return context.doNothing();
            }
            request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
            String group =
                    caller.get().fullyAuthenticated() ? caller.get().role().name() : Role.PENDING_TOTP;
            return context.notifyContainerAboutLogin(
                    new CallerPrincipal(caller.get().actor()), Set.of(group));
        } catch (RuntimeException e) {
            if (UnexpectedErrorMapper.databaseUnavailable(e)) {
                // Whether the caller is logged in is unknown, not "no": RequestFilter answers 503, never 401.
                request.setAttribute(DatabaseAvailability.UNAVAILABLE, Boolean.TRUE);
                database.requestFailed(e);
            } else {
                LOG.warning("authentication failed: " + e.getClass().getSimpleName());
            }
            return context.doNothing();
        }
    }

    private Optional<Caller> identify(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.authenticate(authorization.substring(7).trim());
        }
        return sessionCookie(request).flatMap(sessions::resume).map(KetenzichtAuthenticationMechanism::toCaller);
    }

    /** Credentials that once belonged to someone (revoked token, disabled user, ended session): for the access log. */
    private Optional<Caller> refusedIdentity(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.refusedIdentity(authorization.substring(7).trim());
        }
        return sessionCookie(request).flatMap(sessions::refusedIdentity);
    }

    static Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> SESSION_COOKIE.equals(c.getName()))
                        .map(Cookie::getValue)
                        .findFirst();
    }

    private static Caller toCaller(Sessions.Resumed r) {
        UserAccount u = r.user();
        boolean full = r.session().stage() == UserSession.Stage.AUTHENTICATED;
        return new Caller(
                u.id(),
                u.username(),
                u.role(),
                u.organisation().id(),
                u.policeUnit(),
                r.session().idHash(),
                null,
                full,
                r.session().csrfToken());
    }
}
