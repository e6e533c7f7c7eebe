package nl.ketenzicht.cases;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aSuspect;
import static nl.ketenzicht.support.ChainData.aVictim;
import static nl.ketenzicht.support.ChainData.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance 4 and 5 of the chain: organisation scope on every id, sharing, lost updates, idempotent
 * creation; and (issue 14) many creations in one server hold no JDBC statement afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class ScopeAndConcurrencyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    record Records(long caseId, long victim, long suspect, long event, long runaway, long referral, String caseEtag) {}

    private static Records recordsOf(Api a) {
        Api.Reply c = a.post("api/cases", aCase());
        long caseId = c.json().get("id").asLong();
        long victim = a.post("api/cases/" + caseId + "/victims", aVictim())
                .json()
                .get("id")
                .asLong();
        long suspect = a.post("api/cases/" + caseId + "/suspects", aSuspect(victim))
                .json()
                .get("id")
                .asLong();
        long event = a.post("api/parties/" + suspect + "/chain-events", step("IN_VIEW", "2023-03-05"))
                .json()
                .at("/events/0/id")
                .asLong();
        long runaway = a.post(
                        "api/parties/" + victim + "/runaways",
                        Json.of("institutionType", "SHELTER", "missingSince", "2023-01-05"))
                .json()
                .get("id")
                .asLong();
        long referral = a.post(
                        "api/parties/" + victim + "/care-referrals",
                        Json.of("careType", "SHELTER", "referredOn", "2023-01-05"))
                .json()
                .get("id")
                .asLong();
        return new Records(caseId, victim, suspect, event, runaway, referral, c.etag());
    }

    /** Every endpoint that takes an id of the chain, as the other organisation would call it. */
    private static List<String[]> idEndpoints(Records r) {
        String any = "{}";
        return List.of(
                new String[] {"GET", "api/cases/" + r.caseId(), null},
                new String[] {"PUT", "api/cases/" + r.caseId(), Api.write(aCase())},
                new String[] {
                    "POST",
                    "api/cases/" + r.caseId() + "/closure",
                    Api.write(Json.of("closedOn", "2024-01-01", "reason", "COMPLETED"))
                },
                new String[] {"POST", "api/cases/" + r.caseId() + "/reopening", null},
                new String[] {"GET", "api/cases/" + r.caseId() + "/shares", null},
                new String[] {
                    "POST",
                    "api/cases/" + r.caseId() + "/shares",
                    Api.write(Json.of(
                            "organisationId", 1, "purpose", "just curious", "scope", "READ", "expiresOn", "2099-01-01"))
                },
                new String[] {"DELETE", "api/cases/" + r.caseId() + "/shares/1", null},
                new String[] {"GET", "api/cases/" + r.caseId() + "/chain", null},
                new String[] {"POST", "api/cases/" + r.caseId() + "/victims", Api.write(aVictim())},
                new String[] {"POST", "api/cases/" + r.caseId() + "/suspects", Api.write(aSuspect(r.victim()))},
                new String[] {"POST", "api/cases/" + r.caseId() + "/clients", Api.write(Json.of("gender", "MALE"))},
                new String[] {"GET", "api/parties/" + r.victim(), null},
                new String[] {"PUT", "api/parties/" + r.victim() + "/victim", Api.write(aVictim())},
                new String[] {"PUT", "api/parties/" + r.suspect() + "/suspect", Api.write(Json.of("gender", "MALE"))},
                new String[] {"PUT", "api/parties/" + r.suspect() + "/client", Api.write(Json.of("gender", "MALE"))},
                new String[] {
                    "POST",
                    "api/parties/" + r.victim() + "/aangifte-events",
                    Api.write(Json.of("type", "AANGIFTE_MADE", "on", "2023-05-01"))
                },
                new String[] {"GET", "api/parties/" + r.suspect() + "/chain-events", null},
                new String[] {
                    "POST", "api/parties/" + r.suspect() + "/chain-events", Api.write(step("OM_INFLOW", "2023-06-01"))
                },
                new String[] {"DELETE", "api/chain-events/" + r.event(), null},
                new String[] {"GET", "api/parties/" + r.victim() + "/care", null},
                new String[] {
                    "POST",
                    "api/parties/" + r.victim() + "/runaways",
                    Api.write(Json.of("institutionType", "SHELTER", "missingSince", "2023-01-05"))
                },
                new String[] {
                    "PUT",
                    "api/runaways/" + r.runaway(),
                    Api.write(Json.of("institutionType", "SHELTER", "missingSince", "2023-01-05"))
                },
                new String[] {
                    "POST",
                    "api/parties/" + r.victim() + "/care-referrals",
                    Api.write(Json.of("careType", "SHELTER", "referredOn", "2023-01-05"))
                },
                new String[] {
                    "PUT",
                    "api/care-referrals/" + r.referral(),
                    Api.write(Json.of("careType", "SHELTER", "referredOn", "2023-01-05"))
                });
    }

    @Test
    void anotherOrganisationGets404OnEveryIdAndNeverSeesTheRecordsInLists() {
        Scenario s = new Scenario(base);
        Api a = s.caseworker(s.organisation("POLICE", "AMS"));
        long orgB = s.organisation("CARE", null);
        Api b = s.caseworker(orgB);
        Records r = recordsOf(a);
        String before = Db.chainFingerprint();
        for (String[] e : idEndpoints(r)) {
            Api.Reply reply = b.send(e[0], e[1], e[2], Map.of("If-Match", "\"1\""));
            assertEquals(404, reply.status(), "organisation B on " + e[0] + " " + e[1] + ": " + reply);
        }
        assertEquals(before, Db.chainFingerprint(), "nothing of A's was changed by B");
        for (String query : List.of(
                "",
                "?municipality=GM0363",
                "?origin=AMBTSHALVE",
                "?policeUnit=AMS",
                "?status=OPEN",
                "?exploitationForm=SEXUAL",
                "?openedFrom=2023-01-01&openedTo=2023-12-31",
                "?limit=200")) {
            Api.Reply list = b.get("api/cases" + query);
            assertEquals(200, list.status(), list.toString());
            assertFalse(
                    list.body().contains("\"id\":" + r.caseId() + ","),
                    "B's list " + query + " must not hold A's case");
        }
        Api.Reply own = a.get("api/cases?municipality=GM0363&limit=200");
        assertTrue(own.body().contains("\"id\":" + r.caseId() + ","), "A sees its own case");

        Api.Reply share = a.post(
                "api/cases/" + r.caseId() + "/shares",
                Json.with(
                        ChainData.aShare(
                                orgB, "READ_AND_ADD_PROCEEDINGS", s.today().plusDays(30)),
                        "purpose",
                        "OM and care on one chain"));
        assertEquals(201, share.status(), share.toString());
        assertEquals(200, b.get("api/cases/" + r.caseId() + "/chain").status(), "after sharing B reads the chain");
        assertEquals(
                201,
                b.post("api/parties/" + r.suspect() + "/chain-events", step("OM_INFLOW", "2023-06-01"))
                        .status(),
                "after sharing B adds proceedings");
        long shareId = share.json().get("id").asLong();
        assertEquals(
                200,
                a.send("DELETE", "api/cases/" + r.caseId() + "/shares/" + shareId, null, Map.of())
                        .status());
        assertEquals(404, b.get("api/cases/" + r.caseId() + "/chain").status(), "after revoking B no longer reads");
        assertEquals(
                404,
                b.post(
                                "api/parties/" + r.suspect() + "/chain-events",
                                Json.with(step("OM_DECISION", "2023-07-01"), "decision", "SUMMONS"))
                        .status());
    }

    @Test
    void twoEditorsWithTheSameEtagOneWinsOneGets412() throws Exception {
        Scenario s = new Scenario(base);
        Api a = s.caseworker(s.organisation("POLICE", "NH"));
        Records r = recordsOf(a);
        Map<String, Object> v1 = Json.with(aCase(), "suspectCount", 3);
        Map<String, Object> v2 = Json.with(aCase(), "suspectCount", 4);
        List<Integer> statuses = inParallel(List.of(
                () -> a.put("api/cases/" + r.caseId(), v1, r.caseEtag()).status(),
                () -> a.put("api/cases/" + r.caseId(), v2, r.caseEtag()).status()));
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 412), statuses, "exactly one of two editors with the same ETag wins");
        assertEquals(428, a.put("api/cases/" + r.caseId(), v1, null).status(), "an update without If-Match");
        assertEquals(412, a.put("api/cases/" + r.caseId(), v1, r.caseEtag()).status(), "a stale ETag");
        Api.Reply fresh = a.get("api/cases/" + r.caseId());
        int kept = fresh.json().get("suspectCount").asInt();
        assertTrue(kept == 3 || kept == 4, "the winner's value stays");
    }

    @Test
    void aRetriedOrConcurrentPostWithTheSameIdempotencyKeyCreatesOneRow() throws Exception {
        Scenario s = new Scenario(base);
        Api a = s.caseworker(s.organisation("POLICE", "DH"));
        Map<String, Object> body = Json.with(aCase(), "municipalityCode", "GM0518");
        long before = Db.count("case_file");
        String key = "retry-" + System.nanoTime();
        Api.Reply first = a.post("api/cases", body, Map.of("Idempotency-Key", key));
        Api.Reply again = a.post("api/cases", body, Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.toString());
        assertEquals(201, again.status(), again.toString());
        assertEquals(first.json().get("id"), again.json().get("id"), "the retry answers with the first result");
        assertEquals(before + 1, Db.count("case_file"));
        assertEquals(
                422,
                a.post("api/cases", Json.with(body, "suspectCount", 9), Map.of("Idempotency-Key", key))
                        .status(),
                "the same key with another body");

        String concurrentKey = "race-" + System.nanoTime();
        List<Callable<Api.Reply>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> a.post("api/cases", body, Map.of("Idempotency-Key", concurrentKey)));
        }
        List<Api.Reply> replies = inParallel(racers);
        replies.forEach(r -> assertEquals(201, r.status(), r.toString()));
        assertEquals(
                1,
                replies.stream()
                        .map(r -> r.json().get("id").asLong())
                        .distinct()
                        .count(),
                "all racers see one case");
        assertEquals(before + 2, Db.count("case_file"), "eight concurrent posts with one key made one row");
    }

    /**
     * Issue 14: every creation left its INSERT statement and key result set held by the pooled
     * connection (500 creations, 500 statements more), until the old generation was full. After a
     * warm-up that opens the pool's connections, 450 more creations (with idempotency keys, reads and
     * lists, by session and by token) must leave the live statement and result-set objects and the
     * old generation where they were; the counts come from a class histogram after a full GC.
     */
    @Test
    void manyCreationsLeaveNoJdbcStatementHeld() throws Exception {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        List<Api> callers = List.of(s.caseworker(org), s.token(org));
        createMany(callers, 150);
        JsonNode before = jdbcObjects(s);
        long start = System.nanoTime();
        createMany(callers, 450);
        JsonNode after = jdbcObjects(s);
        System.out.printf(
                "statement leak: after 150 creations %s; after 600 (450 in %d ms) %s%n",
                before, (System.nanoTime() - start) / 1_000_000, after);
        assertTrue(
                after.get("statements").asLong() - before.get("statements").asLong() <= 10,
                "JDBC statements held: " + before + " before, " + after + " after 450 creations");
        assertTrue(
                after.get("resultSets").asLong() - before.get("resultSets").asLong() <= 10,
                "JDBC result sets held: " + before + " before, " + after + " after 450 creations");
        assertTrue(
                after.get("oldGenBytes").asLong() - before.get("oldGenBytes").asLong() <= 8L << 20,
                "old generation after a full GC: " + before + " before, " + after + " after 450 creations");
    }

    /** Creates n cases from 8 threads, taking turns between the callers; each tenth is read back, each fiftieth listed. */
    private static void createMany(List<Api> callers, int n) throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = thread; i < n; i += 8) {
                    Api caller = callers.get(i % callers.size());
                    Api.Reply created = caller.post(
                            "api/cases", aCase(), Map.of("Idempotency-Key", "leak-" + System.nanoTime() + "-" + i));
                    assertEquals(201, created.status(), created.toString());
                    if (i % 10 == 0) {
                        assertEquals(
                                200,
                                caller.get("api/cases/"
                                                + created.json().get("id").asLong())
                                        .status());
                    }
                    if (i % 50 == 0) {
                        assertEquals(200, caller.get("api/cases?limit=20").status());
                    }
                }
                return n;
            });
        }
        inParallel(tasks);
    }

    private static JsonNode jdbcObjects(Scenario s) {
        Api.Reply r = s.anonymous().get("api/test/diagnostics/jdbc-objects");
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
