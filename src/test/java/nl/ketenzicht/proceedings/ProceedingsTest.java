package nl.ketenzicht.proceedings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import org.junit.jupiter.api.Test;

class ProceedingsTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private final List<ChainEvent> events = new ArrayList<>();

    private Proceedings chain() {
        return new Proceedings(1L, events);
    }

    private void add(Stage stage, String on, Decision d, Verdict v, Sentence s) {
        events.add(chain().record(new Proceedings.Step(stage, LocalDate.parse(on), d, v, s), NOW));
    }

    private void add(Stage stage, String on) {
        add(stage, on, null, null, null);
    }

    private static String refusal(Runnable r) {
        return assertThrows(DomainRuleViolation.class, r::run).rule();
    }

    @Test
    void aFullChainIsAccepted() {
        add(Stage.IN_VIEW, "2023-01-01");
        add(Stage.OM_INFLOW, "2023-02-01");
        add(Stage.OM_DECISION, "2023-03-01", Decision.SUMMONS, null, null);
        add(Stage.VERDICT, "2023-09-01", null, Verdict.CONVICTION, null);
        add(Stage.SENTENCE, "2023-09-01", null, null, new Sentence(100, 0, 0, 0, null));
        add(Stage.APPEAL, "2023-10-01");
        add(Stage.FINAL, "2024-05-01");
        assertEquals(7, chain().events().size());
    }

    @Test
    void noVerdictBeforeOmInflow() {
        add(Stage.IN_VIEW, "2023-01-01");
        assertEquals(
                "VERDICT_NEEDS_OM_INFLOW",
                refusal(() -> add(Stage.VERDICT, "2023-02-01", null, Verdict.CONVICTION, null)));
    }

    @Test
    void noVerdictWithoutSummons() {
        add(Stage.IN_VIEW, "2023-01-01");
        add(Stage.OM_INFLOW, "2023-02-01");
        add(Stage.OM_DECISION, "2023-03-01", Decision.SEPOT_POLICY, null, null);
        assertEquals(
                "VERDICT_NEEDS_SUMMONS",
                refusal(() -> add(Stage.VERDICT, "2023-04-01", null, Verdict.CONVICTION, null)));
    }

    @Test
    void noSentenceWithoutConviction() {
        add(Stage.IN_VIEW, "2023-01-01");
        add(Stage.OM_INFLOW, "2023-02-01");
        add(Stage.OM_DECISION, "2023-03-01", Decision.SUMMONS, null, null);
        add(Stage.VERDICT, "2023-09-01", null, Verdict.ACQUITTAL, null);
        assertEquals(
                "SENTENCE_NEEDS_CONVICTION",
                refusal(() -> add(Stage.SENTENCE, "2023-09-01", null, null, new Sentence(10, 0, 0, 0, null))));
    }

    @Test
    void datesNeverGoBackwards() {
        add(Stage.IN_VIEW, "2023-05-01");
        assertEquals("CHAIN_DATE_BEFORE_PREVIOUS", refusal(() -> add(Stage.OM_INFLOW, "2023-04-30")));
    }

    @Test
    void omInflowNeedsThePoliceFirst() {
        assertEquals("OM_INFLOW_NEEDS_IN_VIEW", refusal(() -> add(Stage.OM_INFLOW, "2023-04-30")));
    }

    @Test
    void eachStageOnce() {
        add(Stage.IN_VIEW, "2023-05-01");
        assertEquals("IN_VIEW_ONCE", refusal(() -> add(Stage.IN_VIEW, "2023-06-01")));
    }

    @Test
    void fieldsBelongToTheirStage() {
        add(Stage.IN_VIEW, "2023-05-01");
        assertEquals(
                "DECISION_NOT_FOR_STAGE",
                refusal(() -> add(Stage.OM_INFLOW, "2023-06-01", Decision.SUMMONS, null, null)));
        add(Stage.OM_INFLOW, "2023-06-01");
        assertEquals("DECISION_REQUIRED", refusal(() -> add(Stage.OM_DECISION, "2023-06-02")));
    }

    @Test
    void anEmptySentenceIsRefused() {
        add(Stage.IN_VIEW, "2023-01-01");
        add(Stage.OM_INFLOW, "2023-02-01");
        add(Stage.OM_DECISION, "2023-03-01", Decision.SUMMONS, null, null);
        add(Stage.VERDICT, "2023-09-01", null, Verdict.CONVICTION, null);
        assertEquals(
                "SENTENCE_EMPTY",
                refusal(() ->
                        add(Stage.SENTENCE, "2023-09-01", null, null, new Sentence(0, null, null, null, "NONE"))));
    }

    @Test
    void finalNeedsAnOutcome() {
        add(Stage.IN_VIEW, "2023-01-01");
        add(Stage.OM_INFLOW, "2023-02-01");
        assertEquals("FINAL_NEEDS_OUTCOME", refusal(() -> add(Stage.FINAL, "2023-03-01")));
        add(Stage.OM_DECISION, "2023-03-01", Decision.PENALTY_ORDER, null, null);
        add(Stage.FINAL, "2023-04-01");
    }

    @Test
    void onlyTheLatestStepCanBeWithdrawn() {
        add(Stage.IN_VIEW, "2023-01-01");
        add(Stage.OM_INFLOW, "2023-01-01");
        ChainEvent first = events.get(0);
        assertEquals("CHAIN_DELETE_NOT_LAST", refusal(() -> chain().withdraw(first)));
        chain().withdraw(events.get(1));
    }
}
