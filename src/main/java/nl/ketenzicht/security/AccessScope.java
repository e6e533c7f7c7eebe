package nl.ketenzicht.security;

import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which case records a caller may reach, applied inside every query: the organisation's own cases,
 * those shared with it under one of {@code shareScopes} and not expired on {@code today}, and (for
 * reading under break-glass) a few named cases for a limited time. Writing the case itself and its
 * records needs ownership; adding chain steps also reaches shares that allow it.
 */
public record AccessScope(
        long organisationId, LocalDate today, Set<ShareScope> shareScopes, Set<Long> breakGlassCases) {

    private static final String OWNED = "c.ownerOrganisationId = :scopeOrg";
    private static final String SHARED =
            "EXISTS (SELECT s FROM CaseShare s WHERE s.caseId = c.id AND s.organisationId = :scopeOrg "
                    + "AND s.revokedAt IS NULL AND s.expiresOn >= :scopeToday AND s.scope IN :scopeShares)";

    public AccessScope {
        shareScopes = Set.copyOf(shareScopes);
        breakGlassCases = Set.copyOf(breakGlassCases);
    }

    static AccessScope reading(long organisationId, LocalDate today, Set<Long> breakGlassCases) {
        return new AccessScope(organisationId, today, Set.of(ShareScope.values()), breakGlassCases);
    }

    static AccessScope owning(long organisationId, LocalDate today) {
        return new AccessScope(organisationId, today, Set.of(), Set.of());
    }

    static AccessScope addingProceedings(long organisationId, LocalDate today) {
        return new AccessScope(organisationId, today, Set.of(ShareScope.READ_AND_ADD_PROCEEDINGS), Set.of());
    }

    public boolean viaBreakGlass(long caseId) {
        return breakGlassCases.contains(caseId);
    }

    /** JPQL condition on a case alias {@code c}; bind with {@link #bind}. */
    public String condition() {
        StringBuilder sql = new StringBuilder("(").append(OWNED);
        if (!shareScopes.isEmpty()) {
            sql.append(" OR ").append(SHARED);
        }
        if (!breakGlassCases.isEmpty()) {
            sql.append(" OR c.id IN :scopeGlass");
        }
        return sql.append(')').toString();
    }

    public <Q extends Query> Q bind(Q query) {
        query.setParameter("scopeOrg", organisationId);
        if (!shareScopes.isEmpty()) {
            query.setParameter("scopeToday", today);
            query.setParameter("scopeShares", shareScopes);
        }
        if (!breakGlassCases.isEmpty()) {
            query.setParameter("scopeGlass", breakGlassCases);
        }
        return query;
    }
}
