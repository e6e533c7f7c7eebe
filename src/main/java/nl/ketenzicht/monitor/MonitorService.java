package nl.ketenzicht.monitor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.linkage.EstimateRequests;
import nl.ketenzicht.linkage.EstimateRequests.EstimateRequest;
import nl.ketenzicht.linkage.EstimateViews.Estimate;
import nl.ketenzicht.linkage.MseService;
import nl.ketenzicht.monitor.MonitorViews.MonitorView;
import nl.ketenzicht.monitor.MonitorViews.Section;
import nl.ketenzicht.reports.Interval;
import nl.ketenzicht.reports.Measure;
import nl.ketenzicht.reports.MeasureReportService;
import nl.ketenzicht.reports.MeasureReportService.Kind;
import nl.ketenzicht.reports.RegionalScope;
import nl.ketenzicht.reports.ReportRequest;
import nl.ketenzicht.reports.ReportService;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.stats.CellKeyPerturbation;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Years;

/**
 * The programme monitor: each concern of the programme (domain guide, "Why it exists") answered from the
 * reports' own published figures. It runs the report services for the chosen year and the nine before it
 * (one pipeline: no figure is computed here from a true count), so every figure, interval and region of the
 * monitor is one a report page publishes, protected by the same cell keys. One access-log row per run.
 */
@RequestScoped
@Transactional
public class MonitorService {

    /** The trend spans the chosen year and up to nine before it. */
    public static final int TREND_YEARS = 10;
    /** The partner types whose registrations estimate the dark number, as the dark-number page offers them. */
    static final List<String> DARK_NUMBER_LISTS = List.of("POLICE", "CARE", "NATIONAL", "KMAR");

    @Inject
    ReportService reports;

    @Inject
    MeasureReportService measures;

    @Inject
    MseService darkNumber;

    @Inject
    RegionalScope scope;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;

    @Inject
    Jdbc jdbc;

    @Inject
    CalendarYearFigures calendar;

    @Inject
    VictimFactFigures victimFacts;

    @Inject
    ContextOutcomes context;

    public MonitorView monitor(int year, String language) {
        return build(year, language, AccessEvent.Action.REPORT, "json");
    }

    /** The same monitor for its PDF: logged as an export. */
    public MonitorView forExport(int year, String language) {
        return build(year, language, AccessEvent.Action.EXPORT, "pdf");
    }

    private MonitorView build(int year, String language, AccessEvent.Action action, String format) {
        Years.range("year", year, year, 1);
        String unit = scope.unit();
        int from = Math.max(Years.MIN, year - TREND_YEARS + 1);
        Map<Integer, YearReports> years = new TreeMap<>();
        ContextOutcomes.Fte fte = context.fte(from, year);
        for (int y = from; y <= year; y++) {
            years.put(y, read(y, unit, y == year, fte));
        }
        YearReports chosen = years.get(year);
        Map<Integer, Long[]> targets = targets(from, year, unit);
        MonitorSections sections = new MonitorSections(
                years,
                chosen,
                unit,
                targets,
                new MonitorSentences(language, chosen.dependency().regions()));
        List<Section> list = sections.all();
        boolean closed = year < LocalDate.now(clock).getYear();
        MonitorView view = new MonitorView(
                year,
                from,
                closed,
                language,
                unit,
                CellKeyPerturbation.K,
                chosen.dependency().regions(),
                list,
                calendar.read(
                        year,
                        unit,
                        closed,
                        chosen.dependency(),
                        Figures.section(chosen.victims(), "VICTIMS_AANGIFTE").orElse(null)));
        log.record(new AccessEvent(
                action,
                "report:monitor",
                List.of(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                "year=" + year + (unit == null ? "" : " unit=" + unit) + " " + format,
                false));
        return view;
    }

    private YearReports read(int year, String unit, boolean chosen, ContextOutcomes.Fte fte) {
        Map<String, List<String>> query = Map.of("year", List.of(Integer.toString(year)));
        ReportRequest request = ReportRequest.parse(query);
        Optional<Estimate> national = darkNumber.quietEstimate(
                new EstimateRequest(EstimateRequests.Period.ofYear(year), null, DARK_NUMBER_LISTS, null));
        Map<String, Optional<Estimate>> byUnit = new LinkedHashMap<>();
        var dependency =
                reports.compute(Measure.DEPENDENCY, request); // once: its regions, its figures and the calendar's
        if (chosen) {
            for (RegionRef r : dependency.regions()) {
                byUnit.put(
                        r.code(),
                        darkNumber.quietEstimate(new EstimateRequest(
                                EstimateRequests.Period.ofYear(year), r.code(), DARK_NUMBER_LISTS, null)));
            }
        } else if (unit != null) {
            byUnit.put(
                    unit,
                    darkNumber.quietEstimate(
                            new EstimateRequest(EstimateRequests.Period.ofYear(year), unit, DARK_NUMBER_LISTS, null)));
        }
        return new YearReports(
                year,
                dependency,
                reports.compute(Measure.CLIENTS, request),
                reports.computeThroughput(Interval.IN_VIEW_TO_OM_INFLOW, request),
                measures.compute(Kind.VICTIMS, query),
                measures.compute(Kind.RUNAWAYS, query),
                measures.compute(Kind.CARE, query),
                national,
                byUnit,
                victimFacts.read(year),
                fte,
                chosen ? context.groups(year, unit) : null);
    }

    /**
     * The targets for suspects at OM inflow: the first indicator that counts {@code s_om_inflow} without a
     * filter (the programme's "240 suspects at OM"); per year {national, the unit's}.
     */
    private Map<Integer, Long[]> targets(int from, int to, String unit) {
        return jdbc.with("The targets could not be read", c -> {
            Map<Integer, Long[]> targets = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT t.year, t.police_unit, t.target FROM indicator_target t WHERE t.indicator_id = "
                            + "(SELECT MIN(id) FROM indicator WHERE metric = 's_om_inflow' AND origin IS NULL AND form IS NULL AND team_type IS NULL) "
                            + "AND t.year BETWEEN ? AND ? AND t.police_unit IN ('', ?)")) {
                s.setInt(1, from);
                s.setInt(2, to);
                s.setString(3, unit == null ? "" : unit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Long[] pair = targets.computeIfAbsent(rs.getInt(1), y -> new Long[2]);
                        pair[rs.getString(2).isEmpty() ? 0 : 1] = rs.getLong(3);
                    }
                }
            }
            return targets;
        });
    }
}
