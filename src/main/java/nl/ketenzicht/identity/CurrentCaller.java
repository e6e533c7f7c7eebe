package nl.ketenzicht.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

import java.util.Optional;

/** The caller of the current request; services take scope decisions from it. */
@RequestScoped
public class CurrentCaller {

    private static final String REFUSAL_LOGGED = "nl.ketenzicht.refusalLogged";

    @Inject
    HttpServletRequest request;
    @Inject
    ClientAddress clientAddress;

    public Optional<Caller> get() {
        return Optional.ofNullable((Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE));
    }

    public Caller require() {
        return get().filter(Caller::fullyAuthenticated)
                .orElseThrow(() -> new ProblemException(401, "Unauthorized", MessageCode.UNAUTHORIZED, "Log in first."));
    }

    /**
     * Who presented credentials that were refused (a revoked token, a disabled user's or ended session):
     * no caller, but a known identity for the access log.
     */
    public Optional<Caller> refusedIdentity() {
        return Optional.ofNullable((Caller) request.getAttribute(Caller.REFUSED_ATTRIBUTE));
    }

    /** Marks that this request's refusal is in the access log already, so that it is logged once. */
    public void refusalLogged() {
        request.setAttribute(REFUSAL_LOGGED, Boolean.TRUE);
    }

    public boolean isRefusalLogged() {
        return request.getAttribute(REFUSAL_LOGGED) != null;
    }

    /** The client's address, as {@link ClientAddress} determines it behind a trusted proxy. */
    public String remoteAddress() {
        return clientAddress.of(request);
    }
}
