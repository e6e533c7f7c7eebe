package nl.ketenzicht.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.ketenzicht.cases.CaseRequests.CaseRequest;
import nl.ketenzicht.cases.CaseRequests.CaseView;
import nl.ketenzicht.security.CurrentCaller;
import nl.ketenzicht.security.Role;
import nl.ketenzicht.shared.Idempotency;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** Cases (zaken): create, read, revise, close, reopen, list, share. */
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {

    @Inject
    CaseService service;
    @Inject
    Idempotency idempotency;
    @Inject
    CurrentCaller caller;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Opens a case. Region fields are derived from the municipality. Idempotency-Key makes retries safe.")
    public Response create(@HeaderParam("Idempotency-Key") String key, @NotNull CaseRequest body) {
        var token = idempotency.token(caller.require().actor(), key, "POST /cases", body);
        return idempotency.create(token, t -> service.create(body, t, uri.getBaseUri().resolve("..")));
    }

    @GET
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Cases in your scope, filtered, sorted and paged.")
    public Page<CaseView> list(@QueryParam("municipality") String municipality, @QueryParam("policeUnit") String policeUnit,
                               @QueryParam("courtDistrict") String courtDistrict, @QueryParam("origin") Origin origin,
                               @QueryParam("status") CaseStatus status, @QueryParam("exploitationForm") String exploitationForm,
                               @QueryParam("teamType") TeamType teamType, @QueryParam("openedFrom") LocalDate openedFrom,
                               @QueryParam("openedTo") LocalDate openedTo, @QueryParam("q") String q,
                               @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                               @QueryParam("limit") @DefaultValue("25") @Min(1) @Max(200) int limit,
                               @QueryParam("sort") @DefaultValue("openedOn,desc") String sort) {
        return service.list(new CaseFilter(municipality, policeUnit, courtDistrict, origin, status, exploitationForm, teamType,
                openedFrom, openedTo, q, offset, limit, sort));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.CASEWORKER_)
    public Response get(@PathParam("id") long id) {
        return withEtag(service.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Revises a case. Needs If-Match with the ETag you read.")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @NotNull CaseRequest body) {
        return withEtag(service.update(id, Versions.fromIfMatch(ifMatch), body));
    }

    @POST
    @Path("{id}/closure")
    @RolesAllowed(Role.CASEWORKER_)
    public Response close(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                          @NotNull CaseRequests.CloseRequest body) {
        return withEtag(service.close(id, Versions.fromIfMatch(ifMatch), body));
    }

    @POST
    @Path("{id}/reopening")
    @RolesAllowed(Role.CASEWORKER_)
    public Response reopen(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(service.reopen(id, Versions.fromIfMatch(ifMatch)));
    }

    @GET
    @Path("{id}/shares")
    @RolesAllowed(Role.CASEWORKER_)
    public List<CaseRequests.ShareView> shares(@PathParam("id") long id) {
        return service.shares(id);
    }

    @POST
    @Path("{id}/shares")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Shares the case with a named partner organisation for a stated purpose.")
    public Response share(@PathParam("id") long id, @Valid @NotNull CaseRequests.ShareRequest body) {
        return Response.status(201).entity(service.share(id, body)).build();
    }

    @DELETE
    @Path("{id}/shares/{shareId}")
    @RolesAllowed(Role.CASEWORKER_)
    public CaseRequests.ShareView revoke(@PathParam("id") long id, @PathParam("shareId") long shareId) {
        return service.revokeShare(id, shareId);
    }

    private static Response withEtag(CaseView view) {
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
