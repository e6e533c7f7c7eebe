package nl.ketenzicht.support;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import nl.ketenzicht.shared.MutableClock;

/** Moves the server's clock. Added to the test deployment only; the production WAR has no such endpoint. */
@Path("test/clock")
public class TestClockResource {

    @Inject
    MutableClock clock;

    @POST
    @PermitAll
    public void advance(@QueryParam("seconds") long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }
}
