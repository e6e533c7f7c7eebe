package nl.ketenzicht.proceedings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.proceedings.ProceedingsRequests.ProceedingsView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A single step of a chain, by its own id. */
@Path("chain-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Proceedings")
public class ChainEventResource {

    @Inject
    ProceedingsService service;

    @DELETE
    @Path("{eventId}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Removes the latest step of a chain, to correct a mistake.")
    public ProceedingsView withdraw(@PathParam("eventId") long eventId) {
        return service.withdraw(eventId);
    }
}
