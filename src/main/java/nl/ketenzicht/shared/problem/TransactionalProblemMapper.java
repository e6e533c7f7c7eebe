package nl.ketenzicht.shared.problem;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Jersey brings its own mapper for {@link TransactionalException} (a commit that failed in the transaction
 * manager), which is nearer by type than {@link UnexpectedErrorMapper} and answers 500. This one has the same
 * type and a higher priority, so a failed commit gets the same classification as any other failure: a commit
 * whose connection broke is a 503 whose outcome is unknown, never a 500.
 */
@Provider
@Priority(Priorities.USER - 100)
public class TransactionalProblemMapper implements ExceptionMapper<TransactionalException> {

    @Override
    public Response toResponse(TransactionalException e) {
        return new UnexpectedErrorMapper().toResponse(e);
    }
}
