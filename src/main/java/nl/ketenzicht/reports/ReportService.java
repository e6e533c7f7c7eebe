package nl.ketenzicht.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.ReportViews.RegionalReport;

/**
 * Runs the regional comparison reports from the maintained counters. A regional coordinator gets
 * only their own regions next to the national figure ({@link RegionalScope}); every run and export is logged.
 */
@RequestScoped
@Transactional
public class ReportService {

    @Inject
    ReportPipeline pipeline;

    @Inject
    RegionalScope scope;

    @Inject
    java.time.Clock clock;

    public RegionalReport report(Measure measure, ReportRequest request) {
        RegionalReport report = run(measure, request, null);
        log(AccessEvent.Action.REPORT, measure, request, "json");
        return report;
    }

    /** The same report with the publication threshold, optionally narrowed to one region (print view). */
    public RegionalReport forExport(Measure measure, ReportRequest request, String region, String format) {
        RegionalReport report = run(measure, request, region);
        log(AccessEvent.Action.EXPORT, measure, request, format + (region == null ? "" : " region=" + region));
        return report;
    }

    /** The report without an access-log row of its own, for a page that logs its whole run once (the monitor). */
    public RegionalReport compute(Measure measure, ReportRequest request) {
        return run(measure, request, null);
    }

    /** Measure 3 without an access-log row of its own (see {@link #compute}). */
    public ThroughputIncidence.View computeThroughput(Interval interval, ReportRequest request) {
        return throughput(interval, request, null);
    }

    /** Measure 3: cumulative incidence of the next chain stage (competing risks), open chains censored at today. */
    public ThroughputIncidence.View throughput(Interval interval, ReportRequest request) {
        ThroughputIncidence.View view = throughput(interval, request, null);
        pipeline.logged(AccessEvent.Action.REPORT, "throughput", request.describe() + " " + interval);
        return view;
    }

    /** The same with the publication threshold, optionally narrowed to one region (print view). */
    public ThroughputIncidence.View throughputForExport(
            Interval interval, ReportRequest request, String region, String format) {
        ThroughputIncidence.View view = throughput(interval, request, region);
        pipeline.logged(
                AccessEvent.Action.EXPORT,
                "throughput",
                request.describe() + " " + interval + " " + format + (region == null ? "" : " region=" + region));
        return view;
    }

    private ThroughputIncidence.View throughput(Interval interval, ReportRequest request, String region) {
        return pipeline.run("throughput", (c, k) -> {
            List<RegionRef> regions = RegionDirectory.regions(c, request.level());
            var observed = ThroughputFacts.read(c, interval, request, java.time.LocalDate.now(clock));
            return ThroughputIncidence.build(
                    interval,
                    request.describe(),
                    regions,
                    visible(c, request.level(), regions, region),
                    observed.byRegion(),
                    observed.byRow(),
                    k,
                    pipeline.thresholds().medianMinEvents());
        });
    }

    /** The words of an export or print view, in the language asked for ({@code lang}, else Accept-Language, else Dutch). */
    public ReportLabels labels(
            jakarta.ws.rs.core.MultivaluedMap<String, String> query, jakarta.ws.rs.core.HttpHeaders headers) {
        return pipeline.labels(query, headers);
    }

    private RegionalReport run(Measure measure, ReportRequest request, String region) {
        return pipeline.run(measure.name(), (c, k) -> {
            List<RegionRef> regions = RegionDirectory.regions(c, request.level());
            Set<String> visible = visible(c, request.level(), regions, region);
            Map<String, Map<String, FunnelCounts.Counted>> counts = FunnelCounts.read(c, measure, request);
            return new RegionalReportBuilder(measure, regions, visible, k).build(request, counts);
        });
    }

    private Set<String> visible(Connection c, ReportRequest.Level level, List<RegionRef> regions, String region)
            throws SQLException {
        return region == null ? scope.visible(c, level, regions) : scope.only(c, level, regions, region);
    }

    private void log(AccessEvent.Action action, Measure measure, ReportRequest request, String detail) {
        pipeline.logged(action, measure.name().toLowerCase(), request.describe() + " " + detail);
    }
}
