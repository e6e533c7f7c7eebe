package nl.ketenzicht.proceedings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.proceedings.ProceedingsRequests.ProceedingsView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The criminal-justice chain (strafrechtketen) of a suspect or client. */
@Path("parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proceedings")
public class ProceedingsResource {

    @Inject
    ProceedingsService service;

    @GET
    @Path("{id}/chain-events")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "The chain events and charges of a suspect or client.")
    public ProceedingsView get(@PathParam("id") long partyId) {
        return service.get(partyId);
    }

    @POST
    @Path("{id}/chain-events")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Adds the next step of the chain; a refusal names the rule that was broken.")
    @APIResponseSchema(
            value = ProceedingsView.class,
            responseCode = "201",
            responseDescription = "The chain of the party with the new step.")
    public Response add(@PathParam("id") long partyId, @NotNull ProceedingsRequests.ChainEventRequest body) {
        return Response.status(201).entity(service.add(partyId, body)).build();
    }
}
