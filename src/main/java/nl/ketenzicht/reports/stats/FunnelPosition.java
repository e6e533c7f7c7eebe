package nl.ketenzicht.reports.stats;

/** Where a region's rate falls relative to the funnel control limits at its denominator. */
public enum FunnelPosition {
    BELOW_99_8,
    BELOW_95,
    WITHIN,
    ABOVE_95,
    ABOVE_99_8
}
