package nl.ketenzicht.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

import java.util.Set;

/**
 * Decides, per request, which records the caller may read and write. Coordinators and administrators
 * never reach case records; auditors read within their organisation (and break-glass grants).
 */
@RequestScoped
public class Scopes {

    @Inject
    CurrentCaller caller;
    @Inject
    BreakGlass breakGlass;

    /** Computed once per request: several services ask, and it costs a break-glass query. */
    private AccessScope reading;

    public AccessScope forReading() {
        if (reading == null) {
            reading = readingScope();
        }
        return reading;
    }

    private AccessScope readingScope() {
        Caller c = caller.require();
        return switch (c.role()) {
            case CASEWORKER -> new AccessScope(c.organisationId(), true, activeGrants(c));
            case AUDITOR -> new AccessScope(c.organisationId(), false, activeGrants(c));
            default -> throw ProblemException.forbidden(MessageCode.FORBIDDEN_NO_RECORD_ACCESS, "Your role gives no access to case records.");
        };
    }

    public AccessScope forWriting() {
        Caller c = caller.require();
        if (c.role() != Role.CASEWORKER) {
            throw ProblemException.forbidden(MessageCode.FORBIDDEN_READ_ONLY, "Your role may not change case records.");
        }
        return new AccessScope(c.organisationId(), true, Set.of());
    }

    /**
     * The reason of the caller's break-glass access when any of the cases lies outside their regular
     * scope and is reached through a live grant; null otherwise, and for callers who read no records.
     */
    public String breakGlassReason(java.util.Collection<Long> caseIds) {
        Caller c = caller.get().filter(Caller::fullyAuthenticated).orElse(null);
        if (c == null || c.userId() == null || caseIds.isEmpty()) {
            return null;
        }
        AccessScope scope;
        try {
            scope = forReading();
        } catch (ProblemException noRecordAccess) {
            return null;
        }
        return breakGlass.reasonOutsideScope(c.userId(), scope, caseIds);
    }

    private Set<Long> activeGrants(Caller c) {
        return c.userId() == null ? Set.of() : breakGlass.activeCases(c.userId());
    }
}
