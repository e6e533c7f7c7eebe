package nl.ketenzicht.monitor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.monitor.MonitorViews.MonitorView;
import nl.ketenzicht.monitor.MonitorViews.Section;
import nl.ketenzicht.reports.RegionalScope;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Years;

/**
 * The programme monitor: each concern of the programme (domain guide, "Why it exists") answered from the
 * reports' own published figures. It runs the report services for the chosen year and the nine before it
 * (one pipeline: no figure is computed here from a true count), so every figure, interval and region of the
 * monitor is one a report page publishes, protected by the same cell keys. One access-log row per run.
 * The figures are computed once per data change ({@link KeptFigures}, {@link MonitorInputs}); the
 * sentences (in the caller's language) and the targets are read per request.
 */
@RequestScoped
@Transactional
public class MonitorService {

    /** The trend spans the chosen year and up to nine before it. */
    public static final int TREND_YEARS = 10;
    /** The partner types whose registrations estimate the dark number, as the dark-number page offers them. */
    static final List<String> DARK_NUMBER_LISTS = List.of("POLICE", "CARE", "NATIONAL", "KMAR");

    @Inject
    RegionalScope scope;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;

    @Inject
    Jdbc jdbc;

    @Inject
    MonitorInputs inputs;

    @Inject
    KeptFigures kept;

    @Inject
    nl.ketenzicht.reports.DisclosureThresholds thresholds;

    public MonitorView monitor(int year, String language) {
        return build(year, language, AccessEvent.Action.REPORT, "json").view();
    }

    /**
     * The same monitor as a PDF, logged as an export. Rendered once per kept figures, language and
     * targets (what the view is made of), since rendering costs more than the rest of a request.
     */
    public byte[] pdf(int year, String language) {
        Built built = build(year, language, AccessEvent.Action.EXPORT, "pdf");
        String targets = new TreeMap<>(built.targets())
                .entrySet().stream()
                        .map(t -> t.getKey() + "=" + Arrays.toString(t.getValue()))
                        .collect(Collectors.joining(","));
        return built.figures()
                .documents()
                .computeIfAbsent(language + " " + targets, k -> new MonitorPdf(built.view()).bytes());
    }

    /** A monitor and what it was made of. */
    private record Built(MonitorView view, MonitorInputs.Computed figures, Map<Integer, Long[]> targets) {}

    private Built build(int year, String language, AccessEvent.Action action, String format) {
        Years.range("year", year, year, 1);
        String unit = scope.unit();
        LocalDate today = LocalDate.now(clock);
        MonitorInputs.Computed figures =
                kept.get(new KeptFigures.Key(year, unit, today), () -> inputs.compute(year, unit, today));
        YearReports chosen = figures.years().get(year);
        Map<Integer, Long[]> targets = targets(figures.from(), year, unit);
        MonitorSections sections = new MonitorSections(
                figures.years(),
                chosen,
                unit,
                targets,
                new MonitorSentences(language, chosen.dependency().regions()));
        List<Section> list = sections.all();
        MonitorView view = new MonitorView(
                year,
                figures.from(),
                figures.closed(),
                language,
                unit,
                thresholds.k(),
                chosen.dependency().regions(),
                list,
                figures.calendar());
        log.record(new AccessEvent(
                action,
                "report:monitor",
                List.of(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                "year=" + year + (unit == null ? "" : " unit=" + unit) + " " + format,
                false));
        return new Built(view, figures, targets);
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
