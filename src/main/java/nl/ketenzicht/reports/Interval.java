package nl.ketenzicht.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * A throughput time between two chain stages of a suspect (measure 3). Everyone who reached the
 * first stage counts: who has not reached the second yet is censored at today; who can no longer
 * reach it (an OM decision that ends the case before a verdict) is censored at that decision.
 */
public enum Interval {
    IN_VIEW_TO_OM_INFLOW("in_view_on", "om_inflow_on", false),
    OM_INFLOW_TO_DECISION("om_inflow_on", "decision_on", false),
    OM_INFLOW_TO_VERDICT("om_inflow_on", "verdict_on", true);

    /** Decisions after which no court verdict follows. */
    private static final Set<String> CONTINUING = Set.of("SUMMONS", "JOINDER");

    final String fromColumn;
    final String toColumn;
    private final boolean endsAtDecision;

    Interval(String fromColumn, String toColumn, boolean endsAtDecision) {
        this.fromColumn = fromColumn;
        this.toColumn = toColumn;
        this.endsAtDecision = endsAtDecision;
    }

    /** Days to the event, or to censoring (negative times cannot occur: chain dates never go back). */
    public Optional<nl.ketenzicht.reports.stats.SurvivalObservation> observe(LocalDate from, LocalDate to, String decision,
                                                                             LocalDate decisionOn, LocalDate today) {
        if (from == null) {
            return Optional.empty();
        }
        if (to != null) {
            return Optional.of(nl.ketenzicht.reports.stats.SurvivalObservation.event(ChronoUnit.DAYS.between(from, to)));
        }
        LocalDate end = endsAtDecision && decision != null && !CONTINUING.contains(decision) ? decisionOn : today;
        return Optional.of(nl.ketenzicht.reports.stats.SurvivalObservation.censored(Math.max(0, ChronoUnit.DAYS.between(from, end))));
    }
}
