package nl.ketenzicht.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import nl.ketenzicht.audit.BreakGlassReasons;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Decides, per request, which records the caller may read and write. Only case workers (and partner
 * systems' tokens) reach case records: coordinators see aggregates, auditors the access log and its
 * audit views, administrators neither.
 */
@RequestScoped
public class Scopes implements BreakGlassReasons {

    @Inject
    CurrentCaller caller;

    @Inject
    BreakGlass breakGlass;

    @Inject
    Clock clock;

    /** Computed once per request: several services ask, and it costs a break-glass query. */
    private AccessScope reading;

    public AccessScope forReading() {
        if (reading == null) {
            Caller c = caseWorker(MessageCode.FORBIDDEN_NO_RECORD_ACCESS, "Your role gives no access to case records.");
            reading = AccessScope.reading(c.organisationId(), today(), activeGrants(c));
        }
        return reading;
    }

    /** The organisation's own cases: the case itself, its parties, aangifte, runaways and care. */
    public AccessScope forWriting() {
        return AccessScope.owning(
                caseWorker(MessageCode.FORBIDDEN_READ_ONLY, "Your role may not change case records.")
                        .organisationId(),
                today());
    }

    /** Own cases and those shared with a scope that allows adding chain steps. */
    public AccessScope forAddingProceedings() {
        return AccessScope.addingProceedings(
                caseWorker(MessageCode.FORBIDDEN_READ_ONLY, "Your role may not change case records.")
                        .organisationId(),
                today());
    }

    /** Reading scope without break-glass: what the organisation may see by ownership or share. */
    public AccessScope regular() {
        return AccessScope.reading(forReading().organisationId(), today(), Set.of());
    }

    private Caller caseWorker(MessageCode code, String message) {
        Caller c = caller.require();
        if (c.role() != Role.CASEWORKER) {
            throw ProblemException.forbidden(code, message);
        }
        return c;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The reason of the caller's break-glass access when any of the cases lies outside their regular
     * scope and is reached through a live grant; null otherwise, and for callers who read no records.
     */
    @Override
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
