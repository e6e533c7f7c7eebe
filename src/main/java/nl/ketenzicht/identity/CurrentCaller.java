package nl.ketenzicht.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/** The caller of the current request; services take scope decisions from it. */
@RequestScoped
public class CurrentCaller {

    private static final String REFUSAL_LOGGED = "nl.ketenzicht.refusalLogged";

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAddress clientAddress;

    /** Set for a background job acting for the caller who started it (see {@link #actAs}); no HTTP request then. */
    private Caller acting;

    private String actingAddress;

    public Optional<Caller> get() {
        if (acting != null) {
            return Optional.of(acting);
        }
        return Optional.ofNullable((Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE));
    }

    /**
     * For work a caller started that runs on after their request (a bulk import): within a request
     * context the job activated, the services see that caller, with the same role and scope, and the
     * access log names them and the address they started it from.
     */
    public void actAs(Caller who, String address) {
        this.acting = who;
        this.actingAddress = address;
    }

    public Caller require() {
        return get().filter(Caller::fullyAuthenticated)
                .orElseThrow(
                        () -> new ProblemException(401, "Unauthorized", MessageCode.UNAUTHORIZED, "Log in first."));
    }

    /**
     * Who presented credentials that were refused (a revoked token, a disabled user's or ended session):
     * no caller, but a known identity for the access log.
     */
    public Optional<Caller> refusedIdentity() {
        if (acting != null) {
            return Optional.empty();
        }
        return Optional.ofNullable((Caller) request.getAttribute(Caller.REFUSED_ATTRIBUTE));
    }

    /** Marks that this request's refusal is in the access log already, so that it is logged once. */
    public void refusalLogged() {
        if (acting != null) {
            return;
        }
        request.setAttribute(REFUSAL_LOGGED, Boolean.TRUE);
    }

    public boolean isRefusalLogged() {
        if (acting != null) {
            return false;
        }
        return request.getAttribute(REFUSAL_LOGGED) != null;
    }

    /** The client's address, as {@link ClientAddress} determines it behind a trusted proxy. */
    public String remoteAddress() {
        if (acting != null) {
            return actingAddress;
        }
        return clientAddress.of(request);
    }
}
