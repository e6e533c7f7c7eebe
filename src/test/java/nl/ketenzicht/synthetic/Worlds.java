package nl.ketenzicht.synthetic;

import java.time.LocalDate;
import java.util.stream.Collectors;
import nl.ketenzicht.proceedings.Proceedings;
import nl.ketenzicht.proceedings.Sentence;

/** Shared worlds for the tests (generated once per JVM) and a printable form of a case for comparisons. */
final class Worlds {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static World large;

    private Worlds() {}

    static Spec spec(int cases) {
        return Spec.national(cases, 2015, 2025, TODAY);
    }

    /** The 20,000-case world the rate tests look at. */
    static synchronized World large() {
        if (large == null) {
            large = SyntheticWorld.generate(20250630L, spec(20_000));
        }
        return large;
    }

    /** Records compare deeply except for the JPA embeddable Sentence, which has no equals: spell it out. */
    static String describe(SyntheticCase c) {
        String chains = java.util.stream.Stream.concat(c.suspects().stream(), c.clients().stream())
                .map(o -> o.steps().stream().map(Worlds::describe).collect(Collectors.joining(",")))
                .collect(Collectors.joining("|"));
        return c.toString().replaceAll("Sentence@[0-9a-f]+", "Sentence") + chains;
    }

    static String describe(Proceedings.Step s) {
        Sentence x = s.sentence();
        return s.stage() + "@" + s.on() + ":" + s.decision() + ":" + s.verdict()
                + (x == null
                        ? ""
                        : ":" + x.custodyUnconditionalDays() + "/" + x.custodyConditionalDays() + "/"
                                + x.communityServiceHours() + "/" + x.fineEuros() + "/" + x.measure());
    }
}
