package nl.ketenzicht.reports.aggregates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Specializes;
import nl.ketenzicht.care.CareChanged;
import nl.ketenzicht.cases.CaseChanged;
import nl.ketenzicht.parties.PartyChanged;
import nl.ketenzicht.proceedings.ChainChanged;

/**
 * Benchmark only, never in the application's WAR: bench/case-create.sh adds these classes to a copy
 * of the WAR to measure what keeping the report aggregates costs a case writer. It specializes the
 * aggregates' entry (which disables it) and overrides its observer methods without {@code @Observes},
 * so no aggregate or fact row is written.
 */
public final class NoAggregates {

    private NoAggregates() {}

    @Specializes
    @ApplicationScoped
    public static class NoCounters extends ReportAggregates {
        @Override
        void onCase(CaseChanged e) {
            // not counted
        }

        @Override
        void onParty(PartyChanged e) {
            // not counted
        }

        @Override
        void onChain(ChainChanged e) {
            // not counted
        }

        @Override
        void onCare(CareChanged e) {
            // no facts
        }
    }
}
