package nl.ketenzicht.context;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.cases.CaseService;
import nl.ketenzicht.context.ContextRequests.CasePilotsView;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.reports.ReportDataChanged;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The pilots a case takes part in. Whoever may read the case sees its tags; only the owner tags and
 * untags, and only with a pilot that the case's police unit takes part in, so that a pilot's cases
 * are always compared with the other cases of its own units.
 */
@RequestScoped
@Transactional
public class CasePilotService {

    static final String CASE_PILOT = "case-pilot";
    private static final String FAILED = "The pilots of the case could not be read or written";

    @Inject
    Jdbc jdbc;

    @Inject
    CaseService cases;

    @Inject
    CurrentCaller caller;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;

    @Inject
    Event<ReportDataChanged> dataChanged;

    public CasePilotsView of(long caseId) {
        CaseService.CaseRef ref = cases.requireReadable(caseId);
        String unit = cases.viewOf(caseId).policeUnit();
        boolean owner = ref.ownerOrganisationId() == caller.require().organisationId();
        CasePilotsView view = jdbc.with(
                FAILED,
                c -> new CasePilotsView(
                        caseId,
                        PilotRepository.tagsOf(c, caseId),
                        owner ? PilotRepository.availableFor(c, caseId, unit) : List.of(),
                        PilotRepository.tagHistory(c, caseId)));
        AccessEvent event = new AccessEvent(
                        AccessEvent.Action.READ,
                        CASE_PILOT,
                        List.of(caseId),
                        List.of(),
                        AccessEvent.Outcome.SUCCESS,
                        null,
                        false)
                .inCase(caseId);
        log.record(ref.viaBreakGlass() ? event.withBreakGlass(ref.breakGlassReason()) : event);
        return view;
    }

    public CasePilotsView tag(long caseId, long pilotId, boolean tagged) {
        cases.requireWritable(caseId);
        String unit = cases.viewOf(caseId).policeUnit();
        jdbc.with(FAILED, c -> {
            var pilot = PilotRepository.find(c, pilotId, true)
                    .orElseThrow(() -> ProblemException.notFound("Pilot " + pilotId));
            if (tagged && !pilot.policeUnits().contains(unit)) {
                throw ProblemException.invalid(
                        "pilotId",
                        MessageCode.PILOT_NOT_IN_UNIT,
                        Map.of("unit", unit),
                        "The police unit " + unit + " of this case does not take part in this pilot.");
            }
            if (PilotRepository.tag(c, caseId, pilotId, tagged, caller.require().actor(), clock.instant())) {
                dataChanged.fire(new ReportDataChanged(CASE_PILOT));
                log.record(new AccessEvent(
                                tagged ? AccessEvent.Action.CREATE : AccessEvent.Action.DELETE,
                                CASE_PILOT,
                                List.of(caseId, pilotId),
                                List.of(),
                                AccessEvent.Outcome.SUCCESS,
                                null,
                                false)
                        .inCase(caseId));
            }
            return null;
        });
        return of(caseId);
    }
}
