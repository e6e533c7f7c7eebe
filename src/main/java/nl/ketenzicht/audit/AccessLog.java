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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Writes one access-log row per access, synchronously. A successful change is logged in the caller's
 * transaction, so data and log commit together; a read's row is committed (by group commit, see
 * {@link ReadLog}) before the read returns. If the row cannot be written the request fails with 503
 * and returns nothing. Refused attempts are logged in their own transaction, so the refusal's
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
    @Inject
    ReadLog reads;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AccessEvent event) {
        LogRow row = row(event, caller.get(), null, caller.remoteAddress());
        if (event.action().crud() == 'R') {
            reads.write(row);
        } else {
            insert(row);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordApart(AccessEvent event) {
        insert(row(event, caller.get(), null, caller.remoteAddress()));
    }

    /** For login events, where the caller is not established yet. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordLogin(AccessEvent event, Long userId, String username, String role, Long organisationId) {
        Caller who = new Caller(userId, username, role == null ? null : nl.ketenzicht.security.Role.valueOf(role),
                organisationId == null ? 0 : organisationId, null, null, null, false, null);
        insert(row(event, Optional.of(who), userId == null ? "anonymous" : "user:" + userId, caller.remoteAddress()));
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

    private LogRow row(AccessEvent e, Optional<Caller> who, String actorOverride, String accessPoint) {
        return new LogRow(Timestamp.from(clock.instant()),
                actorOverride != null ? actorOverride : who.map(Caller::actor).orElse("anonymous"),
                who.map(Caller::username).orElse(null),
                who.map(c -> c.role() == null ? null : c.role().name()).orElse(null),
                who.map(c -> c.organisationId() == 0 ? null : c.organisationId()).orElse(null),
                e, accessPoint, CorrelationId.current());
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
