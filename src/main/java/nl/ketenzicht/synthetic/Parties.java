package nl.ketenzicht.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.parties.Gender;
import nl.ketenzicht.parties.PartyKind;

/** The victims, suspects and clients of one case, linked to each other. */
final class Parties {

    private static final List<String> ROLES = List.of("CO_PERPETRATOR", "RECRUITER", "FACILITATOR", "ACCOMPLICE");

    private final LocalDate today;
    private final LocalDate opened;
    private final Origin origin;
    private final boolean sexual;

    Parties(LocalDate today, LocalDate opened, Origin origin, boolean sexual) {
        this.today = today;
        this.opened = opened;
        this.origin = origin;
        this.sexual = sexual;
    }

    List<SyntheticVictim> victims(Draw d, int n) {
        VictimGenerator generator = new VictimGenerator(today, opened, sexual);
        List<SyntheticVictim> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // The first victim of a case that started with an aangifte is the one who made it.
            list.add(generator.victim(d, i == 0 && origin == Origin.AANGIFTE, createdAt(d)));
        }
        return list;
    }

    List<SyntheticOffender> suspects(Draw d, int n, List<SyntheticVictim> victims) {
        ChainGenerator chains = new ChainGenerator(today, opened, ChainRates.SUSPECT);
        List<SyntheticOffender> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Gender g = d.chance(0.85) ? Gender.MALE : d.chance(0.85) ? Gender.FEMALE : Gender.UNKNOWN;
            Integer born = d.chance(0.95) ? opened.getYear() - d.between(16, 55) : null;
            String role = i == 0 ? "MAIN" : d.pick(ROLES);
            Set<Integer> linked = i == 0 ? all(victims.size()) : some(d, victims.size());
            var chain = chains.chain(d, firstStart(victims, linked));
            list.add(new SyntheticOffender(
                    PartyKind.SUSPECT,
                    g,
                    born,
                    role,
                    linked,
                    null,
                    null,
                    chain.steps(),
                    chain.charges(),
                    chain.ongoing(),
                    createdAt(d)));
        }
        return list;
    }

    List<SyntheticOffender> clients(Draw d, int n, List<SyntheticVictim> victims) {
        ChainGenerator chains = new ChainGenerator(today, opened, ChainRates.CLIENT);
        List<SyntheticOffender> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<Integer> linked = victims.isEmpty() ? Set.of() : Set.of(d.between(0, victims.size() - 1));
            boolean minor = linked.stream().anyMatch(v -> minorAtOpening(victims.get(v)));
            Integer contacts = d.chance(0.6) ? d.oneOrMore(3, 100) : null;
            // The duty to verify age is at issue where the victim was a minor; unknown for some.
            Boolean ageCheck = d.chance(0.15) ? null : minor && d.chance(0.75);
            var chain = chains.chain(d, firstStart(victims, linked));
            list.add(new SyntheticOffender(
                    PartyKind.CLIENT,
                    d.chance(0.97) ? Gender.MALE : Gender.UNKNOWN,
                    d.chance(0.9) ? opened.getYear() - d.between(19, 70) : null,
                    "CLIENT",
                    linked,
                    contacts,
                    ageCheck,
                    chain.steps(),
                    chain.charges(),
                    chain.ongoing(),
                    createdAt(d)));
        }
        return list;
    }

    private boolean minorAtOpening(SyntheticVictim v) {
        return v.birthYear() != null && opened.getYear() - v.birthYear() < 18;
    }

    private static LocalDate firstStart(List<SyntheticVictim> victims, Set<Integer> linked) {
        return linked.stream()
                .map(i -> victims.get(i).exploitationStartedOn())
                .filter(x -> x != null)
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    private static Set<Integer> all(int n) {
        Set<Integer> s = new TreeSet<>();
        for (int i = 0; i < n; i++) s.add(i);
        return s;
    }

    private static Set<Integer> some(Draw d, int n) {
        Set<Integer> s = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (d.chance(0.7)) s.add(i);
        }
        if (s.isEmpty() && n > 0) s.add(d.between(0, n - 1));
        return s;
    }

    /** Entered within a month of the case opening, never after today. */
    private Instant createdAt(Draw d) {
        LocalDate day = d.plusDays(opened, 0, 30);
        day = day.isAfter(today) ? today : day;
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(d.between(7 * 3600, 18 * 3600));
    }
}
