package nl.ketenzicht.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14: what the last-line mapper writes to the log. A stack trace only for a 500, nothing per request for an outage. */
class UnexpectedErrorMapperTest {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        LOG.removeHandler(capture);
    }

    @Test
    void aClientsMistakeWrappedOnItsWayIsItsOwnStatusWithoutAStackTrace() {
        Response r = new UnexpectedErrorMapper()
                .toResponse(new IllegalStateException(new NotFoundException(new NumberFormatException("abc"))));
        assertEquals(404, r.getStatus());
        assertTrue(
                logged.isEmpty(),
                "nothing logged for a 4xx: "
                        + logged.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void anIntegrityViolationIsOneLineWithoutAStackTrace() {
        Response r = new UnexpectedErrorMapper()
                .toResponse(new PersistenceException(new SQLIntegrityConstraintViolationException(
                        "Duplicate entry 'secret value' for key 'uk'", "23000")));
        assertEquals(409, r.getStatus());
        assertEquals(1, logged.size());
        assertNull(logged.get(0).getThrown(), "no stack trace for a 409");
        assertTrue(
                !logged.get(0).getMessage().contains("secret value"),
                "the driver's message may quote values: " + logged.get(0).getMessage());
    }

    @Test
    void aCommitWhoseConnectionBrokeIs503WithUnknownOutcomeNever500() {
        javax.transaction.xa.XAException lost =
                new javax.transaction.xa.XAException("No operations allowed after connection closed.");
        lost.initCause(
                new SQLNonTransientConnectionException("No operations allowed after connection closed.", "08003"));
        jakarta.transaction.TransactionalException commit = new jakarta.transaction.TransactionalException(
                "commit failed", new jakarta.transaction.RollbackException("XA commit failed"));
        commit.getCause().initCause(lost);
        for (ExceptionMapperCall mapper : List.<ExceptionMapperCall>of(
                e -> new UnexpectedErrorMapper().toResponse(e), e -> new TransactionalProblemMapper().toResponse(e))) {
            Response r = mapper.map(commit);
            assertEquals(503, r.getStatus());
            assertNotNull(r.getHeaderString("Retry-After"));
            assertEquals(MessageCode.UNAVAILABLE_OUTCOME_UNKNOWN.code(), ((Problem) r.getEntity()).code());
        }
        assertTrue(logged.isEmpty(), "counted by the outage watch, not logged per request");
    }

    @Test
    void aDriverErrorRightAfterAConnectionFailureIsTheSameOutage() throws Exception {
        PersistenceException cut = new PersistenceException(new java.sql.SQLException("Not a navigable ResultSet."));
        java.lang.reflect.Field last =
                nl.ketenzicht.shared.DatabaseAvailability.class.getDeclaredField("lastTroubleNanos");
        last.setAccessible(true);
        last.setLong(null, 0);
        assertEquals(500, new UnexpectedErrorMapper().toResponse(cut).getStatus(), "without an outage: our bug");
        nl.ketenzicht.shared.DatabaseAvailability.trouble();
        Response r = new UnexpectedErrorMapper().toResponse(cut);
        assertEquals(503, r.getStatus(), "within seconds of a connection failure (a failover cut the read off)");
        assertNotNull(r.getHeaderString("Retry-After"));
        last.setLong(null, 0);
    }

    @Test
    void aHeuristicOutcomeIsUnknownButAPlainRollbackIsNot() {
        assertTrue(UnexpectedErrorMapper.commitOutcomeUnknown(new jakarta.transaction.TransactionalException(
                "x", new jakarta.transaction.HeuristicMixedException())));
        assertTrue(!UnexpectedErrorMapper.commitOutcomeUnknown(
                new jakarta.transaction.TransactionalException("x", new jakarta.transaction.RollbackException())));
    }

    private interface ExceptionMapperCall {
        Response map(jakarta.transaction.TransactionalException e);
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfterAndNotLoggedPerRequest() {
        Response r = new UnexpectedErrorMapper()
                .toResponse(new PersistenceException(
                        new SQLNonTransientConnectionException("Communications link failure", "08S01")));
        assertEquals(503, r.getStatus());
        assertNotNull(r.getHeaderString("Retry-After"));
        assertTrue(logged.isEmpty(), "an outage is logged once by DatabaseAvailability, not per request");
    }

    @Test
    void rolledBackTransactionsAreARetryable503() {
        // MariaDB's ER_TABLE_DEF_CHANGED: the snapshot predates the tables a rebuild swapped in
        // (AggregateRebuild#swap).
        Response r = new UnexpectedErrorMapper()
                .toResponse(new IllegalStateException(
                        "Report DEPENDENCY could not be read",
                        new java.sql.SQLException(
                                "Table definition has changed, please retry transaction", "HY000", 1412)));
        assertEquals(503, r.getStatus());
        assertEquals("1", r.getHeaderString("Retry-After"));
        // ER_LOCK_TABLE_FULL: InnoDB ran out of lock memory beside a bulk load and rolled the transaction back.
        Response locks = new UnexpectedErrorMapper()
                .toResponse(new PersistenceException(new java.sql.SQLException(
                        "The total number of locks exceeds the lock table size", "HY000", 1206)));
        assertEquals(503, locks.getStatus());
        Response other = new UnexpectedErrorMapper()
                .toResponse(new IllegalStateException(new java.sql.SQLException("other", "HY000", 1146)));
        assertEquals(500, other.getStatus(), "any other SQL error stays a 500");
    }

    @Test
    void aServerFaultKeepsItsStackTrace() {
        Response r = new UnexpectedErrorMapper().toResponse(new IllegalStateException("bug"));
        assertEquals(500, r.getStatus());
        assertEquals(1, logged.size());
        assertNotNull(
                logged.get(0).getThrown(), "a 500 is ours: its stack trace goes to the log under the correlation id");
    }
}
