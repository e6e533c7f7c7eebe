package nl.ketenzicht.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.proceedings.Decision;
import nl.ketenzicht.proceedings.Proceedings.Step;
import nl.ketenzicht.proceedings.Sentence;
import nl.ketenzicht.proceedings.Stage;
import nl.ketenzicht.proceedings.Verdict;

/**
 * The chain of one suspect or client: first the whole course it will take (each step dated after
 * the one before), then cut off at "today". A cut-off course is a prefix of a valid one, so it obeys
 * the rules of {@code Proceedings} as well; the offender is marked as still in the chain.
 */
final class ChainGenerator {

    private static final List<String> MEASURES =
            List.of("CONTACT_BAN", "AREA_BAN", "CONFISCATION", "COMPENSATION", "GVM");
    private static final LocalDate CLIENT_ARTICLE_FROM = LocalDate.of(2022, 1, 1);

    private final LocalDate today;
    private final LocalDate opened;
    private final ChainRates rates;
    private final Articles articles = Articles.load();

    ChainGenerator(LocalDate today, LocalDate opened, ChainRates rates) {
        this.today = today;
        this.opened = opened;
        this.rates = rates;
    }

    Chain chain(Draw d, LocalDate exploitationStart) {
        List<Step> course = course(d);
        List<Step> steps = course.stream().filter(s -> !s.on().isAfter(today)).toList();
        LocalDate inView = steps.get(0).on();
        return new Chain(steps, charges(d, inView, exploitationStart), steps.size() < course.size() || open(course));
    }

    /** In view within days of opening (never after today, so every offender is at least in view). */
    private List<Step> course(Draw d) {
        List<Step> s = new ArrayList<>();
        LocalDate on = min(opened.plusDays(d.days(10, 0)), today);
        s.add(step(Stage.IN_VIEW, on));
        if (!d.chance(rates.inflow())) {
            return s;
        }
        s.add(step(Stage.OM_INFLOW, on = on.plusDays(d.days(110, 7))));
        Decision decision = rates.decision(d);
        s.add(new Step(Stage.OM_DECISION, on = on.plusDays(d.days(80, 7)), decision, null, null));
        if (decision != Decision.SUMMONS) {
            if (decision != Decision.JOINDER) {
                s.add(step(Stage.FINAL, on.plusDays(d.between(14, 60))));
            }
            return s;
        }
        Verdict verdict = verdict(d);
        s.add(new Step(Stage.VERDICT, on = on.plusDays(d.days(180, 30)), null, verdict, null));
        if (verdict == Verdict.CONVICTION) {
            s.add(new Step(
                    Stage.SENTENCE,
                    on = d.chance(0.85) ? on : on.plusDays(d.between(14, 42)),
                    null,
                    null,
                    sentence(d)));
        }
        if (d.chance(rates.appeal())) {
            s.add(step(Stage.APPEAL, on = on.plusDays(d.between(3, 14))));
            s.add(step(Stage.FINAL, on.plusDays(d.days(300, 60))));
        } else {
            s.add(step(Stage.FINAL, on.plusDays(d.between(14, 30))));
        }
        return s;
    }

    /** A joined case (voeging) goes on elsewhere; a summons without verdict yet is not finished. */
    private static boolean open(List<Step> course) {
        return course.stream().noneMatch(s -> s.stage() == Stage.FINAL)
                && course.size() > 1
                && course.stream().noneMatch(s -> s.decision() == Decision.JOINDER);
    }

    private Verdict verdict(Draw d) {
        double x = d.uniform();
        return x < rates.conviction()
                ? Verdict.CONVICTION
                : x < rates.conviction() + rates.acquittal() ? Verdict.ACQUITTAL : Verdict.DISCHARGE;
    }

    private Sentence sentence(Draw d) {
        String measure = d.chance(0.25) ? d.pick(MEASURES) : null;
        if (d.chance(rates.custody())) {
            int days = Math.min(rates.maxCustodyDays(), d.days(rates.maxCustodyDays() / 5.0, 14));
            return new Sentence(days, d.chance(0.5) ? d.between(30, 365) : null, null, null, measure);
        }
        if (d.chance(0.5)) {
            return new Sentence(null, d.between(14, 180), d.between(20, 240), null, measure);
        }
        return new Sentence(null, d.chance(0.3) ? d.between(14, 90) : null, null, d.between(250, 7500), measure);
    }

    /** Charged at the in-view step, for offences before it, numbered as the law then read. */
    private List<SyntheticOffender.Charge> charges(Draw d, LocalDate inView, LocalDate exploitationStart) {
        List<SyntheticOffender.Charge> list = new ArrayList<>();
        if (d.chance(0.1)) {
            return list;
        }
        LocalDate offence = exploitationStart != null && !exploitationStart.isAfter(inView)
                ? exploitationStart
                : inView.minusDays(d.days(90, 0));
        boolean client = rates == ChainRates.CLIENT;
        String[] main = client
                ? (!offence.isBefore(CLIENT_ARTICLE_FROM) && d.chance(0.4)
                        ? new String[] {"273g"}
                        : new String[] {"248b", "253"})
                : new String[] {"273f"};
        add(list, offence, main);
        if (!client && d.chance(0.3)) {
            String[][] related = {{"240b", "252"}, {"248e", "251"}, {"245", "248"}, {"248a"}};
            LocalDate later = min(offence.plusDays(d.between(0, 60)), inView);
            add(list, later, related[d.between(0, related.length - 1)]);
        }
        return list;
    }

    private void add(List<SyntheticOffender.Charge> list, LocalDate offence, String... numbers) {
        articles.firstInForce(offence, numbers)
                .ifPresent(a -> list.add(new SyntheticOffender.Charge(a.article(), a.lawVersion(), offence)));
    }

    private static Step step(Stage stage, LocalDate on) {
        return new Step(stage, on, null, null, null);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    record Chain(List<Step> steps, List<SyntheticOffender.Charge> charges, boolean ongoing) {}
}
