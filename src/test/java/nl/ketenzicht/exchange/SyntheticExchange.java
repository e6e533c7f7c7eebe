package nl.ketenzicht.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.exchange.ExchangeCase.Charge;
import nl.ketenzicht.exchange.ExchangeCase.Person;
import nl.ketenzicht.exchange.ExchangeCase.Referral;
import nl.ketenzicht.exchange.ExchangeCase.Step;
import nl.ketenzicht.proceedings.Verdict;
import nl.ketenzicht.synthetic.Spec;
import nl.ketenzicht.synthetic.SyntheticCase;
import nl.ketenzicht.synthetic.SyntheticOffender;
import nl.ketenzicht.synthetic.SyntheticVictim;
import nl.ketenzicht.synthetic.SyntheticWorld;
import nl.ketenzicht.synthetic.World;

/**
 * A synthetic world (nl.ketenzicht.synthetic, a known seed) as the exchange reads cases, without a
 * database: the cases in order, persons numbered as the writer would, victims before suspects before clients.
 */
final class SyntheticExchange {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private SyntheticExchange() {}

    static World world(long seed, int cases) {
        return SyntheticWorld.generate(seed, Spec.national(cases, 2015, 2025, TODAY));
    }

    static List<ExchangeCase> cases(World world) {
        List<ExchangeCase> out = new ArrayList<>();
        long[] ids = {0};
        for (SyntheticCase k : world.cases()) {
            List<Person> persons = new ArrayList<>();
            for (int v = 0; v < k.victims().size(); v++) {
                SyntheticVictim s = k.victims().get(v);
                int index = v;
                boolean convicted = k.suspects().stream()
                                .anyMatch(o -> o.linkedVictims().contains(index) && convicted(o))
                        || k.clients().stream().anyMatch(o -> o.linkedVictims().contains(index) && convicted(o));
                persons.add(new Person(
                        ++ids[0],
                        "VICTIM",
                        s.gender().name(),
                        s.birthYear(),
                        s.birthMonth(),
                        s.nationality(),
                        s.recruitmentChannel(),
                        s.exploitationStartedOn(),
                        s.consentToShare(),
                        s.aangifteStatus().name(),
                        null,
                        List.of(),
                        List.of(),
                        s.referrals().stream()
                                .map(r -> new Referral(r.careType(), r.referredOn(), r.startedOn(), r.endedOn()))
                                .toList(),
                        convicted));
            }
            for (SyntheticOffender o : k.suspects()) {
                persons.add(offender(++ids[0], o));
            }
            for (SyntheticOffender o : k.clients()) {
                persons.add(offender(++ids[0], o));
            }
            out.add(new ExchangeCase(
                    k.index() + 1L,
                    k.openedOn(),
                    k.status().name(),
                    k.closedOn(),
                    k.closingReason(),
                    k.origin().name(),
                    k.signallingOrganisation() != null,
                    k.municipality().policeUnit(),
                    k.exploitationForms().stream().sorted().toList(),
                    (k.index() * 2_654_435_761L) & 0xFFFF_FFFFL,
                    persons));
        }
        return out;
    }

    static boolean convicted(SyntheticOffender o) {
        return o.steps().stream().anyMatch(s -> s.verdict() == Verdict.CONVICTION);
    }

    private static Person offender(long id, SyntheticOffender o) {
        return new Person(
                id,
                o.kind().name(),
                o.gender().name(),
                o.birthYear(),
                null,
                null,
                null,
                null,
                null,
                null,
                o.role(),
                o.steps().stream()
                        .map(s -> new Step(
                                s.stage().name(),
                                s.on(),
                                s.decision() == null ? null : s.decision().name(),
                                s.verdict() == null ? null : s.verdict().name()))
                        .toList(),
                o.charges().stream()
                        .map(g -> new Charge(g.article(), g.lawVersion()))
                        .distinct()
                        .toList(),
                List.of(),
                false);
    }
}
