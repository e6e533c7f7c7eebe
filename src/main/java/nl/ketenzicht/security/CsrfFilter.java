package nl.ketenzicht.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.shared.problem.Problems;

/**
 * Cookie sessions must prove every state-changing request with the session's CSRF token in the
 * {@code X-CSRF-Token} header (a cross-site page cannot read it). Token-authenticated partner
 * systems send no cookie and are not exposed to CSRF.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class CsrfFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        caller.get().filter(c -> c.sessionHash() != null).ifPresent(c -> {
            String sent = request.getHeaderString("X-CSRF-Token");
            if (!Secrets.constantTimeEquals(sent, c.csrfToken())) {
                request.abortWith(Problems.response(
                        403,
                        "Forbidden",
                        nl.ketenzicht.shared.problem.MessageCode.FORBIDDEN_CSRF,
                        "The CSRF token is missing or does not belong to this session."));
            }
        });
    }
}
