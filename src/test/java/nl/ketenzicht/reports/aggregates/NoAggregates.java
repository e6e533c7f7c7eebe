package nl.ketenzicht.reports.aggregates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Specializes;
import nl.ketenzicht.care.CareService;
import nl.ketenzicht.cases.CaseService;
import nl.ketenzicht.parties.PartyService;
import nl.ketenzicht.proceedings.ProceedingsService;

/**
 * Benchmark only, never in the application's WAR: bench/case-create.sh adds these classes to a copy
 * of the WAR to measure what keeping the report aggregates costs a case writer. Each specializes an
 * observer (which disables it) and overrides its observer methods without {@code @Observes}, so no
 * aggregate or fact row is written.
 */
public final class NoAggregates {

    private NoAggregates() {
    }

    @Specializes
    @ApplicationScoped
    public static class NoCounters extends AggregateObserver {
        @Override
        void onCase(CaseService.CaseChanged e) {
            // not counted
        }

        @Override
        void onParty(PartyService.PartyChanged e) {
            // not counted
        }

        @Override
        void onChain(ProceedingsService.ChainChanged e) {
            // not counted
        }
    }

    @Specializes
    @ApplicationScoped
    public static class NoVictimFacts extends VictimFactObserver {
        @Override
        void onCase(CaseService.CaseChanged e) {
            // no facts
        }

        @Override
        void onParty(PartyService.PartyChanged e) {
            // no facts
        }

        @Override
        void onCare(CareService.CareChanged e) {
            // no facts
        }
    }
}
