package nl.ketenzicht.chain;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.care.CareService;
import nl.ketenzicht.cases.CaseRequests;
import nl.ketenzicht.cases.CaseService;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.parties.PartyKind;
import nl.ketenzicht.parties.PartyRequests;
import nl.ketenzicht.parties.PartyService;
import nl.ketenzicht.proceedings.ProceedingsRequests;
import nl.ketenzicht.proceedings.ProceedingsService;
import nl.ketenzicht.shared.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The whole chain of a case at a glance, for the case page: the case, its parties with the aangifte
 * history, the proceedings per suspect and client, runaway episodes, care referrals and sharing. It
 * composes the features' services, so it lives apart from each of them. One access-log row names
 * the case and every victim it shows.
 */
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@RequestScoped
public class ChainOverview {

    @Inject
    CaseService cases;

    @Inject
    PartyService parties;

    @Inject
    ProceedingsService proceedings;

    @Inject
    CareService care;

    @Inject
    AccessLog log;

    @GET
    @Path("{id}/chain")
    @RolesAllowed(Role.CASEWORKER_)
    @Transactional
    @Operation(summary = "Everything recorded for a case, in one document.")
    @APIResponseSchema(
            value = Chain.class,
            responseCode = "200",
            responseDescription = "The whole chain of the case; ETag names the case version.")
    public Response get(@PathParam("id") long caseId) {
        CaseService.CaseRef ref = cases.requireReadable(caseId);
        CaseRequests.CaseView view = cases.viewOf(caseId);
        List<PartyRequests.PartyView> all = parties.ofCase(ref);
        List<Long> victims = all.stream()
                .filter(p -> p.kind() == PartyKind.VICTIM)
                .map(PartyRequests.PartyView::id)
                .toList();
        List<Long> offenders = all.stream()
                .filter(p -> p.kind() != PartyKind.VICTIM)
                .map(PartyRequests.PartyView::id)
                .toList();
        AccessEvent event = new AccessEvent(
                        AccessEvent.Action.READ,
                        "case-chain",
                        List.of(caseId),
                        victims,
                        AccessEvent.Outcome.SUCCESS,
                        null,
                        false)
                .inCase(caseId);
        log.record(ref.viaBreakGlass() ? event.withBreakGlass(ref.breakGlassReason()) : event);
        Chain chain =
                new Chain(view, all, proceedings.ofParties(offenders), care.ofVictims(victims), cases.sharesOf(caseId));
        return Response.ok(chain).tag(Versions.etag(view.version())).build();
    }

    public record Chain(
            CaseRequests.CaseView caseFile,
            List<PartyRequests.PartyView> parties,
            List<ProceedingsRequests.ProceedingsView> proceedings,
            CareService.Care care,
            List<CaseRequests.ShareView> shares) {}
}
