package nl.ketenzicht.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Forces an unexpected error. Added to the test deployment only. A detail, if given, goes into the
 * exception's message, as a driver's message may quote a value the user sent.
 */
@Path("test/failure")
public class TestFailureResource {

    @GET
    @PermitAll
    public String fail(@QueryParam("detail") String detail) {
        throw new IllegalStateException("forced failure with a secret detail: SELECT * FROM user_account"
                + (detail == null ? "" : " " + detail));
    }
}
