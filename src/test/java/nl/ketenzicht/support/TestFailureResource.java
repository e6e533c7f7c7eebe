package nl.ketenzicht.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Forces an unexpected error. Added to the test deployment only. */
@Path("test/failure")
public class TestFailureResource {

    @GET
    @PermitAll
    public String fail() {
        throw new IllegalStateException("forced failure with a secret detail: SELECT * FROM user_account");
    }
}
