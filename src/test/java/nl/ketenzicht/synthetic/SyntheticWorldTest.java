package nl.ketenzicht.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.ketenzicht.care.CareReferral;
import nl.ketenzicht.care.RunawayEpisode;
import nl.ketenzicht.cases.Case;
import nl.ketenzicht.cases.CaseDetails;
import nl.ketenzicht.cases.CaseStatus;
import nl.ketenzicht.cases.Region;
import nl.ketenzicht.parties.AangifteEvent;
import nl.ketenzicht.parties.Victim;
import nl.ketenzicht.parties.VictimProfile;
import nl.ketenzicht.proceedings.Proceedings;
import nl.ketenzicht.proceedings.Stage;
import org.junit.jupiter.api.Test;

/** The generator's worlds obey the domain's own rules: every case, chain and history replays through the real entities. */
class SyntheticWorldTest {

    private static final Instant NOW = Worlds.TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void theSameSeedGivesTheSameWorldAndAnotherSeedAnother() {
        World a = SyntheticWorld.generate(7, Worlds.spec(400));
        World b = SyntheticWorld.generate(7, Worlds.spec(400));
        World c = SyntheticWorld.generate(8, Worlds.spec(400));
        assertEquals(describeAll(a), describeAll(b), "same seed, same spec: identical worlds");
        assertNotEquals(describeAll(a), describeAll(c), "another seed gives another world");
    }

    @Test
    void aStreamedWorldHasTheSameCasesAsAHeldOne() {
        World held = SyntheticWorld.generate(11, Worlds.spec(300));
        World streamed = SyntheticWorld.streaming(11, Worlds.spec(300));
        List<String> fromStream = streamed.stream().map(Worlds::describe).toList();
        assertEquals(describeAll(held), fromStream, "case i depends only on seed, spec and i");
        assertEquals(Worlds.describe(held.caseAt(123)), Worlds.describe(streamed.caseAt(123)));
    }

    @Test
    void everyChainPassesTheRulesOfProceedings() {
        long replayed = offenders(Worlds.large())
                .peek(o -> {
                    Proceedings chain = new Proceedings(1, List.of());
                    o.steps().forEach(step -> chain.record(step, NOW));
                    assertEquals(
                            Stage.IN_VIEW, o.steps().get(0).stage(), "every suspect and client is at least in view");
                })
                .count();
        assertTrue(replayed > 40_000, "a 20k world has some 40k suspects and clients, was " + replayed);
    }

    @Test
    void everyAangifteHistoryPassesTheVictimsTransitions() {
        Worlds.large()
                .cases()
                .forEach(c -> c.victims().forEach(v -> {
                    Victim victim = new Victim(
                            1,
                            new VictimProfile(
                                    v.gender(),
                                    v.birthYear(),
                                    v.birthMonth(),
                                    v.nationality(),
                                    v.vulnerabilities(),
                                    v.recruitmentChannel(),
                                    v.exploitationStartedOn(),
                                    v.estimatedClientCount(),
                                    v.consentToShare()),
                            v.createdAt());
                    v.aangifte()
                            .forEach(a -> victim.record(new AangifteEvent(
                                    a.type(), a.on(), a.reasons(), a.traumaStudio(), a.psychologistAdvised())));
                    assertEquals(v.aangifteStatus(), victim.aangifteStatus());
                }));
    }

    @Test
    void casesRunawaysAndReferralsPassTheirEntities() {
        for (SyntheticCase c : Worlds.large().cases()) {
            Municipality m = c.municipality();
            Case entity = new Case(
                    1,
                    new CaseDetails(
                            new Region(m.code(), m.policeUnit(), m.courtDistrict(), m.prosecutionOffice()),
                            c.openedOn(),
                            c.origin(),
                            c.signallingOrganisation() == null ? null : 2L,
                            c.exploitationForms(),
                            c.investigationMethods(),
                            c.teamType(),
                            c.suspectCount(),
                            c.network()),
                    c.createdAt(),
                    "test");
            if (c.status() == CaseStatus.CLOSED) {
                entity.close(c.closedOn(), c.closingReason());
            }
            for (SyntheticVictim v : c.victims()) {
                v.runaways()
                        .forEach(r -> new RunawayEpisode(
                                1,
                                new RunawayEpisode.Details(
                                        r.institutionType(),
                                        r.missingSince(),
                                        r.reportedOn(),
                                        r.foundOn(),
                                        r.victimisedDuring())));
                v.referrals()
                        .forEach(r -> new CareReferral(
                                1, new CareReferral.Details(r.careType(), r.referredOn(), r.startedOn(), r.endedOn())));
            }
        }
    }

    @Test
    void nothingHappensAfterToday() {
        LocalDate today = Worlds.TODAY;
        for (SyntheticCase c : Worlds.large().cases()) {
            dates(c).forEach(d -> assertFalse(d.isAfter(today), "case " + c.index() + " has a date after today: " + d));
            Stream.of(c.createdAt())
                    .forEach(i -> assertFalse(i.isAfter(
                            today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
            assertFalse(c.openedOn().getYear() < 2015, "opened within the spec's years");
        }
    }

    @Test
    void chargesNameTheArticleInForceOnTheOffenceDateBeforeTheSuspectWasInView() {
        Articles articles = Articles.load();
        offenders(Worlds.large())
                .forEach(o -> o.charges().forEach(ch -> {
                    assertTrue(
                            articles.all().stream()
                                    .anyMatch(a -> a.article().equals(ch.article())
                                            && a.lawVersion().equals(ch.lawVersion())
                                            && a.inForceOn(ch.offenceDate())),
                            "not in force: " + ch);
                    assertFalse(ch.offenceDate().isAfter(o.steps().get(0).on()), "offence after in view: " + ch);
                    boolean sexualArticle = !ch.article().startsWith("273");
                    if (sexualArticle) {
                        assertEquals(
                                ch.offenceDate().isBefore(LocalDate.of(2024, 7, 1)) ? "SR" : "WSM",
                                ch.lawVersion(),
                                "sexual offences are numbered by the Wet seksuele misdrijven from 1 July 2024: " + ch);
                    } else {
                        assertEquals("SR", ch.lawVersion(), "273f/273g stay in the Criminal Code: " + ch);
                    }
                }));
    }

    @Test
    void linksPointAtVictimsOfTheSameCase() {
        for (SyntheticCase c : Worlds.large().cases()) {
            Stream.concat(c.suspects().stream(), c.clients().stream())
                    .forEach(o -> o.linkedVictims()
                            .forEach(i -> assertTrue(
                                    i >= 0 && i < c.victims().size(), "case " + c.index() + " links victim " + i)));
            assertEquals(
                    c.signallingOrganisation() != null,
                    c.origin() == nl.ketenzicht.cases.Origin.SIGNAL,
                    "a SIGNAL case names its signaller, and only it");
        }
    }

    static Stream<SyntheticOffender> offenders(World w) {
        return w.cases().stream().flatMap(c -> Stream.concat(c.suspects().stream(), c.clients().stream()));
    }

    private static Stream<LocalDate> dates(SyntheticCase c) {
        Stream<LocalDate> chain = Stream.concat(c.suspects().stream(), c.clients().stream())
                .flatMap(o -> Stream.concat(
                        o.steps().stream().map(Proceedings.Step::on),
                        o.charges().stream().map(SyntheticOffender.Charge::offenceDate)));
        Stream<LocalDate> victims = c.victims().stream()
                .flatMap(v -> Stream.of(
                                Stream.of(v.exploitationStartedOn()),
                                v.aangifte().stream().map(SyntheticVictim.Aangifte::on),
                                v.runaways().stream()
                                        .flatMap(r -> Stream.of(r.missingSince(), r.reportedOn(), r.foundOn())),
                                v.referrals().stream()
                                        .flatMap(r -> Stream.of(r.referredOn(), r.startedOn(), r.endedOn())))
                        .flatMap(s -> s));
        return Stream.of(Stream.of(c.openedOn(), c.closedOn()), chain, victims)
                .flatMap(s -> s)
                .filter(d -> d != null);
    }

    private static List<String> describeAll(World w) {
        return IntStream.range(0, w.size())
                .mapToObj(w::caseAt)
                .map(Worlds::describe)
                .toList();
    }
}
