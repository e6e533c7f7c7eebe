package nl.ketenzicht.reports.stats;

import java.util.OptionalDouble;

/**
 * The Kaplan-Meier estimate just after {@code time}: subjects at risk, events and censorings at that
 * time, survival S(t), the standard error of log S(t) (Greenwood), the Greenwood variance of S(t)
 * itself, and the pointwise 95% interval on the log scale (R survfit's default
 * {@code conf.type = "log"}, upper limit capped at 1). Once S(t) = 0 the standard error, variance
 * and interval are undefined and therefore empty, as R reports NA.
 */
public record SurvivalPoint(
        double time,
        int atRisk,
        int events,
        int censored,
        double survival,
        OptionalDouble stdErrLogSurvival,
        OptionalDouble greenwoodVariance,
        OptionalDouble lower,
        OptionalDouble upper) {}
