package nl.ketenzicht.audit;

import java.util.Collection;

/**
 * The access log's question to the scope rules, so that {@code audit} needs no {@code security} (which
 * logs through {@code audit}): the reason of the caller's break-glass grant when any of the cases lies
 * outside their regular scope, or null.
 */
public interface BreakGlassReasons {

    String breakGlassReason(Collection<Long> caseIds);
}
