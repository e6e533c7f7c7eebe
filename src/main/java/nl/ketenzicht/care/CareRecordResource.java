package nl.ketenzicht.care;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Revises a runaway episode or a care referral by its own id. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Care")
public class CareRecordResource {

    @Inject
    CareService service;

    @PUT
    @Path("runaways/{id}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Revises a runaway episode (e.g. the day the victim was found). Needs If-Match.")
    @APIResponseSchema(
            value = CareRequests.RunawayView.class,
            responseCode = "200",
            responseDescription = "The new version; ETag names it.")
    public Response updateRunaway(
            @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull CareRequests.RunawayRequest body) {
        var view = service.updateRunaway(id, Versions.fromIfMatch(ifMatch), body);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("care-referrals/{id}")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Revises a care referral (e.g. the day care started or ended). Needs If-Match.")
    @APIResponseSchema(
            value = CareRequests.ReferralView.class,
            responseCode = "200",
            responseDescription = "The new version; ETag names it.")
    public Response updateReferral(
            @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull CareRequests.ReferralRequest body) {
        var view = service.updateReferral(id, Versions.fromIfMatch(ifMatch), body);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
