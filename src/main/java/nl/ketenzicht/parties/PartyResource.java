package nl.ketenzicht.parties;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.parties.PartyRequests.PartyView;
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A party (victim, suspect, client): read, revise, and the victim's aangifte history. */
@Path("parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parties")
public class PartyResource {

    @Inject
    PartyService service;

    @GET
    @Path("{id}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Reads a victim, suspect or client; the ETag header is its version, for If-Match.")
    @APIResponseSchema(
            value = PartyView.class,
            responseCode = "200",
            responseDescription = "The party; ETag names its version.")
    public Response get(@PathParam("id") long id) {
        return withEtag(service.get(id));
    }

    @PUT
    @Path("{id}/victim")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Revises a victim. Needs If-Match.")
    @APIResponseSchema(
            value = PartyView.class,
            responseCode = "200",
            responseDescription = "The new version; ETag names it.")
    public Response updateVictim(
            @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull PartyRequests.VictimRequest body) {
        return withEtag(service.updateVictim(id, Versions.fromIfMatch(ifMatch), body));
    }

    @PUT
    @Path("{id}/suspect")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Revises a suspect and its linked victims. Needs If-Match.")
    @APIResponseSchema(
            value = PartyView.class,
            responseCode = "200",
            responseDescription = "The new version; ETag names it.")
    public Response updateSuspect(
            @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull PartyRequests.SuspectRequest body) {
        return withEtag(service.updateSuspect(id, Versions.fromIfMatch(ifMatch), body));
    }

    @PUT
    @Path("{id}/client")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Revises a client and its linked victims. Needs If-Match.")
    @APIResponseSchema(
            value = PartyView.class,
            responseCode = "200",
            responseDescription = "The new version; ETag names it.")
    public Response updateClient(
            @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull PartyRequests.ClientRequest body) {
        return withEtag(service.updateClient(id, Versions.fromIfMatch(ifMatch), body));
    }

    @POST
    @Path("{id}/aangifte-events")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(
            summary =
                    "Next step of the victim's aangifte history: informatory interview, made, declined (with reasons), withdrawn.")
    @APIResponseSchema(
            value = PartyView.class,
            responseCode = "201",
            responseDescription = "The victim with its aangifte history; ETag names its version.")
    public Response addAangifteEvent(@PathParam("id") long id, @NotNull PartyRequests.AangifteEventRequest body) {
        PartyView view = service.addAangifteEvent(id, body);
        return Response.status(201)
                .tag(Versions.etag(view.version()))
                .entity(view)
                .build();
    }

    private static Response withEtag(PartyView view) {
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
