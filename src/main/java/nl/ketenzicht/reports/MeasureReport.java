package nl.ketenzicht.reports;

import java.util.List;
import java.util.Map;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.ReportViews.RegionalReport;

/**
 * Measures 4–6: sections that each have the shape of a {@link RegionalReport} (regions × categories,
 * national row, Wilson rates, funnel plot or null) and Kaplan–Meier rows shaped as in
 * {@link ThroughputReport} (a region's people and events are the totals published in a section).
 */
public record MeasureReport(
        String measure,
        Map<String, String> cut,
        int k,
        List<RegionRef> regions,
        List<RegionalReport> sections,
        List<ThroughputReport.View> survival) {}
