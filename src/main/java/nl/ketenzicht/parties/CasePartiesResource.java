package nl.ketenzicht.parties;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.Idempotency;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Adds victims, suspects and clients to a case. It shares the root path "cases" with the case
 * resource; Jersey merges resources with the same root path, so each feature keeps its own class.
 */
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parties")
public class CasePartiesResource {

    @Inject
    PartyService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Path("{caseId}/victims")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Adds a victim to a case. Idempotency-Key makes retries safe.")
    @APIResponseSchema(
            value = PartyRequests.PartyView.class,
            responseCode = "201",
            responseDescription = "The party; Location names it, ETag its version.")
    public Response addVictim(
            @PathParam("caseId") long caseId,
            @HeaderParam("Idempotency-Key") String key,
            @NotNull PartyRequests.VictimRequest body) {
        return idempotency.create(token(key, "victims", caseId, body), t -> service.addVictim(caseId, body, t, base()));
    }

    @POST
    @Path("{caseId}/suspects")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Adds a suspect to a case, linked to its victims. Idempotency-Key makes retries safe.")
    @APIResponseSchema(
            value = PartyRequests.PartyView.class,
            responseCode = "201",
            responseDescription = "The party; Location names it, ETag its version.")
    public Response addSuspect(
            @PathParam("caseId") long caseId,
            @HeaderParam("Idempotency-Key") String key,
            @NotNull PartyRequests.SuspectRequest body) {
        return idempotency.create(
                token(key, "suspects", caseId, body), t -> service.addSuspect(caseId, body, t, base()));
    }

    @POST
    @Path("{caseId}/clients")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Adds a client to a case, linked to its victims. Idempotency-Key makes retries safe.")
    @APIResponseSchema(
            value = PartyRequests.PartyView.class,
            responseCode = "201",
            responseDescription = "The party; Location names it, ETag its version.")
    public Response addClient(
            @PathParam("caseId") long caseId,
            @HeaderParam("Idempotency-Key") String key,
            @NotNull PartyRequests.ClientRequest body) {
        return idempotency.create(token(key, "clients", caseId, body), t -> service.addClient(caseId, body, t, base()));
    }

    private Idempotency.Token token(String key, String what, long caseId, Object body) {
        return idempotency.token(caller.require().actor(), key, "POST /cases/" + caseId + "/" + what, body);
    }

    private URI base() {
        return uri.getBaseUri().resolve("..");
    }
}
