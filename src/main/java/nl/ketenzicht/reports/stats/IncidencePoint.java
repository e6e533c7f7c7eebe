package nl.ketenzicht.reports.stats;

import java.util.OptionalDouble;

/**
 * The Aalen–Johansen estimate just after {@code time}: subjects at risk, events, competing endings
 * and censorings at that time; the cumulative incidence of the event F(t), of the competing ending
 * F2(t) and the share still on its way S(t) (F + F2 + S = 1); the delta-method variance of F(t) and
 * its pointwise 95% interval on the log(−log(1 − F)) scale, empty where F(t) is 0 or 1.
 */
public record IncidencePoint(
        double time,
        int atRisk,
        int events,
        int competing,
        int censored,
        double incidence,
        double competingIncidence,
        double survival,
        double variance,
        OptionalDouble lower,
        OptionalDouble upper) {}
