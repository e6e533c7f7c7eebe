package nl.ketenzicht.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import nl.ketenzicht.security.Caller;
import nl.ketenzicht.security.CurrentCaller;
import nl.ketenzicht.shared.CorrelationId;
import nl.ketenzicht.shared.problem.ServiceUnavailable;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes one access-log row per access, synchronously. A successful access is logged in the caller's
 * transaction, so data and log commit together; if the row cannot be written the request fails with
 * 503 and returns nothing. Refused attempts are logged in their own transaction, so the refusal's
 * rollback does not erase the trace.
 */
@ApplicationScoped
public class AccessLog {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentCaller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AccessEvent event) {
        write(event, caller.get(), null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordApart(AccessEvent event) {
        write(event, caller.get(), null);
    }

    /** For login events, where the caller is not established yet. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordLogin(AccessEvent event, Long userId, String username, String role, Long organisationId) {
        Caller who = new Caller(userId, username, role == null ? null : nl.ketenzicht.security.Role.valueOf(role),
                organisationId == null ? 0 : organisationId, null, null, null, false, null);
        write(event, Optional.of(who), userId == null ? "anonymous" : "user:" + userId);
    }

    /**
     * For the application's own jobs (retention), in their transaction: no request and no user. The
     * organisation is the one whose records the job touched, so that its auditors see the entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(AccessEvent event, String job, long organisationId) {
        Caller system = new Caller(null, null, null, organisationId, null, null, null, false, null);
        writeRow(event, Optional.of(system), "system:" + job, "system");
    }

    private void write(AccessEvent e, Optional<Caller> who, String actorOverride) {
        writeRow(e, who, actorOverride, caller.remoteAddress());
    }

    private void writeRow(AccessEvent e, Optional<Caller> who, String actorOverride, String accessPoint) {
        try {
            em.createNativeQuery("INSERT INTO access_log (occurred_at, actor, username, role, organisation_id, "
                            + "action, crud, object_type, object_ids, subject_ids, outcome, access_point, purpose, "
                            + "break_glass, correlation_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
                    .setParameter(1, Timestamp.from(clock.instant()))
                    .setParameter(2, actorOverride != null ? actorOverride : who.map(Caller::actor).orElse("anonymous"))
                    .setParameter(3, who.map(Caller::username).orElse(null))
                    .setParameter(4, who.map(c -> c.role() == null ? null : c.role().name()).orElse(null))
                    .setParameter(5, who.map(c -> c.organisationId() == 0 ? null : c.organisationId()).orElse(null))
                    .setParameter(6, e.action().name())
                    .setParameter(7, String.valueOf(e.action().crud()))
                    .setParameter(8, e.objectType())
                    .setParameter(9, join(e.objectIds()))
                    .setParameter(10, join(e.subjectIds()))
                    .setParameter(11, e.outcome().name())
                    .setParameter(12, accessPoint)
                    .setParameter(13, e.purpose())
                    .setParameter(14, e.breakGlass())
                    .setParameter(15, CorrelationId.current())
                    .executeUpdate();
            if (!e.subjectIds().isEmpty()) {
                indexSubjects(e.subjectIds());
            }
        } catch (PersistenceException ex) {
            throw ServiceUnavailable.auditLog();
        }
    }

    private void indexSubjects(List<Long> subjects) {
        String values = subjects.stream().distinct().map(s -> "(LAST_INSERT_ID(), " + s + ")").collect(Collectors.joining(","));
        // Ids are Longs from our own records, never user text, so inlining them is safe.
        em.createNativeQuery("INSERT INTO access_log_subject (entry_id, subject_id) VALUES " + values).executeUpdate();
    }

    static String join(List<Long> ids) {
        return ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
