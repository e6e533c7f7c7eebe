package nl.ketenzicht.retention;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aClient;
import static nl.ketenzicht.support.ChainData.aSuspect;
import static nl.ketenzicht.support.ChainData.aVictim;
import static nl.ketenzicht.support.ChainData.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.ketenzicht.reports.aggregates.AggregateRebuild;
import nl.ketenzicht.reports.aggregates.CounterCheck;
import nl.ketenzicht.reports.aggregates.Counters;
import nl.ketenzicht.reports.aggregates.VictimCountCheck;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.KeptMonitor;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention (security.md, "Minimisation and retention"): a closed case is purged, with everything
 * that hangs off it, once its retention period has passed on the server's clock; other cases stay as
 * they were, the report counters equal a recount, the purge is in the access log, and the log's hash
 * chain still verifies. The clock moves by two days only: the cases are closed just inside the
 * default period of five years, so that the shift carries one of them across the boundary.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    private static final int YEARS = 5;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    /** One case and the ids of what hangs off it. */
    private record Built(long caseId, List<Long> parties, List<Long> victims) {}

    @Test
    void expiredCasesArePurgedWithAllTheyHoldAndTheAuditChainStillVerifies() throws Exception {
        recountAggregates();
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        long partner = s.organisation("CARE", null);
        Api w = s.caseworker(org);
        LocalDate today = serverToday(w);
        LocalDate lastDayKept = today.minusYears(YEARS).plusDays(1);

        Built expiring = fullCase(w, partner, "2020-03-01", s.today());
        Built expiringBare = bareCase(w, "2020-04-01");
        Built open = fullCase(w, partner, "2020-03-01", s.today());
        Built closedLater = bareCase(w, "2020-04-01");
        close(w, expiring.caseId(), lastDayKept);
        close(w, expiringBare.caseId(), lastDayKept);
        close(w, closedLater.caseId(), lastDayKept.plusDays(3));
        long registration = register(w, expiring.caseId());
        long outsiderOrg = s.organisation("OM", null);
        Api outsider = s.caseworker(outsiderOrg);
        assertEquals(
                201,
                outsider.post(
                                "api/break-glass",
                                Json.of(
                                        "caseId",
                                        expiring.caseId(),
                                        "reason",
                                        "Victim found at night, needs safe placement now"))
                        .status());

        assertEquals(200, purgeNow(s).status());
        for (Built b : List.of(expiring, expiringBare, open, closedLater)) {
            assertEquals(1, Db.count("case_file WHERE id = " + b.caseId()), "nothing expires before its day");
        }
        Map<String, Long> expiringRows = rowsOf(expiring);
        assertTrue(
                expiringRows.values().stream().allMatch(n -> n > 0),
                "the full case has rows everywhere: " + expiringRows);
        Map<String, Long> openRows = rowsOf(open);
        Map<String, Long> laterRows = rowsOf(closedLater);
        long funnelCases = sum("SELECT SUM(cases) FROM " + Counters.current("cases", " WHERE year = 2020") + " f");
        long victims2020 = sum("SELECT SUM(victims) FROM report_victim_count WHERE year = 2020 AND municipality = ''");
        long shame2020 =
                sum("SELECT SUM(reason_shame) FROM report_victim_count WHERE year = 2020 AND municipality = ''");
        assertCountersEqualRecount();

        String coordinator =
                s.createUserOnly("COORDINATOR", outsiderOrg).get("username").asText();
        KeptMonitor monitor = new KeptMonitor(s.login(coordinator, Scenario.PASSWORD), 2020);

        s.advanceClock(2 * 24 * 3600 + 60);
        Api.Reply purged = purgeNow(s);
        assertEquals(200, purged.status(), purged.toString());
        assertTrue(purged.json().get("purged").asInt() >= 2, purged.toString());
        s = new Scenario(base); // two days later the old sessions have timed out
        w = s.caseworker(org);
        monitor.as(s.login(coordinator, Scenario.PASSWORD)).afterChange("a purge");

        for (Built b : List.of(expiring, expiringBare)) {
            Map<String, Long> left = rowsOf(b);
            assertTrue(
                    left.values().stream().allMatch(n -> n == 0), "case " + b.caseId() + " left rows behind: " + left);
            assertEquals(404, w.get("api/cases/" + b.caseId()).status(), "case " + b.caseId());
        }
        assertEquals(openRows, rowsOf(open), "an open case stays whole");
        assertEquals(laterRows, rowsOf(closedLater), "a case closed later stays whole");
        assertEquals(200, w.get("api/cases/" + open.caseId()).status());
        assertEquals(
                1,
                Db.count("registration WHERE id = " + registration + " AND case_id IS NULL"),
                "the partner's registration stays on its list, no longer linked to the case");

        assertEquals(
                funnelCases - 2,
                sum("SELECT SUM(cases) FROM " + Counters.current("cases", " WHERE year = 2020") + " f"),
                "two cases of 2020 left the counts");
        assertEquals(
                victims2020 - 2,
                sum("SELECT SUM(victims) FROM report_victim_count WHERE year = 2020 AND municipality = ''"),
                "their two victims left measure 4's counters");
        assertEquals(
                shame2020 - 1,
                sum("SELECT SUM(reason_shame) FROM report_victim_count WHERE year = 2020 AND municipality = ''"),
                "and so did the reason of its declined aangifte");
        assertCountersEqualRecount();

        for (Built b : List.of(expiring, expiringBare)) {
            assertEquals(
                    1,
                    Db.count(
                            "access_log WHERE action = 'DELETE' AND crud = 'D' AND object_type = 'case' AND object_ids = '"
                                    + b.caseId()
                                    + "' AND actor = 'system:retention' AND purpose = 'retention' AND outcome = 'SUCCESS' "
                                    + "AND organisation_id = " + org),
                    "the purge of case " + b.caseId() + " is logged");
        }
        assertEquals(
                1,
                Db.count("access_log_subject WHERE subject_id = "
                        + expiring.victims().get(0)
                        + " AND entry_id = (SELECT MAX(id) FROM access_log WHERE purpose = 'retention' AND object_ids = '"
                        + expiring.caseId() + "')"),
                "the purge shows in the victim's access overview");
        assertTrue(
                Db.count("access_log WHERE object_ids = '" + expiring.caseId() + "' AND action = 'CREATE'") > 0,
                "the log keeps its earlier rows about the purged case");

        Api auditor = s.user("AUDITOR", org, null);
        JsonNode verification = auditor.get("api/audit/verification").json();
        assertTrue(verification.get("intact").asBoolean(), "the chain verifies after the purge: " + verification);
        JsonNode glass = s.user("AUDITOR", outsiderOrg, null)
                .get("api/audit/break-glass")
                .json();
        assertTrue(
                glass.toString().contains("\"caseId\":" + expiring.caseId()),
                "the break-glass grant stays listed: " + glass);
    }

    private static Built fullCase(Api w, long partner, String openedOn, java.time.LocalDate today) {
        Api.Reply created = w.post(
                "api/cases",
                Json.with(aCase(), "openedOn", openedOn),
                Map.of("Idempotency-Key", "retention-" + System.nanoTime()));
        assertEquals(201, created.status(), created.toString());
        long caseId = created.json().get("id").asLong();
        long victim = created(w.post(
                "api/cases/" + caseId + "/victims",
                Json.with(aVictim(), "exploitationStartedOn", "2019-09-01", "partnerReference", "REF-" + caseId)));
        created(w.post(
                "api/parties/" + victim + "/aangifte-events",
                Json.of("type", "DECLINED", "on", "2020-03-10", "reasons", List.of("FEAR_SUSPECT", "SHAME"))));
        created(w.post(
                "api/parties/" + victim + "/runaways",
                Json.of(
                        "institutionType",
                        "CLOSED_YOUTH_CARE",
                        "missingSince",
                        "2020-01-05",
                        "reportedOn",
                        "2020-01-06",
                        "foundOn",
                        "2020-01-20",
                        "victimisedDuring",
                        true)));
        created(w.post(
                "api/parties/" + victim + "/care-referrals",
                Json.of("careType", "SPECIALIST_YOUTH_CARE", "referredOn", "2020-03-15", "startedOn", "2020-04-20")));
        long suspect = created(w.post("api/cases/" + caseId + "/suspects", aSuspect(victim)));
        long client = created(w.post("api/cases/" + caseId + "/clients", aClient(victim)));
        for (long party : List.of(suspect, client)) {
            assertCreated(w.post(
                    "api/parties/" + party + "/chain-events",
                    Json.with(
                            step("IN_VIEW", "2020-03-05"),
                            "charges",
                            List.of(Json.of("article", "273f", "lawVersion", "SR", "offenceDate", "2019-10-01")))));
            assertCreated(w.post("api/parties/" + party + "/chain-events", step("OM_INFLOW", "2020-06-01")));
        }
        created(w.post(
                "api/cases/" + caseId + "/shares",
                Json.with(ChainData.aShare(partner, "READ", today.plusDays(30)), "purpose", "Joint care planning")));
        return new Built(caseId, List.of(victim, suspect, client), List.of(victim));
    }

    private static Built bareCase(Api w, String openedOn) {
        long caseId = created(w.post("api/cases", Json.with(aCase(), "openedOn", openedOn)));
        long victim = created(w.post(
                "api/cases/" + caseId + "/victims", Json.with(aVictim(), "exploitationStartedOn", "2019-09-01")));
        return new Built(caseId, List.of(victim), List.of(victim));
    }

    private static long created(Api.Reply r) {
        assertCreated(r);
        return r.json().get("id").asLong();
    }

    private static void assertCreated(Api.Reply r) {
        assertEquals(201, r.status(), r.toString());
    }

    private static void close(Api w, long caseId, LocalDate on) {
        String etag = w.get("api/cases/" + caseId).etag();
        Api.Reply r = w.send(
                "POST",
                "api/cases/" + caseId + "/closure",
                Json.of("closedOn", on.toString(), "reason", "COMPLETED"),
                Map.of("If-Match", etag));
        assertEquals(200, r.status(), r.toString());
    }

    private static long register(Api w, long caseId) {
        return created(w.post(
                "api/registrations",
                Json.of(
                        "registeredOn",
                        "2020-05-01",
                        "municipalityCode",
                        "GM0363",
                        "firstName",
                        "Retentia",
                        "familyName",
                        "Bewaartermijn",
                        "birthDate",
                        "2006-02-17",
                        "gender",
                        "FEMALE",
                        "caseId",
                        caseId)));
    }

    private static Api.Reply purgeNow(Scenario s) {
        return s.anonymous().post("api/test/retention", null);
    }

    /** The server's own date: the access log is written with its (shifted) clock. */
    private static LocalDate serverToday(Api w) {
        assertEquals(200, w.get("api/cases").status());
        try (Connection c = Db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DATE(occurred_at) FROM access_log ORDER BY id DESC LIMIT 1")) {
            rs.next();
            return rs.getDate(1).toLocalDate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Row counts of every table that holds a part of the case. */
    private static Map<String, Long> rowsOf(Built b) {
        String p = b.parties().stream().map(String::valueOf).collect(Collectors.joining(","));
        long c = b.caseId();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String t : List.of(
                "case_file WHERE id = " + c,
                "case_exploitation_form WHERE case_id = " + c,
                "case_investigation_method WHERE case_id = " + c,
                "party WHERE case_id = " + c,
                "victim_vulnerability WHERE party_id IN (" + p + ")",
                "party_link WHERE victim_id IN (" + p + ")",
                "aangifte_event WHERE victim_id IN (" + p + ")",
                "aangifte_reason WHERE event_id IN (SELECT id FROM aangifte_event WHERE victim_id IN (" + p + "))",
                "report_case_fact WHERE case_id = " + c)) {
            rows.put(t, Db.count(t));
        }
        if (b.parties().size() > 1) {
            for (String t : List.of(
                    "case_share WHERE case_id = " + c,
                    "party_reference WHERE party_id IN (" + p + ")",
                    "chain_event WHERE party_id IN (" + p + ")",
                    "charge WHERE party_id IN (" + p + ")",
                    "runaway_episode WHERE victim_id IN (" + p + ")",
                    "care_referral WHERE victim_id IN (" + p + ")",
                    "report_party_fact WHERE party_id IN (" + p + ")",
                    "idempotency_key WHERE location LIKE '%/api/cases/" + c + "'")) {
                rows.put(t, Db.count(t));
            }
        }
        return rows;
    }

    private static long sum(String sql) {
        try (Connection c = Db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Other tests in this database load cases in bulk, past the application (JdbcWriterIT), so the
     * counters start from a recount; from then on only the application writes here.
     */
    private static void recountAggregates() throws Exception {
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            AggregateRebuild.run(c);
            c.commit();
        }
    }

    /** The maintained aggregates equal a set-based recount from the base tables (rolled back afterwards). */
    private static void assertCountersEqualRecount() throws Exception {
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            List<String> funnel = CounterCheck.currentRows(c);
            List<String> caseFacts =
                    CounterCheck.rows(c, "SELECT * FROM report_case_fact WHERE year <> 0 ORDER BY case_id");
            List<String> partyFacts = CounterCheck.rows(c, "SELECT * FROM report_party_fact ORDER BY party_id");
            AggregateRebuild.run(c);
            assertEquals(CounterCheck.foldedRows(c), funnel, "counters equal a recount");
            assertEquals(
                    CounterCheck.rows(c, "SELECT * FROM report_case_fact ORDER BY case_id"),
                    caseFacts,
                    "case facts equal a recount");
            assertEquals(
                    CounterCheck.rows(c, "SELECT * FROM report_party_fact ORDER BY party_id"),
                    partyFacts,
                    "party facts equal a recount");
            c.rollback();
            VictimCountCheck.assertCountersEqualFacts(c);
        }
    }
}
