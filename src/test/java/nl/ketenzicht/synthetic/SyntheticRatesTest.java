package nl.ketenzicht.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.ketenzicht.cases.CaseStatus;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.cases.TeamType;
import nl.ketenzicht.parties.PartyKind;
import nl.ketenzicht.proceedings.Decision;
import nl.ketenzicht.proceedings.Stage;
import nl.ketenzicht.proceedings.Verdict;
import org.junit.jupiter.api.Test;

/**
 * On 20,000 cases the world has the national mixes it is meant to have. Chain rates are the rates
 * of a finished course, so they are checked on the cases old enough to have run it (opened before
 * 2020); the recent ones must be less far along.
 */
class SyntheticRatesTest {

    private static final LocalDate MATURE_BEFORE = LocalDate.of(2020, 1, 1);
    private final List<SyntheticCase> cases = Worlds.large().cases();

    @Test
    void partiesPerCase() {
        assertNear(1.05, perCase(c -> c.victims().size()), 0.03, "victims per case");
        assertNear(1.24, perCase(SyntheticCase::suspectCount), 0.03, "suspects per case");
        assertNear(0.84, perCase(c -> c.clients().size()), 0.05, "clients per case");
    }

    @Test
    void originsExploitationAndTeams() {
        Map<Origin, Long> origins =
                cases.stream().collect(Collectors.groupingBy(SyntheticCase::origin, Collectors.counting()));
        double[] expected = {0.55, 0.25, 0.10, 0.07, 0.03};
        for (Origin o : Origin.values()) {
            assertNear(
                    expected[o.ordinal()],
                    origins.getOrDefault(o, 0L) / (double) cases.size(),
                    0.015,
                    "share of origin " + o);
        }
        List<SyntheticCase> sexual =
                cases.stream().filter(SyntheticCase::sexual).toList();
        assertNear(
                0.57,
                sexual.size() / (double) cases.size(),
                0.02,
                "sexual exploitation (55% first form, plus second forms)");
        assertNear(0.40, share(sexual, c -> c.teamType() == TeamType.ZEDEN), 0.02, "zeden team on sexual cases");
        assertTrue(
                cases.stream().filter(c -> !c.sexual()).allMatch(c -> c.teamType() == TeamType.AVIM), "others: AVIM");
    }

    @Test
    void suspectsGetAsFarAsTheNationalFigures() {
        List<SyntheticOffender> s = mature(PartyKind.SUSPECT);
        assertNear(1.00, share(s, o -> o.reached(Stage.IN_VIEW)), 0.0, "suspects in view");
        assertNear(0.70, share(s, o -> o.reached(Stage.OM_INFLOW)), 0.03, "suspects OM inflow");
        assertNear(
                0.50,
                share(s, o -> o.decision().filter(d -> d == Decision.SUMMONS).isPresent()),
                0.03,
                "suspects summoned");
        assertNear(
                0.40,
                share(s, o -> o.verdict().filter(v -> v == Verdict.CONVICTION).isPresent()),
                0.03,
                "suspects convicted");
        assertNear(0.20, share(s, SyntheticOffender::custody), 0.03, "suspects in custody");
        assertTrue(
                share(
                                s,
                                o -> o.decision()
                                        .filter(d -> d == Decision.PENALTY_ORDER)
                                        .isPresent())
                        > 0.02,
                "penalty orders");
        assertTrue(share(s, o -> o.verdict().filter(v -> v == Verdict.ACQUITTAL).isPresent()) > 0.03, "acquittals");
        assertTrue(
                share(
                                s,
                                o -> o.decision()
                                        .filter(d -> d.name().startsWith("SEPOT"))
                                        .isPresent())
                        > 0.05,
                "sepots");
    }

    @Test
    void clientsAreRarelyProsecuted() {
        List<SyntheticOffender> c = mature(PartyKind.CLIENT);
        assertNear(0.20, share(c, o -> o.reached(Stage.OM_INFLOW)), 0.02, "clients OM inflow");
        assertNear(
                0.08,
                share(c, o -> o.decision().filter(d -> d == Decision.SUMMONS).isPresent()),
                0.015,
                "clients summoned");
        assertNear(
                0.056,
                share(c, o -> o.verdict().filter(v -> v == Verdict.CONVICTION).isPresent()),
                0.012,
                "clients convicted");
        assertNear(0.006, share(c, SyntheticOffender::custody), 0.004, "clients in custody");
    }

    @Test
    void recentCasesAreLessFarAlongAndSomeThingsAreStillOpen() {
        List<SyntheticOffender> recent = SyntheticWorldTest.offenders(Worlds.large())
                .filter(o -> o.steps().get(0).on().getYear() == 2025)
                .toList();
        List<SyntheticOffender> old = mature(PartyKind.SUSPECT);
        assertTrue(
                share(recent, o -> o.reached(Stage.FINAL)) < 0.5 * share(old, o -> o.reached(Stage.FINAL)),
                "chains of this year are mostly unfinished");
        assertTrue(share(recent, SyntheticOffender::chainOngoing) > 0.3, "many chains of this year still run");
        assertTrue(
                share(
                                cases.stream()
                                        .filter(c -> c.openedOn().getYear() == 2025)
                                        .toList(),
                                c -> c.status() == CaseStatus.OPEN)
                        > 0.8,
                "most cases of this year are open");
        assertTrue(
                share(
                                cases.stream()
                                        .filter(c -> c.openedOn().isBefore(MATURE_BEFORE))
                                        .toList(),
                                c -> c.status() == CaseStatus.CLOSED)
                        > 0.6,
                "most old cases are closed");
        var victims = cases.stream().flatMap(c -> c.victims().stream()).toList();
        assertTrue(
                victims.stream().flatMap(v -> v.runaways().stream()).anyMatch(r -> r.foundOn() == null),
                "some runaways not found yet");
        assertTrue(
                victims.stream().flatMap(v -> v.referrals().stream()).anyMatch(r -> r.startedOn() == null),
                "some referrals still waiting");
        assertTrue(victims.stream()
                .flatMap(v -> v.aangifte().stream())
                .anyMatch(a -> a.psychologistAdvised() != nl.ketenzicht.parties.PsychologistAdvice.NONE));
    }

    @Test
    void regionsAreSkewedAndCasesGrowMildly() {
        Map<String, Long> units = cases.stream()
                .collect(Collectors.groupingBy(c -> c.municipality().policeUnit(), Collectors.counting()));
        assertNear(
                2.2,
                units.get("RDM") / (double) units.get("LB"),
                0.3,
                "largest unit (Rotterdam) against the smallest (Limburg)");
        Map<String, Long> amsterdam = cases.stream()
                .filter(c -> c.municipality().policeUnit().equals("AMS"))
                .collect(Collectors.groupingBy(c -> c.municipality().code(), Collectors.counting()));
        assertTrue(
                amsterdam.get("GM0363")
                        > 0.3 * amsterdam.values().stream().mapToLong(x -> x).sum(),
                "the city leads its unit");
        long first = cases.stream().filter(c -> c.openedOn().getYear() == 2015).count();
        long last = cases.stream().filter(c -> c.openedOn().getYear() == 2024).count();
        assertNear(Math.pow(1.04, 9), last / (double) first, 0.2, "4% growth a year");
    }

    private List<SyntheticOffender> mature(PartyKind kind) {
        return cases.stream()
                .filter(c -> c.openedOn().isBefore(MATURE_BEFORE))
                .flatMap(c -> (kind == PartyKind.SUSPECT ? c.suspects() : c.clients()).stream())
                .toList();
    }

    private double perCase(java.util.function.ToIntFunction<SyntheticCase> f) {
        return cases.stream().mapToInt(f).sum() / (double) cases.size();
    }

    private static <T> double share(List<T> items, Predicate<T> p) {
        return items.stream().filter(p).count() / (double) items.size();
    }

    private static void assertNear(double expected, double actual, double tolerance, String what) {
        assertEquals(
                expected,
                actual,
                tolerance + 1e-9,
                what + ": expected " + expected + " ± " + tolerance + ", was " + actual);
    }
}
