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
import java.time.LocalDate;
import java.util.List;
import nl.ketenzicht.cases.CaseRequests.CaseRequest;
import nl.ketenzicht.cases.CaseRequests.CaseView;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.Idempotency;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(
            summary =
                    "Opens a case. Region fields are derived from the municipality. Idempotency-Key makes retries safe.")
    @APIResponseSchema(
            value = CaseView.class,
            responseCode = "201",
            responseDescription = "The case; Location names it, ETag its version.")
    public Response create(@HeaderParam("Idempotency-Key") String key, @NotNull CaseRequest body) {
        var token = idempotency.token(caller.require().actor(), key, "POST /cases", body);
        return idempotency.create(
                token, t -> service.create(body, t, uri.getBaseUri().resolve("..")));
    }

    @GET
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Cases in your scope, filtered, sorted and paged.")
    public Page<CaseView> list(
            @QueryParam("municipality")
                    @Parameter(description = "Only cases in this municipality (CBS code, e.g. GM0363).")
                    String municipality,
            @QueryParam("policeUnit") @Parameter(description = "Only cases in this police unit (e.g. AMS).")
                    String policeUnit,
            @QueryParam("courtDistrict") @Parameter(description = "Only cases in this court district.")
                    String courtDistrict,
            @QueryParam("origin") @Parameter(description = "Only cases of this origin.") Origin origin,
            @QueryParam("status") @Parameter(description = "Only open or only closed cases.") CaseStatus status,
            @QueryParam("exploitationForm")
                    @Parameter(
                            description =
                                    "Only cases with this exploitation form among theirs (code list EXPLOITATION_FORM).")
                    String exploitationForm,
            @QueryParam("teamType") @Parameter(description = "Only cases of this team type.") TeamType teamType,
            @QueryParam("openedFrom") @Parameter(description = "Only cases opened on or after this day.")
                    LocalDate openedFrom,
            @QueryParam("openedTo") @Parameter(description = "Only cases opened on or before this day.")
                    LocalDate openedTo,
            @QueryParam("q") @Parameter(description = "Free text: a case number, or part of a municipality name.")
                    String q,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("25") @Min(1) @Max(200) int limit,
            @QueryParam("sort")
                    @DefaultValue("openedOn,desc")
                    @Parameter(
                            description = "field,direction: field one of openedOn, id, municipality, origin, status, "
                                    + "policeUnit; direction asc or desc.")
                    String sort) {
        return service.list(new CaseFilter(
                municipality,
                policeUnit,
                courtDistrict,
                origin,
                status,
                exploitationForm,
                teamType,
                openedFrom,
                openedTo,
                q,
                offset,
                limit,
                sort));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Reads a case; the ETag header is its version, for If-Match.")
    @APIResponseSchema(
            value = CaseView.class,
            responseCode = "200",
            responseDescription = "The case; ETag names its version.")
    public Response get(@PathParam("id") long id) {
        return withEtag(service.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Revises a case. Needs If-Match with the ETag you read.")
    @APIResponseSchema(
            value = CaseView.class,
            responseCode = "200",
            responseDescription = "The new version; ETag names it.")
    public Response update(
            @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @NotNull CaseRequest body) {
        return withEtag(service.update(id, Versions.fromIfMatch(ifMatch), body));
    }

    @POST
    @Path("{id}/closure")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Closes a case with a date and reason. Needs If-Match.")
    @APIResponseSchema(
            value = CaseView.class,
            responseCode = "200",
            responseDescription = "The closed case; ETag names its version.")
    public Response close(
            @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull CaseRequests.CloseRequest body) {
        return withEtag(service.close(id, Versions.fromIfMatch(ifMatch), body));
    }

    @POST
    @Path("{id}/reopening")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Reopens a closed case. Needs If-Match.")
    @APIResponseSchema(
            value = CaseView.class,
            responseCode = "200",
            responseDescription = "The reopened case; ETag names its version.")
    public Response reopen(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(service.reopen(id, Versions.fromIfMatch(ifMatch)));
    }

    @GET
    @Path("{id}/shares")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Lists the case's shares with partner organisations, revoked ones included.")
    public List<CaseRequests.ShareView> shares(@PathParam("id") long id) {
        return service.shares(id);
    }

    @POST
    @Path("{id}/shares")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Shares the case with a named partner organisation for a stated purpose.")
    @APIResponseSchema(value = CaseRequests.ShareView.class, responseCode = "201", responseDescription = "The share.")
    public Response share(@PathParam("id") long id, @Valid @NotNull CaseRequests.ShareRequest body) {
        return Response.status(201).entity(service.share(id, body)).build();
    }

    @DELETE
    @Path("{id}/shares/{shareId}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Revokes a share: the partner no longer sees the case.")
    public CaseRequests.ShareView revoke(@PathParam("id") long id, @PathParam("shareId") long shareId) {
        return service.revokeShare(id, shareId);
    }

    private static Response withEtag(CaseView view) {
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
