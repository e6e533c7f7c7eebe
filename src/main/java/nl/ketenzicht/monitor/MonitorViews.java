package nl.ketenzicht.monitor;

import java.util.List;
import nl.ketenzicht.reports.ReportViews.FunnelPlotView;
import nl.ketenzicht.reports.ReportViews.RegionRef;

/**
 * What the monitor returns: one section per concern of the programme, each drawn from the published
 * figures of the reports (the same cells, the same perturbation), so the page, its PDF and the
 * report pages always agree.
 */
public final class MonitorViews {

    private MonitorViews() {}

    /**
     * The monitor for one year. {@code unit}: the regional coordinator's police unit (null for a national
     * one); {@code yearClosed}: whether the year lies before today's year (its figures by opening date still
     * change when cases are added late; see {@link CalendarYear}).
     */
    public record MonitorView(
            int year,
            int fromYear,
            boolean yearClosed,
            String language,
            String unit,
            int k,
            List<RegionRef> regions,
            List<Section> sections,
            CalendarYear calendar) {}

    /**
     * One concern: the figure for the year (national, and the unit's for a regional coordinator), the
     * trend, the regions compared, the target where one exists, parts (a breakdown), one generated
     * sentence and what the figure cannot tell.
     */
    public record Section(
            String id,
            String kind,
            Figure national,
            Figure unit,
            Long target,
            List<TrendPoint> trend,
            List<RegionFigure> regions,
            FunnelPlotView funnelPlot,
            List<Part> parts,
            String sentence,
            String cannotTell) {}

    /**
     * A figure with its 95% interval; value null when it is withheld or there is none. Rates carry the
     * published counts they come from (numerator/denominator), counts their Poisson interval, days the
     * Kaplan–Meier median's interval, the dark number the observed and the estimated population.
     */
    public record Figure(Double value, Double lower, Double upper, Long numerator, Long denominator) {

        public static final Figure NONE = new Figure(null, null, null, null, null);

        public boolean present() {
            return value != null;
        }
    }

    public record TrendPoint(int year, Figure national, Figure unit, Long target) {}

    public record RegionFigure(String region, Figure figure) {}

    /** A part of the section's figure (an origin, a team, a marker) with its own kind. */
    public record Part(String id, String kind, Figure national, Figure unit) {}

    /**
     * Counts of events in the year they happened, beside the same stages counted by the year the case was
     * opened; {@code final} is false while the year is open (events still to come are added to it).
     */
    public record CalendarYear(int year, boolean fixed, List<CalendarRow> rows) {}

    public record CalendarRow(
            String event, Figure byEventYear, Figure byOpeningYear, Figure unitByEventYear, Figure unitByOpeningYear) {}
}
