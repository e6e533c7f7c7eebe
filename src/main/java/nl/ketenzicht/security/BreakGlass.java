package nl.ketenzicht.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Emergency access to a case outside one's scope. It needs a reason, lasts a limited window, and the
 * grant and every read under it are flagged in the access log for auditors to review.
 */
@ApplicationScoped
public class BreakGlass {

    static final int MIN_REASON = 10;

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccessLog log;

    @Inject
    @ConfigProperty(name = "ketenzicht.breakglass.window", defaultValue = "PT60M")
    Duration window;

    @Transactional
    public Grant open(Caller caller, long caseId, String reason) {
        // Auditors judge accesses from the log and its audit views; they never open case files.
        if (caller.userId() == null || caller.role() != Role.CASEWORKER) {
            throw ProblemException.forbidden(
                    MessageCode.FORBIDDEN_BREAK_GLASS_ROLE, "Only case workers may use break-glass.");
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            log.recordApart(deniedEvent(caseId));
            throw new ProblemException(
                    403,
                    "Forbidden",
                    MessageCode.FORBIDDEN_BREAK_GLASS_REASON,
                    java.util.Map.of("min", MIN_REASON),
                    "Break-glass needs a reason of at least " + MIN_REASON + " characters.");
        }
        if (em.createNativeQuery("SELECT 1 FROM case_file WHERE id = ?1")
                .setParameter(1, caseId)
                .getResultList()
                .isEmpty()) {
            throw ProblemException.notFound("Case " + caseId);
        }
        Instant now = clock.instant();
        Instant until = now.plus(window);
        em.createNativeQuery(
                        "INSERT INTO break_glass (user_id, case_id, reason, granted_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, caller.userId())
                .setParameter(2, caseId)
                .setParameter(3, reason.strip())
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, Timestamp.from(until))
                .executeUpdate();
        log.record(new AccessEvent(
                        AccessEvent.Action.CREATE,
                        "break-glass",
                        List.of(caseId),
                        List.of(),
                        AccessEvent.Outcome.SUCCESS,
                        reason.strip(),
                        true)
                .inCase(caseId));
        return new Grant(caseId, now, until);
    }

    public Set<Long> activeCases(long userId) {
        List<?> rows = em.createNativeQuery("SELECT case_id FROM break_glass WHERE user_id = ?1 AND expires_at > ?2")
                .setParameter(1, userId)
                .setParameter(2, Timestamp.from(clock.instant()))
                .getResultList();
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> ids.add(((Number) r).longValue()));
        return ids;
    }

    public String reasonFor(long userId, long caseId) {
        List<?> rows = em.createNativeQuery("SELECT reason FROM break_glass WHERE user_id = ?1 AND case_id = ?2 "
                        + "AND expires_at > ?3 ORDER BY id DESC")
                .setParameter(1, userId)
                .setParameter(2, caseId)
                .setParameter(3, Timestamp.from(clock.instant()))
                .setMaxResults(1)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /**
     * The reasons of the user's live grants on those of the cases they reach only through a grant
     * (outside the scope's own and shared cases), newest first; null when there are none.
     */
    public String reasonOutsideScope(long userId, AccessScope scope, java.util.Collection<Long> caseIds) {
        Set<Long> granted = new HashSet<>(caseIds);
        granted.retainAll(scope.breakGlassCases());
        if (granted.isEmpty()) {
            return null;
        }
        AccessScope regular = new AccessScope(scope.organisationId(), scope.today(), scope.shareScopes(), Set.of());
        granted.removeAll(regular.bind(em.createQuery(
                        "SELECT c.id FROM Case c WHERE c.id IN :ids AND " + regular.condition(), Long.class))
                .setParameter("ids", granted)
                .getResultList());
        if (granted.isEmpty()) {
            return null;
        }
        String in = granted.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        List<?> reasons = em.createNativeQuery("SELECT reason FROM break_glass WHERE user_id = ?1 AND case_id IN (" + in
                        + ") AND expires_at > ?2 ORDER BY id DESC")
                .setParameter(1, userId)
                .setParameter(2, Timestamp.from(clock.instant()))
                .getResultList();
        String joined =
                reasons.stream().map(String::valueOf).distinct().collect(java.util.stream.Collectors.joining("; "));
        return joined.isEmpty() ? null : joined.length() > 500 ? joined.substring(0, 500) : joined;
    }

    private static AccessEvent deniedEvent(long caseId) {
        return new AccessEvent(
                        AccessEvent.Action.READ,
                        "break-glass",
                        List.of(caseId),
                        List.of(),
                        AccessEvent.Outcome.DENIED,
                        "no reason given",
                        true)
                .inCase(caseId);
    }

    public record Grant(long caseId, Instant grantedAt, Instant expiresAt) {}
}
