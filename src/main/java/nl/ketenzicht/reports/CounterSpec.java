package nl.ketenzicht.reports;

import java.util.List;

/**
 * What {@link RegionalReportBuilder} needs of a table of counters: the counters (one regions ×
 * categories table each), the shares and conversions to compute, the rate of the funnel plot and the
 * ratio (both optional: null). Implemented by {@link Measure} and by the sections of measures 4–6.
 */
public interface CounterSpec {

    String name();

    List<String> categories();

    List<String> metrics();

    List<String> shares();

    List<Measure.Rate> conversions();

    Measure.Rate funnelRate();

    Measure.Rate ratio();

    /** A section of a report; categories such as reasons may be multi-valued, then it has no shares. */
    record Section(
            String name,
            List<String> categories,
            List<String> metrics,
            List<String> shares,
            List<Measure.Rate> conversions,
            Measure.Rate funnelRate,
            Measure.Rate ratio)
            implements CounterSpec {}
}
