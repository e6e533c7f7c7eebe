package nl.ketenzicht.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Forces an unexpected error, or with {@code kind} a known failure. Added to the test deployment only. A detail, if given, goes into the
 * exception's message, as a driver's message may quote a value the user sent.
 */
@Path("test/failure")
public class TestFailureResource {

    @GET
    @PermitAll
    public String fail(@QueryParam("detail") String detail, @QueryParam("kind") String kind) {
        // Failures the mappers turn into a status of their own: a lock held by another (409), a deadlock (503).
        if ("lock".equals(kind)) {
            throw new jakarta.persistence.PessimisticLockException("forced lock conflict");
        }
        if ("deadlock".equals(kind)) {
            throw new RuntimeException(new java.sql.SQLTransactionRollbackException("forced deadlock"));
        }
        throw new IllegalStateException("forced failure with a secret detail: SELECT * FROM user_account"
                + (detail == null ? "" : " " + detail));
    }
}
