package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.support.Api;

/**
 * The victims of a {@link ReportWorld} with what measures 4–6 count: profile, aangifte history,
 * runaway episodes and care referrals, written through the API and remembered as plain records.
 * Its own random stream, so the cases and chains of ReportWorld stay as they were.
 */
final class VictimWorld {

    private static final String[] ADVICE = {"NONE", "NONE", "BEFORE", "DURING", "BEFORE_AND_DURING"};
    private static final String[] REASONS = {"FEAR_SUSPECT", "LOYALTY", "SHAME", "NO_TRUST"};
    private static final String[] MARKERS = {
        "LVB", "GGZ", "EATING_DISORDER", "RESIDENTIAL_YOUTH_CARE", "EARLIER_RUNAWAY"
    };
    private static final String[] CHANNELS = {"SNAPCHAT", "INSTAGRAM", "PRO_ANA", "PEER"};
    private static final String[] INSTITUTIONS = {"OPEN_YOUTH_CARE", "CLOSED_YOUTH_CARE", "SHELTER"};
    private static final String[] CARE = {"SPECIALIST_YOUTH_CARE", "SHELTER", "TRAUMA_THERAPY"};

    record Event(String type, String advice, Set<String> reasons, LocalDate on) {}

    static final class Runaway {
        long id;
        String etag;
        String institution;
        LocalDate missing;
        LocalDate reported;
        LocalDate found;
        Boolean victimised;
    }

    static final class Referral {
        long id;
        String etag;
        String type;
        LocalDate referred;
        LocalDate started;
    }

    static final class Victim {
        final long id;
        final ReportWorld.Kase kase;
        Integer birthYear;
        Integer birthMonth;
        LocalDate exploitationStartedOn;
        Set<String> markers = new TreeSet<>();
        String channel;
        /** The estimated number of clients, where recorded (the monitor's identified against estimated clients). */
        Integer estimatedClients;

        final List<Event> events = new ArrayList<>();
        final List<Runaway> runaways = new ArrayList<>();
        final List<Referral> referrals = new ArrayList<>();

        Victim(long id, ReportWorld.Kase kase) {
            this.id = id;
            this.kase = kase;
        }

        AgeGroup ageGroup() {
            return AgeGroup.of(birthYear, birthMonth, exploitationStartedOn, kase.openedOn);
        }

        boolean made() {
            return events.stream().anyMatch(e -> e.type.equals("AANGIFTE_MADE"));
        }

        boolean declined() {
            return events.stream().anyMatch(e -> e.type.equals("DECLINED"));
        }

        Set<String> reasons() {
            Set<String> r = new TreeSet<>();
            events.stream().filter(e -> e.type.equals("DECLINED")).forEach(e -> r.addAll(e.reasons));
            return r;
        }

        /** NO_HEARING, or the psychologist's advice over all hearings; written apart from VictimFacts. */
        String hearing() {
            List<Event> hearings = events.stream()
                    .filter(e -> e.type.equals("AANGIFTE_MADE") || e.type.equals("INFORMATORY_INTERVIEW"))
                    .toList();
            if (hearings.isEmpty()) {
                return "NO_HEARING";
            }
            boolean before = hearings.stream().anyMatch(e -> e.advice.startsWith("BEFORE"));
            boolean during = hearings.stream().anyMatch(e -> e.advice.endsWith("DURING"));
            return before ? (during ? "BEFORE_AND_DURING" : "BEFORE") : during ? "DURING" : "NONE";
        }
    }

    final List<Victim> victims = new ArrayList<>();
    private final Api worker;
    private final Random random;

    VictimWorld(Api worker, long seed) {
        this.worker = worker;
        this.random = new Random(seed);
    }

    /** Gives every victim of the cases a random profile, aangifte history, episodes and referrals. */
    void describe(List<ReportWorld.Kase> cases) {
        for (ReportWorld.Kase k : cases) {
            for (ReportWorld.Party p : k.parties) {
                if (p.kind.equals("VICTIM")) {
                    Victim v = new Victim(p.id, k);
                    victims.add(v);
                    profile(v);
                    history(v);
                    for (int n = random.nextInt(10) < 3 ? 1 + random.nextInt(2) : 0; n > 0; n--) {
                        runaway(v);
                    }
                    if (random.nextInt(10) < 5) {
                        referral(v);
                    }
                }
            }
        }
    }

    private void profile(Victim v) {
        v.birthYear = random.nextInt(10) == 0 ? null : 2004 + random.nextInt(13);
        v.birthMonth = v.birthYear == null || random.nextInt(3) == 0 ? null : 1 + random.nextInt(12);
        v.exploitationStartedOn = random.nextInt(10) < 7 ? v.kase.openedOn.minusMonths(random.nextInt(30)) : null;
        if (v.birthYear != null && v.exploitationStartedOn != null && v.exploitationStartedOn.getYear() < v.birthYear) {
            v.exploitationStartedOn = null;
        }
        v.markers = new TreeSet<>();
        for (String m : MARKERS) {
            if (random.nextInt(10) < 3) {
                v.markers.add(m);
            }
        }
        v.channel = random.nextInt(5) == 0 ? null : CHANNELS[random.nextInt(CHANNELS.length)];
        Api.Reply current = worker.get("api/parties/" + v.id);
        Api.Reply r = worker.put("api/parties/" + v.id + "/victim", body(v), current.etag());
        assertEquals(200, r.status(), r.toString());
    }

    private static Map<String, Object> body(Victim v) {
        Map<String, Object> b = new HashMap<>();
        b.put("gender", "FEMALE");
        b.put("birthYear", v.birthYear);
        b.put("birthMonth", v.birthMonth);
        b.put("nationality", "NL");
        b.put("vulnerabilities", List.copyOf(v.markers));
        b.put("recruitmentChannel", v.channel);
        b.put("exploitationStartedOn", v.exploitationStartedOn == null ? null : v.exploitationStartedOn.toString());
        b.put("consentToShare", true);
        return b;
    }

    private void history(Victim v) {
        int u = random.nextInt(20);
        LocalDate on = v.kase.openedOn.plusDays(5);
        List<String> steps = switch (u / 2) {
            case 0, 1 -> List.of();
            case 2, 3 -> List.of("INFORMATORY_INTERVIEW", "AANGIFTE_MADE");
            case 4 -> List.of("AANGIFTE_MADE");
            case 5 -> List.of("AANGIFTE_MADE", "WITHDRAWN");
            case 6, 7 -> List.of("DECLINED");
            case 8 -> List.of("INFORMATORY_INTERVIEW", "DECLINED");
            default -> List.of("DECLINED", "AANGIFTE_MADE");
        };
        for (String type : steps) {
            record(v, type, on = on.plusDays(random.nextInt(40)));
        }
    }

    /** Records the next aangifte step through the API. */
    void record(Victim v, String type, LocalDate on) {
        String advice = ADVICE[random.nextInt(ADVICE.length)];
        Set<String> reasons = new TreeSet<>();
        if (type.equals("DECLINED")) {
            reasons.add(REASONS[random.nextInt(REASONS.length)]);
            if (random.nextBoolean()) {
                reasons.add(REASONS[random.nextInt(REASONS.length)]);
            }
        }
        Map<String, Object> b = new HashMap<>(Map.of(
                "type", type, "on", on.toString(), "psychologistAdvised", advice, "reasons", List.copyOf(reasons)));
        Api.Reply r = worker.post("api/parties/" + v.id + "/aangifte-events", b);
        assertEquals(200, r.status() == 201 ? 200 : r.status(), r.toString());
        v.events.add(new Event(type, advice, reasons, on));
    }

    private void runaway(Victim v) {
        Runaway e = new Runaway();
        e.institution = INSTITUTIONS[random.nextInt(INSTITUTIONS.length)];
        e.missing = v.kase.openedOn.plusDays(random.nextInt(200));
        e.reported = random.nextInt(10) < 8 ? e.missing.plusDays(random.nextInt(6)) : null;
        e.found = random.nextInt(10) < 7 ? e.missing.plusDays(1 + random.nextInt(60)) : null;
        e.victimised = random.nextInt(10) < 2 ? null : random.nextInt(10) < 4;
        Api.Reply r = worker.post("api/parties/" + v.id + "/runaways", runawayBody(e));
        assertEquals(201, r.status(), r.toString());
        e.id = r.json().get("id").asLong();
        e.etag = r.etag();
        v.runaways.add(e);
    }

    /** A runaway found after all (an update of a relevant record). */
    void find(Runaway e, LocalDate on) {
        e.found = on;
        Api.Reply r = worker.put("api/runaways/" + e.id, runawayBody(e), e.etag);
        assertEquals(200, r.status(), r.toString());
        e.etag = r.etag();
    }

    private static Map<String, Object> runawayBody(Runaway e) {
        Map<String, Object> b = new HashMap<>();
        b.put("institutionType", e.institution);
        b.put("missingSince", e.missing.toString());
        b.put("reportedOn", e.reported == null ? null : e.reported.toString());
        b.put("foundOn", e.found == null ? null : e.found.toString());
        b.put("victimisedDuring", e.victimised);
        return b;
    }

    private void referral(Victim v) {
        Referral c = new Referral();
        c.type = CARE[random.nextInt(CARE.length)];
        c.referred = v.kase.openedOn.plusDays(random.nextInt(100));
        c.started = random.nextInt(10) < 7 ? c.referred.plusDays(random.nextInt(120)) : null;
        Api.Reply r = worker.post("api/parties/" + v.id + "/care-referrals", referralBody(c));
        assertEquals(201, r.status(), r.toString());
        c.id = r.json().get("id").asLong();
        c.etag = r.etag();
        v.referrals.add(c);
    }

    /** Care started after all, or its start corrected. */
    void start(Referral c, LocalDate on) {
        c.started = on;
        Api.Reply r = worker.put("api/care-referrals/" + c.id, referralBody(c), c.etag);
        assertEquals(200, r.status(), r.toString());
        c.etag = r.etag();
    }

    private static Map<String, Object> referralBody(Referral c) {
        Map<String, Object> b = new HashMap<>();
        b.put("careType", c.type);
        b.put("referredOn", c.referred.toString());
        b.put("startedOn", c.started == null ? null : c.started.toString());
        return b;
    }

    /** Revises a victim's profile: another birth year (age group) and markers. */
    void revise(Victim v, Integer birthYear, Set<String> markers) {
        v.birthYear = birthYear;
        v.birthMonth = birthYear == null ? null : v.birthMonth;
        if (birthYear != null && v.exploitationStartedOn != null && v.exploitationStartedOn.getYear() < birthYear) {
            v.exploitationStartedOn = null;
        }
        v.markers = new TreeSet<>(markers);
        Api.Reply current = worker.get("api/parties/" + v.id);
        Api.Reply r = worker.put("api/parties/" + v.id + "/victim", body(v), current.etag());
        assertEquals(200, r.status(), r.toString());
    }

    static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
