package nl.ketenzicht.context;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.ketenzicht.context.ContextRequests.CasePilotsView;
import nl.ketenzicht.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A case's pilots: read by whoever reads the case, tagged and untagged by its owner. */
@Path("cases/{caseId}/pilots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@RolesAllowed(Role.CASEWORKER_)
public class CasePilotResource {

    @Inject
    CasePilotService service;

    @GET
    @Operation(
            summary =
                    "The pilots the case is tagged with, those of its police unit it may be tagged with (owner only), and the tagging history.")
    public CasePilotsView list(@PathParam("caseId") long caseId) {
        return service.of(caseId);
    }

    @PUT
    @Path("{pilotId}")
    @Operation(
            summary = "Tags the case with a pilot that its police unit takes part in; tagging twice changes nothing.")
    public CasePilotsView tag(@PathParam("caseId") long caseId, @PathParam("pilotId") long pilotId) {
        return service.tag(caseId, pilotId, true);
    }

    @DELETE
    @Path("{pilotId}")
    @Operation(summary = "Removes the case's tag with a pilot; the history keeps that it was tagged.")
    public CasePilotsView untag(@PathParam("caseId") long caseId, @PathParam("pilotId") long pilotId) {
        return service.tag(caseId, pilotId, false);
    }
}
