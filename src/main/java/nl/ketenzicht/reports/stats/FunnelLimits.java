package nl.ketenzicht.reports.stats;

/** Funnel plot control limits (as proportions) at one denominator n. */
public record FunnelLimits(long n, double lower99_8, double lower95, double upper95, double upper99_8) {}
