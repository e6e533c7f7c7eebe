package nl.ketenzicht.reports;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aClient;
import static nl.ketenzicht.support.ChainData.aSuspect;
import static nl.ketenzicht.support.ChainData.aVictim;
import static nl.ketenzicht.support.ChainData.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Json;

/**
 * A seeded set of cases written through the API, remembered here as plain records: the ground
 * truth the report figures are checked against. Skewed towards two regions and one origin, so that
 * some cells are large enough to publish and others are small enough to suppress. Public for the
 * browser test of the report pages, which needs the same kind of data on screen.
 */
public final class ReportWorld {

    record Place(String municipality, String unit, String district, String office) {}

    static final List<Place> PLACES = List.of(
            new Place("GM0363", "AMS", "AMS", "AP-AMS"),
            new Place("GM0599", "RDM", "RDM", "AP-RDM"),
            new Place("GM0518", "DH", "DH", "AP-DH"),
            new Place("GM0014", "NN", "NN", "AP-NN"),
            new Place("GM0344", "MN", "MN", "AP-MN"),
            new Place("GM0153", "ON", "OV", "AP-ON"),
            new Place("GM0202", "ON", "GLD", "AP-ON"));
    private static final double[] PLACE_WEIGHTS = {0.35, 0.3, 0.1, 0.05, 0.08, 0.06, 0.06};
    private static final String[] ORIGINS = {"AANGIFTE", "AMBTSHALVE", "SIGNAL", "DIGITAL", "DECOY"};
    private static final double[] ORIGIN_WEIGHTS = {0.55, 0.25, 0.1, 0.07, 0.03};
    private static final String[] FORMS = {"SEXUAL", "LABOUR", "CRIMINAL"};

    static final class Step {
        final long id;
        final String stage;
        final String decision;
        final String verdict;
        final boolean custody;
        /** The day of the event (the calendar-year figures count by it). */
        final LocalDate on;

        Step(long id, String stage, String decision, String verdict, boolean custody, LocalDate on) {
            this.on = on;
            this.id = id;
            this.stage = stage;
            this.decision = decision;
            this.verdict = verdict;
            this.custody = custody;
        }
    }

    static final class Party {
        final long id;
        final String kind;
        final boolean ageCheck;
        final List<Step> steps = new ArrayList<>();

        Party(long id, String kind, boolean ageCheck) {
            this.id = id;
            this.kind = kind;
            this.ageCheck = ageCheck;
        }

        boolean reached(String stage) {
            return steps.stream().anyMatch(s -> s.stage.equals(stage));
        }

        boolean summoned() {
            return steps.stream().anyMatch(s -> "SUMMONS".equals(s.decision));
        }

        boolean convicted() {
            return steps.stream().anyMatch(s -> "CONVICTION".equals(s.verdict));
        }

        boolean custody() {
            return steps.stream().anyMatch(s -> s.custody);
        }
    }

    static final class Kase {
        final long id;
        Place place;
        final LocalDate openedOn;
        String origin;
        final String team;
        final Set<String> forms;
        final List<Party> parties = new ArrayList<>();

        Kase(long id, Place place, LocalDate openedOn, String origin, String team, Set<String> forms) {
            this.id = id;
            this.place = place;
            this.openedOn = openedOn;
            this.origin = origin;
            this.team = team;
            this.forms = forms;
        }

        int quarterIndex() {
            return openedOn.getYear() * 4 + (openedOn.getMonthValue() - 1) / 3;
        }
    }

    final List<Kase> cases = new ArrayList<>();
    private final Random random;
    private final Api worker;

    private final long signaller;

    public ReportWorld(Api worker, long signaller, long seed) {
        this.worker = worker;
        this.signaller = signaller;
        this.random = new Random(seed);
    }

    public void addCases(int n) {
        for (int i = 0; i < n; i++) {
            addCase();
        }
    }

    /** Gives the victims of the cases so far what measures 4–6 count (a {@link VictimWorld} with its own random stream). */
    public void describeVictims(long seed) {
        new VictimWorld(worker, seed).describe(cases);
    }

    private void addCase() {
        Place place = PLACES.get(pick(PLACE_WEIGHTS));
        LocalDate opened = LocalDate.of(2021 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String origin = ORIGINS[pick(ORIGIN_WEIGHTS)];
        Set<String> forms = new TreeSet<>(List.of(FORMS[random.nextInt(FORMS.length)]));
        if (random.nextInt(5) == 0) {
            forms.add(FORMS[random.nextInt(FORMS.length)]);
        }
        String team = forms.contains("SEXUAL") && random.nextBoolean() ? "ZEDEN" : "AVIM";
        Api.Reply r = worker.post("api/cases", caseBody(place, opened, origin, team, forms));
        assertEquals(201, r.status(), r.toString());
        Kase k = new Kase(r.json().get("id").asLong(), place, opened, origin, team, forms);
        cases.add(k);
        long victim = party(
                k,
                "victims",
                Json.with(
                        aVictim(),
                        "exploitationStartedOn",
                        opened.minusMonths(2).toString()),
                "VICTIM",
                false);
        if (random.nextInt(3) == 0) {
            party(
                    k,
                    "victims",
                    Json.with(
                            aVictim(),
                            "exploitationStartedOn",
                            opened.minusMonths(2).toString()),
                    "VICTIM",
                    false);
        }
        for (int s = random.nextInt(4); s > 0; s--) {
            walk(k, party(k, "suspects", aSuspect(victim), "SUSPECT", false), opened);
        }
        for (int c = random.nextInt(4); c > 0; c--) {
            boolean ageCheck = random.nextInt(3) == 0;
            walk(
                    k,
                    party(
                            k,
                            "clients",
                            Json.with(aClient(victim), "ageVerificationAtIssue", ageCheck),
                            "CLIENT",
                            ageCheck),
                    opened);
        }
    }

    private long party(Kase k, String path, Map<String, Object> body, String kind, boolean ageCheck) {
        Api.Reply r = worker.post("api/cases/" + k.id + "/" + path, body);
        assertEquals(201, r.status(), r.toString());
        Party p = new Party(r.json().get("id").asLong(), kind, ageCheck);
        k.parties.add(p);
        return p.id;
    }

    /** Walks a suspect or client some way down the chain, each step a month or more after the last. */
    private void walk(Kase k, long partyId, LocalDate from) {
        Party p = k.parties.stream().filter(x -> x.id == partyId).findFirst().orElseThrow();
        LocalDate on = from.plusDays(10);
        if (random.nextInt(10) == 0 || !post(p, step("IN_VIEW", on.toString()))) {
            return;
        }
        if (random.nextInt(10) < 3
                || !post(p, step("OM_INFLOW", (on = on.plusDays(30 + random.nextInt(200))).toString()))) {
            return;
        }
        boolean summons = random.nextInt(10) < 7;
        post(
                p,
                Json.with(
                        step("OM_DECISION", (on = on.plusDays(20 + random.nextInt(100))).toString()),
                        "decision",
                        summons ? "SUMMONS" : "SEPOT_POLICY"));
        if (!summons || random.nextInt(5) == 0) {
            return;
        }
        boolean convicted = random.nextInt(5) < 4;
        post(
                p,
                Json.with(
                        step("VERDICT", (on = on.plusDays(60 + random.nextInt(200))).toString()),
                        "verdict",
                        convicted ? "CONVICTION" : "ACQUITTAL"));
        if (convicted && random.nextInt(10) < 7) {
            boolean custody = random.nextBoolean();
            post(
                    p,
                    Json.with(
                            step("SENTENCE", on.toString()),
                            "sentence",
                            custody ? Json.of("custodyUnconditionalDays", 100) : Json.of("fineEuros", 500)));
        }
    }

    private boolean post(Party p, Map<String, Object> step) {
        Api.Reply r = worker.post("api/parties/" + p.id + "/chain-events", step);
        assertEquals(200, r.status() == 201 ? 200 : r.status(), r.toString());
        JsonNode events = r.json().get("events");
        JsonNode last = events.get(events.size() - 1);
        for (JsonNode e : events) {
            if (e.get("stage").asText().equals(step.get("stage"))) {
                last = e;
            }
        }
        boolean custody = last.at("/sentence/custodyUnconditionalDays").asInt(0) > 0;
        p.steps.add(new Step(
                last.get("id").asLong(),
                last.get("stage").asText(),
                text(last, "decision"),
                text(last, "verdict"),
                custody,
                LocalDate.parse((String) step.get("on"))));
        return true;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** Withdraws the latest step of up to {@code n} parties through DELETE api/chain-events/{id}. */
    int withdrawLatest(int n) {
        int done = 0;
        for (Kase k : cases) {
            for (Party p : k.parties) {
                if (done < n && !p.steps.isEmpty() && random.nextInt(3) == 0) {
                    Step last = p.steps.remove(p.steps.size() - 1);
                    Api.Reply r = worker.delete("api/chain-events/" + last.id, null);
                    assertEquals(200, r.status(), r.toString());
                    done++;
                }
            }
        }
        return done;
    }

    /** Changes the origin of a case (its counters move to another row) through PUT api/cases/{id}. */
    void reviseOrigin(Kase k, String origin) {
        Api.Reply current = worker.get("api/cases/" + k.id);
        Api.Reply r =
                worker.put("api/cases/" + k.id, caseBody(k.place, k.openedOn, origin, k.team, k.forms), current.etag());
        assertEquals(200, r.status(), r.toString());
        k.origin = origin;
    }

    /** Moves a case to another municipality (region) through PUT api/cases/{id}. */
    void revisePlace(Kase k, Place place) {
        Api.Reply current = worker.get("api/cases/" + k.id);
        Api.Reply r =
                worker.put("api/cases/" + k.id, caseBody(place, k.openedOn, k.origin, k.team, k.forms), current.etag());
        assertEquals(200, r.status(), r.toString());
        k.place = place;
    }

    private Map<String, Object> caseBody(Place place, LocalDate opened, String origin, String team, Set<String> forms) {
        Map<String, Object> body = Json.with(
                aCase(),
                "municipalityCode",
                place.municipality(),
                "openedOn",
                opened.toString(),
                "origin",
                origin,
                "teamType",
                team,
                "exploitationForms",
                List.copyOf(forms));
        return origin.equals("SIGNAL") ? Json.with(body, "signallingOrganisationId", signaller) : body;
    }

    private int pick(double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
