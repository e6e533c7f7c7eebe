package nl.ketenzicht.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.shared.CorrelationId;
import nl.ketenzicht.shared.problem.ServiceUnavailable;

/**
 * Writes one access-log row per access, synchronously. A successful change is logged in the caller's
 * transaction, so data and log commit together; a read's row is committed (by group commit, see
 * {@link ReadLog}) before the read returns. If the row cannot be written the request fails with 503
 * and returns nothing. Refused attempts are logged in their own transaction, so the refusal's
 * rollback does not erase the trace; a refused record is named with its case and victims.
 * Every row names the organisations owning the cases touched, and a read of a case reached only
 * through break-glass is flagged with the grant's reason, whichever service logged it.
 */
@ApplicationScoped
public class AccessLog {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller caller;

    @Inject
    ReadLog reads;

    @Inject
    RecordRefs refs;

    @Inject
    BreakGlassReasons scopes;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AccessEvent event) {
        AccessEvent e = resolved(event);
        LogRow row = row(e, caller.get(), null, caller.remoteAddress());
        if (e.action().crud() == 'R') {
            reads.write(row);
        } else {
            insert(row);
        }
    }

    /**
     * Changes to records of cases that the caller's own organisation owns (a bulk import's new
     * records), in the caller's transaction: the owner is known, so nothing is looked up, and the rows
     * go in as one batch. Only for writes: a read through break-glass is never among them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOwnChanges(List<AccessEvent> events) {
        try {
            LogRow.insertBatch(em.unwrap(Connection.class), ownChanges(events));
        } catch (SQLException | PersistenceException ex) {
            throw ServiceUnavailable.auditLog();
        }
    }

    /**
     * The same for a plain-JDBC writer, on its connection and in its transaction (an import's chunk
     * on a connection of its own); a failure is the writer's to roll back.
     */
    public void recordOwnChanges(Connection c, List<AccessEvent> events) throws SQLException {
        LogRow.insertBatch(c, ownChanges(events));
    }

    private List<LogRow> ownChanges(List<AccessEvent> events) {
        Optional<Caller> who = caller.get();
        List<Long> owner = List.of(caller.require().organisationId());
        String accessPoint = caller.remoteAddress();
        return events.stream()
                .map(e -> {
                    if (e.action().crud() == 'R') {
                        throw new IllegalArgumentException("Only changes are logged in a batch: " + e.action());
                    }
                    return row(e.withOwners(owner), who, null, accessPoint);
                })
                .toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordApart(AccessEvent event) {
        AccessEvent e = resolved(event);
        insert(row(e, caller.get(), null, caller.remoteAddress()));
        refused(e);
    }

    /** A refusal answered before any service ran (401, 403 by role), by a caller or a refused identity. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusal(AccessEvent event, Caller who) {
        insert(row(resolved(event), Optional.of(who), null, caller.remoteAddress()));
        caller.refusalLogged();
    }

    /** For login events, where the caller is not established yet. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordLogin(AccessEvent event, Long userId, String username, String role, Long organisationId) {
        Caller who = new Caller(
                userId,
                username,
                role == null ? null : nl.ketenzicht.identity.Role.valueOf(role),
                organisationId == null ? 0 : organisationId,
                null,
                null,
                null,
                false,
                null);
        insert(row(event, Optional.of(who), userId == null ? "anonymous" : "user:" + userId, caller.remoteAddress()));
        refused(event);
    }

    /**
     * For the application's own jobs (retention), in their transaction: no request and no user. The
     * organisation is the one whose records the job touched, so that its auditors see the entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(AccessEvent event, String job, long organisationId) {
        Caller system = new Caller(null, null, null, organisationId, null, null, null, false, null);
        insert(row(event, Optional.of(system), "system:" + job, "system"));
    }

    /**
     * Adds what the service did not know: the case and victims of a refused record, the owners of the
     * cases touched, and the break-glass flag of a read outside the caller's own and shared cases.
     */
    private AccessEvent resolved(AccessEvent event) {
        AccessEvent e = event;
        if (e.outcome() != AccessEvent.Outcome.SUCCESS
                && e.caseIds().isEmpty()
                && e.objectIds().size() == 1) {
            RecordRefs.Touched t = refs.of(e.objectType(), e.objectIds().get(0));
            List<Long> subjects = java.util.stream.Stream.concat(e.subjectIds().stream(), t.subjects().stream())
                    .distinct()
                    .toList();
            e = e.withSubjects(subjects).inCases(t.cases());
        }
        if (e.caseIds().isEmpty()) {
            return e;
        }
        e = e.withOwners(refs.owners(e.caseIds()));
        // Only reads can pass through a grant: writing needs the case's own or shared scope.
        if (!e.breakGlass()
                && e.outcome() == AccessEvent.Outcome.SUCCESS
                && e.action().crud() == 'R') {
            String reason = scopes.breakGlassReason(e.caseIds());
            if (reason != null) {
                e = e.withBreakGlass(reason);
            }
        }
        return e;
    }

    private void refused(AccessEvent e) {
        if (e.outcome() != AccessEvent.Outcome.SUCCESS) {
            caller.refusalLogged();
        }
    }

    private LogRow row(AccessEvent e, Optional<Caller> who, String actorOverride, String accessPoint) {
        return new LogRow(
                Timestamp.from(clock.instant()),
                actorOverride != null ? actorOverride : who.map(Caller::actor).orElse("anonymous"),
                who.map(Caller::username).orElse(null),
                who.map(c -> c.role() == null ? null : c.role().name()).orElse(null),
                who.map(c -> c.organisationId() == 0 ? null : c.organisationId())
                        .orElse(null),
                e,
                accessPoint,
                CorrelationId.current());
    }

    /** In the current transaction, on its connection. */
    private void insert(LogRow row) {
        try {
            LogRow.insert(em.unwrap(Connection.class), List.of(row));
        } catch (SQLException | PersistenceException ex) {
            throw ServiceUnavailable.auditLog();
        }
    }
}
