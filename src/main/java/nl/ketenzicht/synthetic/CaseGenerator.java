package nl.ketenzicht.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.ketenzicht.cases.CaseStatus;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.cases.TeamType;

/**
 * Generates one case: where and when, how it started, what kind of exploitation, who is in it, and
 * whether it is closed by "today". The mixes are those of the national figures the reports are
 * checked against (see perf-baseline.md and the ChainRates constants).
 */
final class CaseGenerator {

    private static final Origin[] ORIGINS = Origin.values();
    private static final double[] ORIGIN_MIX = {55, 25, 10, 7, 3};
    private static final List<String> FORMS = List.of("SEXUAL", "LABOUR", "CRIMINAL", "OTHER");
    private static final double[] FORM_MIX = {55, 25, 15, 5};
    /** 0..4 victims: 1.05 per case. */
    static final double[] VICTIMS = {0.06, 0.865, 0.05, 0.02, 0.005};
    /** 0..5 suspects: 1.24 per case. */
    static final double[] SUSPECTS = {0.06, 0.74, 0.13, 0.045, 0.015, 0.01};
    /** Clients only in sexual cases: 55% of those have any, 2.78 on average, so 0.84 per case overall. */
    static final double CLIENTS_IN_SEXUAL_CASE = 0.55;

    static final double CLIENTS_EXTRA_MEAN = 1.78;

    private final long seed;
    private final Spec spec;
    private final Places places = Places.load();
    private final Owners owners;
    private final double[] yearWeights;

    CaseGenerator(long seed, Spec spec) {
        this.seed = seed;
        this.spec = spec;
        this.owners = new Owners(spec.organisations());
        this.yearWeights = yearWeights(spec);
    }

    SyntheticCase generate(int index) {
        Draw d = Draw.forItem(seed, index);
        LocalDate opened = openedOn(d);
        Municipality m = places.draw(d);
        Origin origin = ORIGINS[d.weighted(ORIGIN_MIX)];
        int owner = owners.owner(d, m.policeUnit());
        Integer signaller = origin == Origin.SIGNAL ? owners.signaller(d, owner) : null;
        if (origin == Origin.SIGNAL && signaller == null) {
            origin = Origin.AMBTSHALVE;
        }
        Set<String> forms = forms(d);
        boolean sexual = forms.contains("SEXUAL");
        TeamType team = sexual && d.chance(0.40) ? TeamType.ZEDEN : TeamType.AVIM;
        Parties parties = new Parties(spec.today(), opened, origin, sexual);
        List<SyntheticVictim> victims = parties.victims(d, d.count(VICTIMS));
        int suspectCount = d.count(SUSPECTS);
        int clientCount = sexual && d.chance(CLIENTS_IN_SEXUAL_CASE) ? d.oneOrMore(CLIENTS_EXTRA_MEAN, 60) : 0;
        List<SyntheticOffender> suspects = parties.suspects(d, suspectCount, victims);
        List<SyntheticOffender> clients = parties.clients(d, clientCount, victims);
        boolean network = suspectCount >= 3 || suspectCount == 2 && d.chance(0.3);
        Closure closure = closure(d, opened, victims, suspects, clients);
        return new SyntheticCase(
                index,
                owner,
                m,
                opened,
                origin,
                signaller,
                forms,
                methods(d, origin, network),
                team,
                network,
                closure.status(),
                closure.on(),
                closure.reason(),
                createdAt(d, opened),
                victims,
                suspects,
                clients);
    }

    private LocalDate openedOn(Draw d) {
        int year = spec.fromYear() + d.weighted(yearWeights);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = year == spec.today().getYear() ? spec.today() : LocalDate.of(year, 12, 31);
        return d.plusDays(first, 0, (int) (last.toEpochDay() - first.toEpochDay()));
    }

    /** Mild growth per year; the current year counts only as far as it has gone. */
    private static double[] yearWeights(Spec spec) {
        double[] w = new double[spec.toYear() - spec.fromYear() + 1];
        for (int i = 0; i < w.length; i++) {
            int year = spec.fromYear() + i;
            double part = year == spec.today().getYear() ? spec.today().getDayOfYear() / 365.0 : 1;
            w[i] = Math.pow(1 + spec.growth(), i) * part;
        }
        return w;
    }

    private static Set<String> forms(Draw d) {
        Set<String> forms = new TreeSet<>();
        forms.add(FORMS.get(d.weighted(FORM_MIX)));
        if (d.chance(0.06)) {
            forms.add(FORMS.get(d.weighted(FORM_MIX)));
        }
        return forms;
    }

    private static Set<String> methods(Draw d, Origin origin, boolean network) {
        Set<String> m = new TreeSet<>();
        switch (origin) {
            case DIGITAL -> {
                m.add("DIGITAL");
                if (d.chance(0.5)) m.add("WEBCRAWLER");
            }
            case DECOY -> {
                m.add("DECOY");
                m.add("DIGITAL");
            }
            default -> {
                if (d.chance(0.25)) m.add("DIGITAL");
            }
        }
        double extra = network ? 2 : 1;
        if (d.chance(0.15 * extra)) m.add("FINANCIAL");
        if (d.chance(0.12 * extra)) m.add("INTERCEPTION");
        if (d.chance(0.08 * extra)) m.add("SURVEILLANCE");
        if (d.chance(0.04 * extra)) m.add("INTERNATIONAL");
        if (d.chance(0.30)) m.add("WITNESSES");
        return m;
    }

    /** A case closes some weeks after its last activity, unless a chain is still running. */
    private Closure closure(
            Draw d,
            LocalDate opened,
            List<SyntheticVictim> victims,
            List<SyntheticOffender> suspects,
            List<SyntheticOffender> clients) {
        boolean running = Stream.concat(suspects.stream(), clients.stream()).anyMatch(SyntheticOffender::chainOngoing);
        LocalDate last = Stream.concat(
                        Stream.of(opened),
                        Stream.concat(
                                Stream.concat(suspects.stream(), clients.stream())
                                        .map(SyntheticOffender::lastDate),
                                victims.stream().flatMap(CaseGenerator::datesOf)))
                .filter(x -> x != null)
                .max(LocalDate::compareTo)
                .orElse(opened);
        LocalDate on = last.plusDays(d.days(60, 14));
        if (running || on.isAfter(spec.today()) || d.chance(0.08)) {
            return new Closure(CaseStatus.OPEN, null, null);
        }
        return new Closure(CaseStatus.CLOSED, on, reason(d, suspects));
    }

    private static Stream<LocalDate> datesOf(SyntheticVictim v) {
        List<LocalDate> dates = new ArrayList<>();
        v.aangifte().forEach(a -> dates.add(a.on()));
        v.runaways().forEach(r -> {
            dates.add(r.missingSince());
            dates.add(r.reportedOn());
            dates.add(r.foundOn());
        });
        v.referrals().forEach(r -> {
            dates.add(r.referredOn());
            dates.add(r.startedOn());
            dates.add(r.endedOn());
        });
        return dates.stream();
    }

    private static String reason(Draw d, List<SyntheticOffender> suspects) {
        if (suspects.isEmpty()) {
            return d.chance(0.6) ? "NO_LEADS" : d.chance(0.5) ? "NO_OFFENCE" : "OTHER";
        }
        double x = d.uniform();
        return x < 0.7 ? "COMPLETED" : x < 0.8 ? "TRANSFERRED" : x < 0.9 ? "MERGED" : "NO_LEADS";
    }

    /** Entered within a week of opening, but never after today. */
    private Instant createdAt(Draw d, LocalDate opened) {
        LocalDate day = d.plusDays(opened, 0, 7);
        day = day.isAfter(spec.today()) ? spec.today() : day;
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(d.between(7 * 3600, 18 * 3600));
    }

    private record Closure(CaseStatus status, LocalDate on, String reason) {}
}
