package nl.ketenzicht.support;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Map;
import nl.ketenzicht.retention.RetentionJob;

/** Runs the retention purge now, as the scheduler would. Test deployment only, like {@link TestClockResource}. */
@Path("test/retention")
public class TestRetentionResource {

    @Inject
    RetentionJob job;

    @POST
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> purge() throws SQLException {
        return Map.of("purged", job.run());
    }
}
