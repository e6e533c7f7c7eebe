package nl.ketenzicht.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.shared.openapi.PathValues;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Runs measures 4 (victims), 5 (runaways) and 6 (care) with the same scoping, thresholds and access
 * logging as {@link ReportService}: a regional coordinator gets only their own regions (at municipality
 * level: their own unit's municipalities) next to the national figure ({@link RegionalScope}).
 */
@RequestScoped
@Transactional
public class MeasureReportService {

    /** The measures this service runs: their path under {@code reports/} and the words that describe them. */
    public enum Kind implements PathValues.Value {
        VICTIMS("Measure 4, victims: aangifte rate, hearings with a recherchepsycholoog, reasons for not reporting,"
                + " vulnerability profile, recruitment channels."),
        RUNAWAYS("Measure 5, runaways: episodes, victimisation during the episode, Kaplan–Meier days to report missing"
                + " and to find (not yet found censored)."),
        CARE(
                "Measure 6, care: referrals per care type, Kaplan–Meier days from referral to start (still waiting censored).");

        private final String summary;

        Kind(String summary) {
            this.summary = summary;
        }

        @Override
        public String path() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String summary() {
            return summary;
        }

        /** The measure of a path segment; the resource's path admits no other. */
        static Kind of(String path) {
            return valueOf(path.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Inject
    ReportPipeline pipeline;

    @Inject
    RegionalScope scope;

    @Inject
    Clock clock;

    public MeasureReport report(Kind kind, Map<String, List<String>> query) {
        VictimCut cut = VictimCut.parse(ReportLabels.cutOf(query));
        MeasureReport report = run(kind, cut);
        log(AccessEvent.Action.REPORT, kind, cut, "json");
        return report;
    }

    /** The report without an access-log row of its own, for a page that logs its whole run once (the monitor). */
    public MeasureReport compute(Kind kind, Map<String, List<String>> query) {
        return run(kind, VictimCut.parse(ReportLabels.cutOf(query)));
    }

    public MeasureReport forExport(Kind kind, Map<String, List<String>> query, String format) {
        VictimCut cut = VictimCut.parse(ReportLabels.cutOf(query));
        MeasureReport report = run(kind, cut);
        log(AccessEvent.Action.EXPORT, kind, cut, format);
        return report;
    }

    /** The words of an export, in the language asked for ({@code lang}, else Accept-Language, else Dutch). */
    public ReportLabels labels(
            jakarta.ws.rs.core.MultivaluedMap<String, String> query, jakarta.ws.rs.core.HttpHeaders headers) {
        return pipeline.labels(query, headers);
    }

    private MeasureReport run(Kind kind, VictimCut cut) {
        scope.requireUnit(cut.municipalitiesOf());
        return pipeline.run(kind.name(), (c, k) -> {
            List<RegionRef> regions = cut.byMunicipality()
                    ? RegionDirectory.municipalities(c, cut.municipalitiesOf())
                    : RegionDirectory.regions(c, cut.base().level());
            if (regions.isEmpty()) {
                throw ProblemException.invalid(
                        "unit", MessageCode.UNKNOWN_POLICE_UNIT, "No police unit " + cut.municipalitiesOf() + ".");
            }
            VictimMeasures m = new VictimMeasures(c, cut, regions, visible(c, cut, regions), k);
            LocalDate today = LocalDate.now(clock);
            return switch (kind) {
                case VICTIMS -> m.victims();
                case RUNAWAYS -> m.runaways(today);
                case CARE -> m.care(today);
            };
        });
    }

    private Set<String> visible(Connection c, VictimCut cut, List<RegionRef> regions) throws SQLException {
        if (cut.byMunicipality()) {
            return regions.stream()
                    .map(RegionRef::code)
                    .filter(code -> !code.equals(RegionDirectory.REST))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return scope.visible(c, cut.base().level(), regions);
    }

    private void log(AccessEvent.Action action, Kind kind, VictimCut cut, String detail) {
        pipeline.logged(action, kind.path(), cut.describe() + " " + detail);
    }
}
