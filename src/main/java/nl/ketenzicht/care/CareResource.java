package nl.ketenzicht.care;

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
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runaway episodes (vermissingen) and care referrals (zorgtrajecten) of a victim. */
@Path("parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Care")
public class CareResource {

    @Inject
    CareService service;

    @GET
    @Path("{id}/care")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "A victim's runaway episodes and care referrals.")
    public CareService.Care ofVictim(@PathParam("id") long victimId) {
        return service.ofVictim(victimId);
    }

    @POST
    @Path("{id}/runaways")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Records a runaway episode of a victim.")
    @APIResponseSchema(
            value = CareRequests.RunawayView.class,
            responseCode = "201",
            responseDescription = "The episode; ETag names its version.")
    public Response addRunaway(@PathParam("id") long victimId, @NotNull CareRequests.RunawayRequest body) {
        var view = service.addRunaway(victimId, body);
        return Response.status(201)
                .tag(Versions.etag(view.version()))
                .entity(view)
                .build();
    }

    @POST
    @Path("{id}/care-referrals")
    @RolesAllowed(Role.CASEWORKER_)
    @Operation(summary = "Records a care referral of a victim.")
    @APIResponseSchema(
            value = CareRequests.ReferralView.class,
            responseCode = "201",
            responseDescription = "The referral; ETag names its version.")
    public Response addReferral(@PathParam("id") long victimId, @NotNull CareRequests.ReferralRequest body) {
        var view = service.addReferral(victimId, body);
        return Response.status(201)
                .tag(Versions.etag(view.version()))
                .entity(view)
                .build();
    }
}
