package nl.ketenzicht.proceedings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ketenzicht.shared.problem.DomainRuleViolation;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * The chain of one suspect or client, and its rules: police → OM inflow → OM decision → verdict →
 * sentence → appeal → final, each stage once, each needing the stages it follows from, and dates
 * never going backwards. A refusal names the rule and the field.
 */
public final class Proceedings {

    private final long partyId;
    private final List<ChainEvent> events;

    public Proceedings(long partyId, List<ChainEvent> events) {
        this.partyId = partyId;
        this.events = new ArrayList<>(events);
        this.events.sort(Comparator.comparing(ChainEvent::occurredOn)
                .thenComparing(e -> e.stage().ordinal()));
    }

    public ChainEvent record(Step step, Instant now) {
        requireOnce(step.stage());
        requireFieldsFit(step);
        requirePredecessors(step);
        latest().filter(last -> step.on().isBefore(last.occurredOn())).ifPresent(last -> {
            throw new DomainRuleViolation(
                    MessageCode.CHAIN_DATE_BEFORE_PREVIOUS,
                    Map.of("stage", last.stage(), "date", last.occurredOn()),
                    "on",
                    "The chain cannot go back in time: the previous step (" + last.stage() + ") is dated "
                            + last.occurredOn() + ".");
        });
        ChainEvent event =
                new ChainEvent(partyId, step.stage(), step.on(), step.decision(), step.verdict(), step.sentence(), now);
        events.add(event);
        return event;
    }

    /** Only the latest step may be withdrawn (a correction), so what remains is still a valid chain. */
    public void withdraw(ChainEvent event) {
        if (latestByStage().map(last -> !last.equals(event)).orElse(true)) {
            throw new DomainRuleViolation(
                    MessageCode.CHAIN_DELETE_NOT_LAST, "id", "Only the latest step of the chain can be removed.");
        }
        events.remove(event);
    }

    public List<ChainEvent> events() {
        return List.copyOf(events);
    }

    private void requireOnce(Stage stage) {
        if (find(stage).isPresent()) {
            throw new DomainRuleViolation(
                    MessageCode.STAGE_ONCE,
                    stage + "_ONCE",
                    Map.of("stage", stage),
                    "stage",
                    "This person already has a '" + stage + "' step.");
        }
    }

    private static void requireFieldsFit(Step s) {
        rule(s.stage() == Stage.OM_DECISION, s.decision() != null, "DECISION", "decision");
        rule(s.stage() == Stage.VERDICT, s.verdict() != null, "VERDICT", "verdict");
        rule(s.stage() == Stage.SENTENCE, s.sentence() != null, "SENTENCE", "sentence");
        if (s.stage() == Stage.SENTENCE && s.sentence().isEmpty()) {
            throw new DomainRuleViolation(
                    MessageCode.SENTENCE_EMPTY,
                    "sentence",
                    "A sentence names custody, community service, a fine or a measure.");
        }
    }

    private static void rule(boolean stageNeeds, boolean present, String what, String field) {
        if (stageNeeds && !present) {
            throw new DomainRuleViolation(
                    MessageCode.STAGE_FIELD_REQUIRED,
                    what + "_REQUIRED",
                    Map.of("field", field),
                    field,
                    "This step needs a " + field + ".");
        }
        if (!stageNeeds && present) {
            throw new DomainRuleViolation(
                    MessageCode.STAGE_FIELD_NOT_FOR_STAGE,
                    what + "_NOT_FOR_STAGE",
                    Map.of("field", field),
                    field,
                    "A " + field + " belongs to another step of the chain.");
        }
    }

    private void requirePredecessors(Step s) {
        switch (s.stage()) {
            case IN_VIEW -> {}
            case OM_INFLOW ->
                need(
                        find(Stage.IN_VIEW).isPresent(),
                        MessageCode.OM_INFLOW_NEEDS_IN_VIEW,
                        "The police must have the person in view first.");
            case OM_DECISION ->
                need(
                        find(Stage.OM_INFLOW).isPresent(),
                        MessageCode.DECISION_NEEDS_OM_INFLOW,
                        "The OM decides only after inflow.");
            case VERDICT -> {
                need(
                        find(Stage.OM_INFLOW).isPresent(),
                        MessageCode.VERDICT_NEEDS_OM_INFLOW,
                        "No verdict before OM inflow.");
                need(
                        decision().filter(d -> d == Decision.SUMMONS).isPresent(),
                        MessageCode.VERDICT_NEEDS_SUMMONS,
                        "A court rules only after a summons (dagvaarding).");
            }
            case SENTENCE ->
                need(
                        find(Stage.VERDICT)
                                .map(ChainEvent::verdict)
                                .filter(v -> v == Verdict.CONVICTION)
                                .isPresent(),
                        MessageCode.SENTENCE_NEEDS_CONVICTION,
                        "No sentence without a conviction.");
            case APPEAL ->
                need(find(Stage.VERDICT).isPresent(), MessageCode.APPEAL_NEEDS_VERDICT, "An appeal follows a verdict.");
            case FINAL ->
                need(
                        find(Stage.VERDICT).isPresent()
                                || decision().filter(Decision::endsCase).isPresent(),
                        MessageCode.FINAL_NEEDS_OUTCOME,
                        "A case becomes final after a verdict or an OM decision that ends it.");
        }
    }

    private static void need(boolean condition, MessageCode rule, String message) {
        if (!condition) {
            throw new DomainRuleViolation(rule, "stage", message);
        }
    }

    private Optional<Decision> decision() {
        return find(Stage.OM_DECISION).map(ChainEvent::decision);
    }

    private Optional<ChainEvent> find(Stage stage) {
        return events.stream().filter(e -> e.stage() == stage).findFirst();
    }

    private Optional<ChainEvent> latest() {
        return events.stream().max(Comparator.comparing(ChainEvent::occurredOn));
    }

    private Optional<ChainEvent> latestByStage() {
        return events.stream()
                .max(Comparator.comparing((ChainEvent e) -> e.stage().ordinal()));
    }

    /** A requested step before it becomes an event. */
    public record Step(Stage stage, LocalDate on, Decision decision, Verdict verdict, Sentence sentence) {}
}
