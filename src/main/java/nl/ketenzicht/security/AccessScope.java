package nl.ketenzicht.security;

import java.util.Set;

/**
 * Which case records a caller may reach, applied inside every query: the organisation's own cases,
 * those explicitly shared with it, and (for break-glass) a few named cases for a limited time.
 * {@code writable} is false for auditors, who only read.
 */
public record AccessScope(long organisationId, boolean writable, Set<Long> breakGlassCases) {

    public AccessScope {
        breakGlassCases = Set.copyOf(breakGlassCases);
    }

    public boolean viaBreakGlass(long caseId) {
        return breakGlassCases.contains(caseId);
    }

    /** JPQL condition on a case alias {@code c}; bind with {@link #bind}. */
    public static final String CONDITION = "(c.ownerOrganisationId = :scopeOrg OR EXISTS (SELECT s FROM CaseShare s "
            + "WHERE s.caseId = c.id AND s.organisationId = :scopeOrg AND s.revokedAt IS NULL) OR c.id IN :scopeGlass)";

    public <Q extends jakarta.persistence.Query> Q bind(Q query) {
        query.setParameter("scopeOrg", organisationId);
        query.setParameter("scopeGlass", breakGlassCases.isEmpty() ? Set.of(-1L) : breakGlassCases);
        return query;
    }
}
