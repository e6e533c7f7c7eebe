package nl.ketenzicht.shared.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.ketenzicht.shared.CorrelationId;
import nl.ketenzicht.shared.DatabaseAvailability;

/**
 * Last line: known infrastructure failures get their proper status; anything else is a 500 that
 * carries only the correlation id, while the stack trace goes to the server log under that id. Only a
 * 500 is logged with its stack trace: a 4xx is the client's mistake, and a database that cannot be
 * reached is logged once per outage by {@link DatabaseAvailability}, not once per request.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Throwable known = find(e, ProblemException.class);
        if (known != null) {
            return new ProblemExceptionMapper().toResponse((ProblemException) known);
        }
        Throwable refusal = find(e, jakarta.ws.rs.WebApplicationException.class);
        if (refusal != null
                && ((jakarta.ws.rs.WebApplicationException) refusal)
                                .getResponse()
                                .getStatus()
                        < 500) {
            // The framework's refusal of a request (a malformed parameter, say) wrapped on its way: the client's
            // mistake.
            return new WebApplicationProblemMapper().toResponse((jakarta.ws.rs.WebApplicationException) refusal);
        }
        if (find(e, OptimisticLockException.class) != null) {
            return Problems.response(
                    412,
                    "Precondition failed",
                    MessageCode.VERSION_STALE,
                    "Someone else changed this record; reload it and apply your change again.");
        }
        if (find(e, PessimisticLockException.class) != null) {
            return Problems.response(
                    409,
                    "Conflict",
                    MessageCode.CONFLICT_LOCKED,
                    "The record is being changed by someone else; try again.");
        }
        if (find(e, java.sql.SQLTransactionRollbackException.class) != null
                || find(e, java.sql.SQLTimeoutException.class) != null
                || find(e, jakarta.persistence.QueryTimeoutException.class) != null
                || rolledBackRetryable(e)) {
            // A deadlock, a lock wait, a query that ran out of time, or report tables swapped in by a rebuild
            // while the transaction ran: nothing was saved, so a retry is safe.
            LOG.warning(() -> "[" + CorrelationId.current() + "] statement ended by the database ("
                    + e.getClass().getSimpleName() + "): retry advised");
            Response busy = Problems.response(
                    503,
                    "Busy",
                    MessageCode.UNAVAILABLE_DATABASE_BUSY,
                    "The database was busy and nothing was saved. Try again.");
            busy.getHeaders().putSingle("Retry-After", "1");
            return busy;
        }
        if (commitOutcomeUnknown(e)) {
            // Before the outage check: the connection's failure is in the chain too, but here the caller must
            // learn that the change may have landed. Logged like an outage: once per state change, not per request.
            DatabaseAvailability.current().ifPresent(d -> d.requestFailed(e));
            return new ProblemExceptionMapper().toResponse(ServiceUnavailable.outcomeUnknown());
        }
        if (databaseUnavailable(e)
                || (find(e, java.sql.SQLException.class) != null && DatabaseAvailability.troubledRecently())) {
            DatabaseAvailability.current().ifPresent(d -> d.requestFailed(e));
            return new ProblemExceptionMapper().toResponse(ServiceUnavailable.database());
        }
        Throwable integrity = find(e, SQLIntegrityConstraintViolationException.class);
        if (integrity != null) {
            // A 409; the constraint's name says what clashed, the message may quote values.
            LOG.warning(() -> "[" + CorrelationId.current() + "] integrity violation: SQLState "
                    + ((SQLIntegrityConstraintViolationException) integrity).getSQLState());
            return Problems.response(
                    409, "Conflict", MessageCode.CONFLICT_EXISTING_DATA, "The change conflicts with existing data.");
        }
        LOG.log(Level.SEVERE, "[" + CorrelationId.current() + "] unexpected error", e);
        return Problems.response(
                500,
                "Internal error",
                MessageCode.INTERNAL_ERROR,
                "Something went wrong on our side. Quote the correlation id when you report it.");
    }

    /**
     * Errors after which MariaDB has rolled the transaction back and a retry may succeed: "Table definition
     * has changed" (1412), a transaction whose snapshot is older than a table it reads, here the report tables
     * that a rebuild has just swapped in (AggregateRebuild#swap); and "The total number of locks exceeds the
     * lock table size" (1206), InnoDB's lock memory exhausted by a bulk load running beside it.
     */
    static boolean rolledBackRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && (sql.getErrorCode() == 1412 || sql.getErrorCode() == 1206)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A commit that failed in the transaction manager rather than in a statement: the resource manager lost
     * its connection (XAException) or the manager cannot say whether every resource committed (heuristic
     * outcomes, SystemException). A plain RollbackException is not among them: then nothing was saved.
     */
    static boolean commitOutcomeUnknown(Throwable e) {
        return find(e, javax.transaction.xa.XAException.class) != null
                || find(e, jakarta.transaction.HeuristicMixedException.class) != null
                || find(e, jakarta.transaction.HeuristicRollbackException.class) != null
                || find(e, jakarta.transaction.SystemException.class) != null;
    }

    public static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t.getClass().getSimpleName().equals("CommunicationsException")
                    || t.getClass().getSimpleName().equals("PoolingException")
                    || (t.getMessage() != null && t.getMessage().contains("Error in allocating a connection"))) {
                return true;
            }
        }
        return false;
    }

    static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
