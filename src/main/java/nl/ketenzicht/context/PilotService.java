package nl.ketenzicht.context;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.context.ContextRequests.PilotRequest;
import nl.ketenzicht.context.ContextRequests.PilotValue;
import nl.ketenzicht.context.ContextRequests.PilotView;
import nl.ketenzicht.context.ContextRequests.Version;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.reports.ReportDataChanged;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.Versions;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Programmes and pilots: named, dated, in one or more police units. A national coordinator or an
 * administrator keeps any; a regional coordinator sees the pilots their unit takes part in and keeps
 * those of their unit alone. Changes are versioned like the other context values.
 */
@RequestScoped
@Transactional
public class PilotService {

    static final String PILOT = "context-pilot";
    private static final String FAILED = "The pilots could not be read or written";

    @Inject
    Jdbc jdbc;

    @Inject
    ContextScope scope;

    @Inject
    CurrentCaller caller;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Inject
    ReferenceData reference;

    @Inject
    Event<ReportDataChanged> dataChanged;

    public Page<PilotView> list(int offset, int limit) {
        String unit = scope.unit();
        Page<PilotView> page = jdbc.with(FAILED, c -> PilotRepository.list(c, unit, offset, limit));
        log.record(new AccessEvent(
                AccessEvent.Action.SEARCH,
                PILOT,
                page.items().stream().map(PilotView::id).toList(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                null,
                false));
        return page;
    }

    public PilotView get(long id) {
        PilotView v = jdbc.with(FAILED, c -> visible(c, id));
        log.record(AccessEvent.of(AccessEvent.Action.READ, PILOT, id, List.of()));
        return v;
    }

    public List<Version<PilotValue>> history(long id) {
        List<Version<PilotValue>> versions = jdbc.with(FAILED, c -> {
            visible(c, id);
            return PilotRepository.history(c, id);
        });
        log.record(new AccessEvent(
                AccessEvent.Action.READ, PILOT, List.of(id), List.of(), AccessEvent.Outcome.SUCCESS, "history", false));
        return versions;
    }

    public PilotView create(PilotRequest r) {
        check(r);
        return jdbc.with(FAILED, c -> {
            nameFree(c, r.name(), null);
            long id = PilotRepository.insert(c, r, caller.require().actor(), clock.instant());
            dataChanged.fire(new ReportDataChanged(PILOT));
            log.record(new AccessEvent(
                    AccessEvent.Action.CREATE,
                    PILOT,
                    List.of(id),
                    List.of(),
                    AccessEvent.Outcome.SUCCESS,
                    "v1",
                    false));
            return PilotRepository.find(c, id, false).orElseThrow();
        });
    }

    public PilotView update(long id, String ifMatch, PilotRequest r) {
        long expected = Versions.fromIfMatch(ifMatch);
        return jdbc.with(FAILED, c -> {
            PilotView current = visible(c, id);
            PilotRepository.find(c, id, true);
            String own = scope.unit();
            if (own != null && !ContextRules.onlyOwnUnit(current.policeUnits(), own)) {
                throw scope.pilotNotYours();
            }
            check(r);
            Versions.check(PilotRepository.find(c, id, false).orElseThrow().version(), expected);
            nameFree(c, r.name(), id);
            long version = expected + 1;
            PilotRepository.update(c, id, version, r, caller.require().actor(), clock.instant());
            dataChanged.fire(new ReportDataChanged(PILOT));
            log.record(new AccessEvent(
                    AccessEvent.Action.UPDATE,
                    PILOT,
                    List.of(id),
                    List.of(),
                    AccessEvent.Outcome.SUCCESS,
                    "v" + version,
                    false));
            return PilotRepository.find(c, id, false).orElseThrow();
        });
    }

    private void check(PilotRequest r) {
        Checks checks = new Checks(clock).valid(validator, r);
        ContextRules.pilot(checks, r, reference::policeUnitExists);
        checks.throwIfAny();
        String own = scope.unit();
        if (own != null && !ContextRules.onlyOwnUnit(r.policeUnits(), own)) {
            throw scope.pilotNotYours();
        }
    }

    private static void nameFree(Connection c, String name, Long self) throws SQLException {
        var other = PilotRepository.idOfName(c, name.strip());
        if (other.isPresent() && !other.get().equals(self)) {
            throw ProblemException.invalid(
                    "name", MessageCode.PILOT_NAME_TAKEN, "A programme or pilot with this name exists already.");
        }
    }

    /** The pilot, if it exists and (for a regional coordinator) their unit takes part in it; else 404. */
    private PilotView visible(Connection c, long id) throws SQLException {
        String own = scope.unit();
        return PilotRepository.find(c, id, false)
                .filter(p -> own == null || p.policeUnits().contains(own))
                .orElseThrow(() -> {
                    log.recordApart(new AccessEvent(
                            AccessEvent.Action.READ,
                            PILOT,
                            List.of(id),
                            List.of(),
                            AccessEvent.Outcome.NOT_FOUND,
                            null,
                            false));
                    return ProblemException.notFound("Pilot " + id);
                });
    }
}
