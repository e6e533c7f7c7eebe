package nl.ketenzicht.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.ketenzicht.parties.Gender;
import nl.ketenzicht.parties.PartyKind;
import nl.ketenzicht.proceedings.Decision;
import nl.ketenzicht.proceedings.Proceedings;
import nl.ketenzicht.proceedings.Stage;
import nl.ketenzicht.proceedings.Verdict;

/**
 * A suspect or client with the steps of the chain so far (as {@link Proceedings.Step}s, in the
 * order they were taken) and the charges. {@code linkedVictims} are indexes into the case's victims.
 */
public record SyntheticOffender(
        PartyKind kind,
        Gender gender,
        Integer birthYear,
        String role,
        Set<Integer> linkedVictims,
        Integer contactCount,
        Boolean ageVerificationAtIssue,
        List<Proceedings.Step> steps,
        List<Charge> charges,
        boolean chainOngoing,
        Instant createdAt) {

    public Optional<Proceedings.Step> step(Stage stage) {
        return steps.stream().filter(s -> s.stage() == stage).findFirst();
    }

    public boolean reached(Stage stage) {
        return step(stage).isPresent();
    }

    public Optional<Decision> decision() {
        return step(Stage.OM_DECISION).map(Proceedings.Step::decision);
    }

    public Optional<Verdict> verdict() {
        return step(Stage.VERDICT).map(Proceedings.Step::verdict);
    }

    /** Unconditional custody imposed: the "custody" rung of the funnel. */
    public boolean custody() {
        return step(Stage.SENTENCE)
                .map(s -> s.sentence().custodyUnconditionalDays())
                .filter(days -> days != null && days > 0)
                .isPresent();
    }

    public LocalDate lastDate() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1).on();
    }

    public record Charge(String article, String lawVersion, LocalDate offenceDate) {}
}
