package nl.ketenzicht.monitor;

import java.util.Map;
import java.util.Optional;
import nl.ketenzicht.linkage.EstimateViews.Estimate;
import nl.ketenzicht.reports.MeasureReport;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import nl.ketenzicht.reports.ThroughputIncidence;

/**
 * The published reports of one year that the monitor reads its figures from: measures 1–6 as their pages
 * publish them, and the dark number nationally and for the caller's unit (by unit for the chosen year); the
 * investigators' FTE of the trend's years and, for the chosen year only, the groups measure 7 compares.
 */
record YearReports(
        int year,
        RegionalReport dependency,
        RegionalReport clients,
        ThroughputIncidence.View throughput,
        MeasureReport victims,
        MeasureReport runaways,
        MeasureReport care,
        Optional<Estimate> darkNational,
        Map<String, Optional<Estimate>> darkByUnit,
        VictimFactFigures.Published victimFacts,
        ContextOutcomes.Fte fte,
        ContextOutcomes.Groups groups) {}
