package nl.ketenzicht.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.ketenzicht.reports.stats.CompetingObservation;

/**
 * A throughput time between two chain stages of a suspect (measure 3), as competing risks. Everyone
 * who reached the first stage counts, and ends in one of three ways:
 * <ul>
 * <li><b>event</b>: the second stage is recorded, on its day (whatever else happened);</li>
 * <li><b>competing ending</b>: the chain ended without it, on the earliest day it ended: the case was
 * closed (any reason but {@link #LEFT_THE_RECORD}); for OM inflow → verdict also an OM decision other
 * than a summons: sepot (technical or policy), strafbeschikking and transactie end the case, and after
 * voeging (joinder) this chain can never reach a verdict, since a verdict needs a summons
 * (VERDICT_NEEDS_SUMMONS);</li>
 * <li><b>censored</b>: the case was closed as transferred or merged into another case (the chain goes
 * on outside this record: lost to follow-up, not ended), on the closing day; else still open, today.</li>
 * </ul>
 * An acquittal or discharge is a verdict, the last stage any interval reaches, so it never comes
 * before one; no other stage can end a chain. A day before the first stage counts as day 0.
 */
public enum Interval {
    IN_VIEW_TO_OM_INFLOW("in_view_on", ChainFact::inViewOn, ChainFact::omInflowOn, false),
    OM_INFLOW_TO_DECISION("om_inflow_on", ChainFact::omInflowOn, ChainFact::decisionOn, false),
    OM_INFLOW_TO_VERDICT("om_inflow_on", ChainFact::omInflowOn, ChainFact::verdictOn, true);

    /** Closing reasons after which the chain continues elsewhere: censored, not ended. */
    static final Set<String> LEFT_THE_RECORD = Set.of("TRANSFERRED", "MERGED");

    /** The party-fact column of the first stage: who has it is at risk. */
    final String startColumn;

    private final Function<ChainFact, LocalDate> from;
    private final Function<ChainFact, LocalDate> to;
    private final boolean anyDecisionButSummonsEnds;

    Interval(
            String startColumn,
            Function<ChainFact, LocalDate> from,
            Function<ChainFact, LocalDate> to,
            boolean anyDecisionButSummonsEnds) {
        this.startColumn = startColumn;
        this.from = from;
        this.to = to;
        this.anyDecisionButSummonsEnds = anyDecisionButSummonsEnds;
    }

    /** The observation of one suspect, or empty when the first stage was not reached. */
    public Optional<CompetingObservation> observe(ChainFact f, LocalDate today) {
        LocalDate start = from.apply(f);
        if (start == null) {
            return Optional.empty();
        }
        if (to.apply(f) != null) {
            return Optional.of(CompetingObservation.event(days(start, to.apply(f))));
        }
        Optional<LocalDate> ended = Stream.of(endingDecision(f), endingClosure(f))
                .filter(d -> d != null)
                .min(LocalDate::compareTo);
        if (ended.isPresent()) {
            return Optional.of(CompetingObservation.competing(days(start, ended.get())));
        }
        LocalDate lastSeen = f.caseClosedOn() != null ? f.caseClosedOn() : today;
        return Optional.of(CompetingObservation.censored(days(start, lastSeen)));
    }

    private LocalDate endingDecision(ChainFact f) {
        return anyDecisionButSummonsEnds && f.decision() != null && !"SUMMONS".equals(f.decision())
                ? f.decisionOn()
                : null;
    }

    private static LocalDate endingClosure(ChainFact f) {
        return f.caseClosedOn() != null && !LEFT_THE_RECORD.contains(f.caseClosingReason()) ? f.caseClosedOn() : null;
    }

    private static double days(LocalDate start, LocalDate end) {
        return Math.max(0, ChronoUnit.DAYS.between(start, end));
    }
}
