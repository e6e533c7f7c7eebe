package nl.ketenzicht.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

import java.util.Optional;

/** The caller of the current request; services take scope decisions from it. */
@RequestScoped
public class CurrentCaller {

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

    /** The client's address, as {@link ClientAddress} determines it behind a trusted proxy. */
    public String remoteAddress() {
        return clientAddress.of(request);
    }
}
