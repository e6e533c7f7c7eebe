package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.cases.CaseStatus;
import nl.ketenzicht.proceedings.Proceedings;
import nl.ketenzicht.proceedings.Stage;
import nl.ketenzicht.reports.stats.AalenJohansen;
import nl.ketenzicht.reports.stats.CompetingObservation;
import nl.ketenzicht.reports.stats.KaplanMeier;
import nl.ketenzicht.reports.stats.SurvivalObservation;
import nl.ketenzicht.synthetic.Spec;
import nl.ketenzicht.synthetic.SyntheticCase;
import nl.ketenzicht.synthetic.SyntheticOffender;
import nl.ketenzicht.synthetic.SyntheticWorld;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, point 3, on the demo's own data (the seeder's world: seed 2015, 2,000 cases from 2015):
 * suspects in closed cases who never reached OM inflow used to stay at risk until today; now each
 * one leaves the risk set on the day its case closed, as a competing ending (or censored when the
 * case was transferred or merged), and the cumulative incidence lies below 1 − Kaplan–Meier.
 */
class ThroughputDemoTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void closedChainsNoLongerSitAtRisk() {
        List<SyntheticCase> cases =
                SyntheticWorld.generate(2015, Spec.demo(2000, 2015, TODAY)).cases();
        List<CompetingObservation> observations = new ArrayList<>();
        int closedShort = 0;
        for (SyntheticCase c : cases) {
            for (SyntheticOffender s : c.suspects()) {
                ChainFact fact = fact(c, s);
                var o = Interval.IN_VIEW_TO_OM_INFLOW.observe(fact, TODAY);
                o.ifPresent(observations::add);
                if (o.isEmpty() || fact.omInflowOn() != null || c.status() != CaseStatus.CLOSED) {
                    continue;
                }
                closedShort++;
                long untilClosed = Math.max(0, ChronoUnit.DAYS.between(fact.inViewOn(), c.closedOn()));
                assertEquals(untilClosed, o.get().time(), "leaves the risk set on the closing day, not today");
                assertNotEquals(CompetingObservation.Outcome.EVENT, o.get().outcome());
                assertEquals(
                        Interval.LEFT_THE_RECORD.contains(c.closingReason()),
                        o.get().outcome() == CompetingObservation.Outcome.CENSORED,
                        c.closingReason()
                                + ": only a transfer or merger is censored; any other closing ends the chain");
            }
        }
        assertTrue(closedShort > 300, "the demo has hundreds of closed chains short of OM inflow: " + closedShort);
        long competing = observations.stream()
                .filter(o -> o.outcome() == CompetingObservation.Outcome.COMPETING)
                .count();
        assertTrue(competing > 200, "most of them are competing endings: " + competing);

        // Treating those endings as censoring (1 − KM) overstates the share that reaches OM inflow.
        double cif = AalenJohansen.fit(observations).at(365).orElseThrow().incidence();
        double naive = 1
                - KaplanMeier.fit(observations.stream()
                                .map(o -> new SurvivalObservation(o.time(), o.isEvent()))
                                .toList())
                        .survivalAt(365);
        assertTrue(cif < naive, "CIF(365) " + cif + " < 1 − KM(365) " + naive);
        assertTrue(cif > 0.3 && cif < 0.95, "a plausible share reaches OM inflow within a year: " + cif);
    }

    private static ChainFact fact(SyntheticCase c, SyntheticOffender s) {
        return new ChainFact(
                on(s, Stage.IN_VIEW),
                on(s, Stage.OM_INFLOW),
                on(s, Stage.OM_DECISION),
                s.decision().map(Enum::name).orElse(null),
                on(s, Stage.VERDICT),
                c.closedOn(),
                c.closingReason());
    }

    private static LocalDate on(SyntheticOffender s, Stage stage) {
        return s.step(stage).map(Proceedings.Step::on).orElse(null);
    }
}
