package nl.ketenzicht.monitor;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import nl.ketenzicht.reports.ReportDataChanged;

/**
 * The generation of the monitor's kept figures, and dropping them (as a change would) so that the next
 * request computes them afresh. Test deployment only, like {@link nl.ketenzicht.support.TestClockResource}.
 */
@Path("test/kept-figures")
public class TestKeptFiguresResource {

    @Inject
    KeptFigures kept;

    @Inject
    Event<ReportDataChanged> changed;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> generation() {
        return Map.of("generation", kept.generation());
    }

    @DELETE
    @PermitAll
    public void drop() {
        changed.fire(new ReportDataChanged("test"));
    }
}
