package nl.ketenzicht.indicators;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.indicators.IndicatorRequests.IndicatorRequest;
import nl.ketenzicht.indicators.IndicatorRequests.IndicatorView;
import nl.ketenzicht.indicators.IndicatorRequests.ResultsView;
import nl.ketenzicht.indicators.IndicatorRequests.TargetRequest;
import nl.ketenzicht.reports.ReportRequest;
import nl.ketenzicht.reports.aggregates.CaseContribution;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Measure 7: indicators over the report counters with targets per year. National coordinators
 * define indicators and set any target; a regional coordinator sets targets for their own unit and
 * sees their unit next to the national figure.
 */
@RequestScoped
@Transactional
public class IndicatorService {

    @Inject
    Jdbc jdbc;

    @Inject
    CurrentCaller caller;

    @Inject
    nl.ketenzicht.reports.RegionalScope scope;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;
    /** One threshold for screen, export and print: perturbation gives them the same figures. */
    @Inject
    nl.ketenzicht.reports.DisclosureThresholds thresholds;

    public IndicatorView define(IndicatorRequest r) {
        Caller who = caller.require();
        if (who.policeUnit() != null) {
            throw ProblemException.forbidden(
                    MessageCode.FORBIDDEN_INDICATOR_NATIONAL, "Only a national coordinator defines indicators.");
        }
        if (!CaseContribution.COLUMNS.contains(r.metric())) {
            throw ProblemException.invalid(
                    "metric",
                    MessageCode.VALUE_NOT_IN_LIST,
                    java.util.Map.of("allowed", String.join(", ", CaseContribution.COLUMNS)),
                    "Use one of " + CaseContribution.COLUMNS + ".");
        }
        Map<String, List<String>> filters = new HashMap<>();
        put(filters, "origin", r.origin());
        put(filters, "form", r.form());
        put(filters, "team", r.team());
        ReportRequest.parse(filters);
        return jdbc.with("Indicators could not be read or written", c -> {
            long id = IndicatorRepository.insert(c, r, who.actor(), clock.instant());
            log.record(AccessEvent.of(AccessEvent.Action.CREATE, "indicator", id, List.of()));
            return IndicatorRepository.find(c, id).orElseThrow();
        });
    }

    public List<IndicatorView> list() {
        return jdbc.with("Indicators could not be read or written", IndicatorRepository::all);
    }

    public IndicatorView setTarget(long id, TargetRequest r) {
        Caller who = caller.require();
        if (who.policeUnit() != null && !who.policeUnit().equals(r.policeUnit())) {
            throw ProblemException.forbidden(
                    MessageCode.FORBIDDEN_TARGET_OWN_UNIT,
                    "A regional coordinator sets targets for their own police unit only.");
        }
        return jdbc.with("Indicators could not be read or written", c -> {
            IndicatorView v =
                    IndicatorRepository.find(c, id).orElseThrow(() -> ProblemException.notFound("Indicator " + id));
            if (r.policeUnit() != null && !units(c).contains(r.policeUnit())) {
                throw ProblemException.invalid("policeUnit", MessageCode.UNKNOWN_POLICE_UNIT, "Unknown police unit.");
            }
            IndicatorRepository.setTarget(c, id, r.year(), r.policeUnit(), r.target());
            log.record(AccessEvent.of(AccessEvent.Action.UPDATE, "indicator", id, List.of()));
            return IndicatorRepository.find(c, v.id()).orElseThrow();
        });
    }

    public ResultsView results(long id, int fromYear, int toYear) {
        Years.range("from", fromYear, toYear, 21);
        return jdbc.with("Indicators could not be read or written", c -> {
            IndicatorView v =
                    IndicatorRepository.find(c, id).orElseThrow(() -> ProblemException.notFound("Indicator " + id));
            List<String> units = units(c);
            Set<String> visible = scope.visibleUnits(c, units);
            var rows = IndicatorResults.rows(
                    units,
                    visible,
                    fromYear,
                    toYear,
                    IndicatorRepository.actuals(c, v, fromYear, toYear),
                    v.targets(),
                    thresholds.k());
            log.record(new AccessEvent(
                    AccessEvent.Action.REPORT,
                    "report:indicator",
                    List.of(id),
                    List.of(),
                    AccessEvent.Outcome.SUCCESS,
                    fromYear + "-" + toYear,
                    false));
            return new ResultsView(v.id(), v.name(), v.metric(), thresholds.k(), rows);
        });
    }

    private static List<String> units(Connection c) throws SQLException {
        List<String> units = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT police_unit FROM ref_court_district ORDER BY 1")) {
            while (rs.next()) {
                units.add(rs.getString(1));
            }
        }
        return units;
    }

    private static void put(Map<String, List<String>> m, String key, String value) {
        if (value != null) {
            m.put(key, List.of(value));
        }
    }
}
