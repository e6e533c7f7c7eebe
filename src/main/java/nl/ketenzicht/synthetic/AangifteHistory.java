package nl.ketenzicht.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.parties.AangifteEvent.Type;
import nl.ketenzicht.parties.PsychologistAdvice;

/**
 * A victim's aangifte history along the allowed transitions of {@code Victim.record}: none, or
 * informatory interview(s), then aangifte made or declined (with reasons); declined may later turn
 * into made, made may be withdrawn. Steps after "today" have not happened yet.
 */
final class AangifteHistory {

    private static final List<String> REASONS = List.of(
            "FEAR_SUSPECT",
            "LOYALTY",
            "SHAME",
            "NO_TRUST",
            "NOT_A_VICTIM",
            "TRAUMA",
            "FAMILY_PRESSURE",
            "CONSEQUENCES",
            "OTHER");
    /** The recherchepsycholoog is advised more often since the pilots of 2021. */
    private static final int PILOT_YEAR = 2021;

    private final LocalDate today;
    private final LocalDate opened;
    private final boolean minor;

    AangifteHistory(LocalDate today, LocalDate opened, boolean minor) {
        this.today = today;
        this.opened = opened;
        this.minor = minor;
    }

    List<SyntheticVictim.Aangifte> history(Draw d, boolean madeTheAangifte) {
        List<SyntheticVictim.Aangifte> h = madeTheAangifte ? reporter(d) : other(d);
        return h.stream().filter(a -> !a.on().isAfter(today)).toList();
    }

    /** The case started with her aangifte: made on the day the case opened, perhaps after an interview. */
    private List<SyntheticVictim.Aangifte> reporter(Draw d) {
        List<SyntheticVictim.Aangifte> h = new ArrayList<>();
        if (d.chance(0.4)) {
            h.add(hearing(d, Type.INFORMATORY_INTERVIEW, opened.minusDays(d.between(3, 45))));
        }
        h.add(hearing(d, Type.AANGIFTE_MADE, opened));
        if (d.chance(0.05)) {
            h.add(new SyntheticVictim.Aangifte(
                    Type.WITHDRAWN, opened.plusDays(d.days(90, 7)), reasons(d, 0.5), false, PsychologistAdvice.NONE));
        }
        return h;
    }

    private List<SyntheticVictim.Aangifte> other(Draw d) {
        List<SyntheticVictim.Aangifte> h = new ArrayList<>();
        if (d.chance(0.25)) {
            return h;
        }
        LocalDate on = opened.plusDays(d.days(20, 0));
        int interviews = d.chance(0.6) ? (d.chance(0.25) ? 2 : 1) : 0;
        for (int i = 0; i < interviews; i++) {
            h.add(hearing(d, Type.INFORMATORY_INTERVIEW, on = on.plusDays(i == 0 ? 0 : d.days(30, 1))));
        }
        double x = d.uniform();
        double made = interviews > 0 ? 0.45 : 0.6;
        double declined = interviews > 0 ? 0.35 : 0.4;
        if (x < made) {
            h.add(hearing(d, Type.AANGIFTE_MADE, on = on.plusDays(d.days(25, 1))));
            if (d.chance(0.05)) {
                h.add(new SyntheticVictim.Aangifte(
                        Type.WITHDRAWN, on.plusDays(d.days(90, 7)), reasons(d, 0.5), false, PsychologistAdvice.NONE));
            }
        } else if (x < made + declined) {
            h.add(new SyntheticVictim.Aangifte(
                    Type.DECLINED, on = on.plusDays(d.days(25, 1)), reasons(d, 1), false, PsychologistAdvice.NONE));
            if (d.chance(0.15)) {
                h.add(hearing(d, Type.AANGIFTE_MADE, on.plusDays(d.days(120, 7))));
            }
        }
        return h;
    }

    private SyntheticVictim.Aangifte hearing(Draw d, Type type, LocalDate on) {
        boolean studio = d.chance(minor ? 0.5 : 0.25);
        return new SyntheticVictim.Aangifte(type, on, Set.of(), studio, advice(d, on));
    }

    /**
     * BEFORE_AND_DURING is left out on purpose: aangifte_event.psychologist_advised is VARCHAR(8)
     * in V1_2_0, too narrow for it, so neither the API nor a loader can store it until a migration
     * widens the column.
     */
    private static PsychologistAdvice advice(Draw d, LocalDate on) {
        double scale = on.getYear() >= PILOT_YEAR ? 2 : 1;
        double x = d.uniform();
        return x < 0.10 * scale
                ? PsychologistAdvice.BEFORE
                : x < 0.16 * scale ? PsychologistAdvice.DURING : PsychologistAdvice.NONE;
    }

    /** One to three reasons, or (with probability 1 - p) none. */
    private static Set<String> reasons(Draw d, double p) {
        Set<String> r = new TreeSet<>();
        if (!d.chance(p)) {
            return r;
        }
        int n = d.chance(0.5) ? 1 : d.chance(0.6) ? 2 : 3;
        while (r.size() < n) {
            r.add(d.pick(REASONS));
        }
        return r;
    }
}
