package nl.ketenzicht.monitor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.ketenzicht.linkage.EstimateRequests;
import nl.ketenzicht.linkage.EstimateRequests.EstimateRequest;
import nl.ketenzicht.linkage.EstimateViews.Estimate;
import nl.ketenzicht.linkage.MseService;
import nl.ketenzicht.monitor.MonitorViews.CalendarYear;
import nl.ketenzicht.reports.Interval;
import nl.ketenzicht.reports.Measure;
import nl.ketenzicht.reports.MeasureReportService;
import nl.ketenzicht.reports.MeasureReportService.Kind;
import nl.ketenzicht.reports.ReportRequest;
import nl.ketenzicht.reports.ReportService;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Years;

/**
 * Computes the published figures of one monitor (the chosen year and up to nine before it) from the
 * reports' own pipelines, in a transaction of its own: {@link KeptFigures} reads its generation before
 * this transaction takes its snapshot. Everything here depends on the year, the caller's unit and
 * today's date only, never on the language (the sentences are written per request).
 */
@RequestScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class MonitorInputs {

    /**
     * The years' reports, the first year of the trend, whether the year is closed, its calendar-year figures;
     * {@code documents}: the PDFs rendered from them, by language and targets ({@link MonitorService#pdf}).
     */
    record Computed(
            int from,
            boolean closed,
            Map<Integer, YearReports> years,
            CalendarYear calendar,
            Map<String, byte[]> documents) {}

    @Inject
    ReportService reports;

    @Inject
    MeasureReportService measures;

    @Inject
    MseService darkNumber;

    @Inject
    CalendarYearFigures calendar;

    @Inject
    VictimFactFigures victimFacts;

    @Inject
    ContextOutcomes context;

    @Inject
    Jdbc jdbc;

    /** Ten years of reports from the base aggregates, once per data change: a long read at a million cases. */
    public Computed compute(int year, String unit, LocalDate today) {
        try {
            return jdbc.longRead(c -> computeOnOneConnection(year, unit, today));
        } catch (SQLException e) {
            throw new IllegalStateException("The monitor could not be computed", e);
        }
    }

    private Computed computeOnOneConnection(int year, String unit, LocalDate today) {
        int from = Math.max(Years.MIN, year - MonitorService.TREND_YEARS + 1);
        Map<Integer, YearReports> years = new TreeMap<>();
        ContextOutcomes.Fte fte = context.fte(from, year);
        for (int y = from; y <= year; y++) {
            years.put(y, read(y, unit, y == year, fte));
        }
        YearReports chosen = years.get(year);
        boolean closed = year < today.getYear();
        CalendarYear calendarYear = calendar.read(
                year,
                unit,
                closed,
                chosen.dependency(),
                Figures.section(chosen.victims(), "VICTIMS_AANGIFTE").orElse(null));
        return new Computed(
                from,
                closed,
                java.util.Collections.unmodifiableMap(years),
                calendarYear,
                new java.util.concurrent.ConcurrentHashMap<>());
    }

    private YearReports read(int year, String unit, boolean chosen, ContextOutcomes.Fte fte) {
        Map<String, List<String>> query = Map.of("year", List.of(Integer.toString(year)));
        ReportRequest request = ReportRequest.parse(query);
        Optional<Estimate> national = darkNumber.quietEstimate(new EstimateRequest(
                EstimateRequests.Period.ofYear(year), null, MonitorService.DARK_NUMBER_LISTS, null));
        Map<String, Optional<Estimate>> byUnit = new LinkedHashMap<>();
        var dependency =
                reports.compute(Measure.DEPENDENCY, request); // once: its regions, its figures and the calendar's
        if (chosen) {
            for (RegionRef r : dependency.regions()) {
                byUnit.put(
                        r.code(),
                        darkNumber.quietEstimate(new EstimateRequest(
                                EstimateRequests.Period.ofYear(year),
                                r.code(),
                                MonitorService.DARK_NUMBER_LISTS,
                                null)));
            }
        } else if (unit != null) {
            byUnit.put(
                    unit,
                    darkNumber.quietEstimate(new EstimateRequest(
                            EstimateRequests.Period.ofYear(year), unit, MonitorService.DARK_NUMBER_LISTS, null)));
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
}
