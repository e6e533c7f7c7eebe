package nl.ketenzicht.audit;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aSuspect;
import static nl.ketenzicht.support.ChainData.aVictim;
import static nl.ketenzicht.support.ChainData.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Backup;
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

/** The access-log promises of security.md (NEN 7513), against the running application and MariaDB. */
@ExtendWith(ArquillianExtension.class)
class AccessLogIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    /** Runs one call and returns the log rows it added, asserting there is exactly one. */
    private static String[] oneRow(String what, Supplier<Api.Reply> call) {
        long before = Db.count("access_log");
        Api.Reply reply = call.get();
        assertTrue(reply.status() < 300, what + ": " + reply);
        assertEquals(before + 1, Db.count("access_log"), what + " leaves exactly one access-log row");
        return latestRow();
    }

    /** action, crud, object type, object ids, subject ids, outcome, break-glass, purpose, owners, actor. */
    private static String[] latestRow() {
        try (Connection c = Db.connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery(
                        "SELECT action, crud, object_type, object_ids, subject_ids, outcome, break_glass, purpose, "
                                + "owner_ids, actor FROM access_log ORDER BY id DESC LIMIT 1")) {
            rs.next();
            String[] row = new String[10];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getString(i + 1);
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyReadAndWriteLeavesExactlyOneMatchingRow() {
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "LB"));
        long[] ids = new long[3];
        String[] row = oneRow("create case", () -> {
            Api.Reply r = w.post("api/cases", aCase());
            ids[0] = r.json().get("id").asLong();
            return r;
        });
        assertEquals(
                List.of("CREATE", "C", "case", String.valueOf(ids[0]), "SUCCESS"),
                List.of(row[0], row[1], row[2], row[3], row[5]));
        assertEquals("R", oneRow("read case", () -> w.get("api/cases/" + ids[0]))[1]);
        assertEquals("SEARCH", oneRow("list cases", () -> w.get("api/cases"))[0]);
        row = oneRow("add victim", () -> {
            Api.Reply r = w.post("api/cases/" + ids[0] + "/victims", aVictim());
            ids[1] = r.json().get("id").asLong();
            return r;
        });
        assertEquals(String.valueOf(ids[1]), row[4], "the victim is the data subject");
        row = oneRow("add suspect", () -> {
            Api.Reply r = w.post("api/cases/" + ids[0] + "/suspects", aSuspect(ids[1]));
            ids[2] = r.json().get("id").asLong();
            return r;
        });
        assertEquals(String.valueOf(ids[1]), row[4], "the suspect's record concerns the linked victim");
        assertEquals(
                "CREATE",
                oneRow(
                        "chain step",
                        () -> w.post("api/parties/" + ids[2] + "/chain-events", step("IN_VIEW", "2023-04-01")))[0]);
        assertEquals("READ", oneRow("read party", () -> w.get("api/parties/" + ids[1]))[0]);
        assertEquals("case-chain", oneRow("case page", () -> w.get("api/cases/" + ids[0] + "/chain"))[2]);
        String etag = w.get("api/cases/" + ids[0]).etag();
        assertEquals("UPDATE", oneRow("revise case", () -> w.put("api/cases/" + ids[0], aCase(), etag))[0]);
    }

    /**
     * Reads share statements and commits (group commit); each still leaves its own row, with its
     * subjects. More readers than the main pool has connections (40): the group writer has its own pool.
     */
    @Test
    void concurrentReadsEachLeaveTheirOwnRow() throws Exception {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.token(org);
        long caseId = w.post("api/cases", aCase()).json().get("id").asLong();
        long victim = w.post("api/cases/" + caseId + "/victims", aVictim())
                .json()
                .get("id")
                .asLong();
        int threads = 48;
        int each = 4;
        List<Api> apis = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            apis.add(s.token(org));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<Integer>>> results = new java.util.ArrayList<>();
            for (Api api : apis) {
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new java.util.ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        statuses.add(api.get(i % 2 == 0 ? "api/cases/" + caseId : "api/parties/" + victim)
                                .status());
                    }
                    return statuses;
                }));
            }
            for (var r : results) {
                assertEquals(java.util.Collections.nCopies(each, 200), r.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(
                threads * each / 2,
                Db.count(
                        "access_log WHERE organisation_id = " + org + " AND action = 'READ' AND object_type = 'case'"));
        assertEquals(
                threads * each / 2,
                Db.count("access_log WHERE organisation_id = " + org + " AND action = 'READ' AND subject_ids = '"
                        + victim + "'"));
        assertEquals(
                threads * each / 2,
                Db.count("access_log l JOIN access_log_subject x ON x.entry_id = l.id WHERE l.organisation_id = " + org
                        + " AND l.action = 'READ' AND x.subject_id = " + victim),
                "each party read indexes its own row under the victim");
    }

    @Test
    void deniedAttemptsAreLoggedToo() {
        Scenario s = new Scenario(base);
        Api a = s.caseworker(s.organisation("POLICE", "LB"));
        long caseId = a.post("api/cases", aCase()).json().get("id").asLong();
        Api b = s.caseworker(s.organisation("CARE", null));
        long before = Db.count("access_log WHERE outcome = 'NOT_FOUND'");
        assertEquals(404, b.get("api/cases/" + caseId).status());
        assertEquals(before + 1, Db.count("access_log WHERE outcome = 'NOT_FOUND'"), "the refused read is in the log");
    }

    @Test
    void whenTheLogCannotBeWrittenReadsFailWith503AndNoData() throws SQLException {
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "LB"));
        long caseId = w.post("api/cases", aCase()).json().get("id").asLong();
        String app = System.getenv("KETENZICHT_DB_USER");
        try (Connection c = Db.connect();
                Statement st = c.createStatement()) {
            st.execute("REVOKE INSERT ON access_log FROM '" + app + "'@'%'");
            try {
                Api.Reply r = w.get("api/cases/" + caseId);
                assertEquals(503, r.status(), r.toString());
                assertTrue(r.contentType().startsWith("application/problem+json"));
                assertFalse(
                        r.body().contains("GM0363") || r.body().contains("AMBTSHALVE"), "no case data: " + r.body());
                assertEquals(503, w.post("api/cases", aCase()).status(), "nor any write");
            } finally {
                st.execute("GRANT INSERT ON access_log TO '" + app + "'@'%'");
            }
        }
        assertEquals(200, w.get("api/cases/" + caseId).status(), "back to normal once the log is writable");
    }

    @Test
    void theApplicationsDatabaseUserCannotChangeOrDeleteLogRows() throws SQLException {
        new Scenario(base).admin();
        try (Connection c = DriverManager.getConnection(
                        System.getenv("KETENZICHT_DB_URL"),
                        System.getenv("KETENZICHT_DB_USER"),
                        System.getenv("KETENZICHT_DB_PASSWORD"));
                Statement st = c.createStatement()) {
            var update = assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE access_log SET actor = 'x'"));
            assertTrue(update.getMessage().contains("denied"), update.getMessage());
            var delete = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM access_log"));
            assertTrue(delete.getMessage().contains("denied"), delete.getMessage());
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM access_log_seal"));
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE access_log_seal SET hash = 'x'"));
        }
    }

    @Test
    void theVerifierFindsEachTamperClassAndOtherwiseReportsIntact() throws SQLException {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        for (int i = 0; i < 3; i++) {
            w.post("api/cases", aCase());
        }
        Api auditor = s.user("AUDITOR", org, null);
        assertTrue(verify(auditor).get("intact").asBoolean(), "intact before tampering: " + verify(auditor));
        try (Connection c = Db.connect();
                Statement st = c.createStatement()) {
            long target = oldestEntryOf(st, org);
            st.executeUpdate("UPDATE access_log SET actor = CONCAT(actor, 'x') WHERE id = " + target);
            assertBroken(auditor, "a changed row");
            st.executeUpdate("UPDATE access_log SET actor = LEFT(actor, CHAR_LENGTH(actor) - 1) WHERE id = " + target);
            assertTrue(verify(auditor).get("intact").asBoolean(), "restored");

            st.executeUpdate("CREATE TEMPORARY TABLE saved AS SELECT * FROM access_log WHERE id = " + target);
            st.executeUpdate("DELETE FROM access_log WHERE id = " + target);
            assertBroken(auditor, "a deleted row");
            st.executeUpdate("INSERT INTO access_log SELECT * FROM saved");
            assertTrue(verify(auditor).get("intact").asBoolean(), "restored");

            st.executeUpdate("INSERT INTO access_log (occurred_at, actor, action, crud, object_type, outcome) "
                    + "VALUES (NOW(3) - INTERVAL 1 DAY, 'user:1', 'READ', 'R', 'case', 'SUCCESS')");
            assertBroken(auditor, "an inserted row");
            st.executeUpdate(
                    "DELETE FROM access_log WHERE occurred_at < NOW(3) - INTERVAL 23 HOUR AND actor = 'user:1' AND object_ids IS NULL");
            assertTrue(verify(auditor).get("intact").asBoolean(), "restored");

            long other = target + 1;
            swap(st, target, other);
            assertBroken(auditor, "two rows reordered");
            swap(st, target, other);
            assertTrue(verify(auditor).get("intact").asBoolean(), "restored");
        }
    }

    @Test
    void breakGlassNeedsAReasonIsFlaggedAndEndsWithItsWindow() {
        Scenario s = new Scenario(base);
        Api owner = s.caseworker(s.organisation("POLICE", "LB"));
        long caseId = owner.post("api/cases", aCase()).json().get("id").asLong();
        Api outsider = s.caseworker(s.organisation("OM", null));
        assertEquals(404, outsider.get("api/cases/" + caseId).status());
        assertEquals(
                403, outsider.post("api/break-glass", Json.of("caseId", caseId)).status(), "no reason");
        assertEquals(
                403,
                outsider.post("api/break-glass", Json.of("caseId", caseId, "reason", "urgent"))
                        .status(),
                "too thin a reason");
        String reason = "Victim found at night, needs safe placement now";
        assertEquals(
                201,
                outsider.post("api/break-glass", Json.of("caseId", caseId, "reason", reason))
                        .status());
        String[] row = oneRow("read under break-glass", () -> outsider.get("api/cases/" + caseId));
        assertEquals("1", row[6], "flagged");
        assertEquals(reason, row[7], "with the stated reason as purpose");
        for (int minutes = 10; minutes <= 50; minutes += 10) {
            s.advanceClock(600);
            assertEquals(
                    200,
                    outsider.get("api/cases/" + caseId).status(),
                    "still inside the window after " + minutes + " min");
        }
        s.advanceClock(11 * 60);
        assertEquals(404, outsider.get("api/cases/" + caseId).status(), "the window of 60 minutes has passed");
    }

    @Test
    void auditorsSeeTheSubjectOverviewIncludingTheirOwnReads() {
        Scenario s = new Scenario(base);
        long org = s.organisation("CARE", null);
        Api w = s.caseworker(org);
        long caseId = w.post("api/cases", aCase()).json().get("id").asLong();
        long victim = w.post("api/cases/" + caseId + "/victims", aVictim())
                .json()
                .get("id")
                .asLong();
        w.get("api/parties/" + victim);
        Api auditor = s.user("AUDITOR", org, null);
        JsonNode first = auditor.get("api/audit/subjects/" + victim).json();
        long reads = first.get("total").asLong();
        assertTrue(reads >= 2, "creation and read of the victim: " + first);
        JsonNode second = auditor.get("api/audit/subjects/" + victim).json();
        assertEquals(reads + 1, second.get("total").asLong(), "the auditor's own look is listed too");
        assertEquals(200, auditor.get("api/audit/log?limit=5").status());
        assertEquals(200, auditor.get("api/audit/break-glass").status());
        assertEquals(
                404,
                s.user("AUDITOR", s.organisation("POLICE", "NN"), null)
                        .get("api/audit/subjects/" + victim)
                        .status(),
                "an auditor of another organisation");
    }

    /** Every read under break-glass carries the flag and the reason, whichever endpoint served it. */
    @Test
    void everyReadUnderBreakGlassIsFlaggedWithItsReason() {
        Scenario s = new Scenario(base);
        long owner = s.organisation("POLICE", "LB");
        Api w = s.caseworker(owner);
        long caseId = w.post("api/cases", aCase()).json().get("id").asLong();
        long victim = w.post("api/cases/" + caseId + "/victims", aVictim())
                .json()
                .get("id")
                .asLong();
        long suspect = w.post("api/cases/" + caseId + "/suspects", aSuspect(victim))
                .json()
                .get("id")
                .asLong();
        w.post(
                "api/parties/" + victim + "/runaways",
                Json.of("institutionType", "SHELTER", "missingSince", "2023-01-05"));
        w.post("api/parties/" + victim + "/care-referrals", Json.of("careType", "SHELTER", "referredOn", "2023-01-05"));
        Api outsider = s.caseworker(s.organisation("CARE", null));
        String reason = "Child turned up at our shelter tonight, placement check";
        assertEquals(
                201,
                outsider.post("api/break-glass", Json.of("caseId", caseId, "reason", reason))
                        .status());
        for (String path : List.of(
                "api/cases/" + caseId,
                "api/cases/" + caseId + "/chain",
                "api/cases?limit=200",
                "api/parties/" + victim,
                "api/parties/" + victim + "/care",
                "api/parties/" + suspect + "/chain-events")) {
            String[] row = oneRow(path, () -> outsider.get(path));
            assertEquals("1", row[6], path + " is flagged as break-glass");
            assertEquals(reason, row[7], path + " carries the grant's reason");
            assertEquals(String.valueOf(owner), row[8], path + " names the owning organisation");
        }
        assertEquals(
                "0",
                oneRow("the owner's own read", () -> w.get("api/parties/" + victim + "/care"))[6],
                "the owner reads without break-glass");
        Api ownersAuditor = s.user("AUDITOR", owner, null);
        JsonNode overview =
                ownersAuditor.get("api/audit/subjects/" + victim + "?limit=500").json();
        assertTrue(
                entries(overview)
                        .anyMatch(e -> e.get("objectType").asText().equals("care")
                                && e.get("breakGlass").asBoolean()
                                && reason.equals(e.get("purpose").asText())),
                "the care read under break-glass in the victim's overview: " + overview);
    }

    /**
     * NEN 7513: the organisation responsible for the records sees every access to them, by anyone,
     * refusals included: a read of a case without victims and another organisation's 404 on it, and a
     * share grantee's read.
     */
    @Test
    void theOwnersAuditorSeesEveryAccessToItsRecordsByAnyone() {
        Scenario s = new Scenario(base);
        long owner = s.organisation("POLICE", "LB");
        long other = s.organisation("OM", null);
        Api ownersWorker = s.caseworker(owner);
        long caseId = ownersWorker.post("api/cases", aCase()).json().get("id").asLong();
        Api outsider = s.caseworker(other);
        JsonNode me = outsider.get("api/auth/me").json();
        assertEquals(404, outsider.get("api/cases/" + caseId).status());
        assertEquals(
                201,
                outsider.post(
                                "api/break-glass",
                                Json.of("caseId", caseId, "reason", "Suspect arrested, checking the case now"))
                        .status());
        assertEquals(200, outsider.get("api/cases/" + caseId).status());
        Api ownersAuditor = s.user("AUDITOR", owner, null);
        JsonNode log = ownersAuditor
                .get("api/audit/log?actor=user:" + me.get("userId").asLong() + "&limit=50")
                .json();
        List<String> seen = entries(log)
                .map(e -> e.get("action").asText() + " " + e.get("objectType").asText() + " "
                        + e.get("outcome").asText() + " " + e.get("breakGlass").asBoolean())
                .toList();
        assertTrue(seen.contains("READ case NOT_FOUND false"), "the refused read: " + seen);
        assertTrue(seen.contains("CREATE break-glass SUCCESS true"), "the grant: " + seen);
        assertTrue(seen.contains("READ case SUCCESS true"), "the read under break-glass: " + seen);
        assertTrue(
                entries(log)
                        .allMatch(e -> e.get("organisationId").asLong() == other
                                && String.valueOf(owner)
                                        .equals(e.get("ownerIds").asText())),
                "by the other organisation, on the owner's records: " + log);
        JsonNode foreign = s.user("AUDITOR", s.organisation("CARE", null), null)
                .get("api/audit/log?actor=user:" + me.get("userId").asLong())
                .json();
        assertEquals(
                0, foreign.get("total").asLong(), "an uninvolved organisation's auditor sees none of it: " + foreign);
        assertEquals(
                seen.size(),
                ownersAuditor
                        .get("api/audit/log?actor=user:" + me.get("userId").asLong())
                        .json()
                        .get("total")
                        .asLong());

        long granteeOrg = s.organisation("OM", null);
        assertEquals(
                201,
                ownersWorker
                        .post(
                                "api/cases/" + caseId + "/shares",
                                nl.ketenzicht.support.ChainData.aShare(
                                        granteeOrg, "READ", s.today().plusDays(30)))
                        .status());
        Api grantee = s.caseworker(granteeOrg);
        assertEquals(200, grantee.get("api/cases/" + caseId).status());
        JsonNode shared = ownersAuditor
                .get("api/audit/log?actor=user:"
                        + grantee.get("api/auth/me").json().get("userId").asLong())
                .json();
        assertTrue(
                entries(shared)
                        .anyMatch(e -> e.get("action").asText().equals("READ")
                                && e.get("objectType").asText().equals("case")
                                && e.get("outcome").asText().equals("SUCCESS")
                                && e.get("organisationId").asLong() == granteeOrg
                                && String.valueOf(owner)
                                        .equals(e.get("ownerIds").asText())),
                "the grantee's read, on the owner's records: " + shared);
    }

    /**
     * Refusals reach the victim's overview and the owner's auditor: 404 on another organisation's
     * victim, 403 by role, 401 with a revoked token or a disabled user's session, and the session a
     * second-factor reset ended. A 401 with credentials nobody holds touches no one and is not logged.
     */
    @Test
    void refusalsAreLoggedWithTheirDataSubject() {
        Scenario s = new Scenario(base);
        long owner = s.organisation("POLICE", "LB");
        long other = s.organisation("CARE", null);
        Api w = s.caseworker(owner);
        long caseId = w.post("api/cases", aCase()).json().get("id").asLong();
        long victim = w.post("api/cases/" + caseId + "/victims", aVictim())
                .json()
                .get("id")
                .asLong();
        long suspect = w.post("api/cases/" + caseId + "/suspects", aSuspect(victim))
                .json()
                .get("id")
                .asLong();

        Api stranger = s.caseworker(other);
        assertRefusalRow(404, "NOT_FOUND", "party", victim, owner, () -> stranger.get("api/parties/" + victim));
        assertRefusalRow(
                404,
                "NOT_FOUND",
                "party",
                victim,
                owner,
                () -> stranger.get("api/parties/" + suspect + "/chain-events"));
        assertRefusalRow(404, "NOT_FOUND", "case", victim, owner, () -> stranger.get("api/cases/" + caseId + "/chain"));
        Api coordinator = s.user("COORDINATOR", other, null);
        assertRefusalRow(403, "DENIED", "party", victim, owner, () -> coordinator.get("api/parties/" + victim));
        assertRefusalRow(
                403,
                "DENIED",
                "case",
                victim,
                owner,
                () -> coordinator.post("api/cases/" + caseId + "/victims", aVictim()));

        Api token = s.token(other);
        assertEquals(404, token.get("api/cases/" + caseId).status());
        long tokenId = latestTokenOf(s, other);
        assertEquals(
                200,
                s.admin()
                        .post("api/admin/tokens/" + tokenId + "/revocation", null)
                        .status());
        String[] row =
                assertRefusalRow(401, "DENIED", "party", victim, owner, () -> token.get("api/parties/" + victim));
        assertEquals("token:" + tokenId, row[9], "the revoked token is named");

        Api disabled = s.caseworker(other);
        JsonNode user =
                adminView(s, disabled.get("api/auth/me").json().get("username").asText());
        assertEquals(
                200,
                s.admin()
                        .put(
                                "api/admin/users/" + user.get("id").asLong(),
                                Json.of("role", "CASEWORKER", "enabled", false),
                                "\"" + user.get("version").asLong() + "\"")
                        .status());
        row = assertRefusalRow(401, "DENIED", "case", victim, owner, () -> disabled.get("api/cases/" + caseId));
        assertEquals("user:" + user.get("id").asLong(), row[9], "the disabled user is named");

        Api reset = s.caseworker(owner);
        assertEquals(200, reset.get("api/cases/" + caseId).status());
        JsonNode resetUser =
                adminView(s, reset.get("api/auth/me").json().get("username").asText());
        assertEquals(
                200,
                s.admin()
                        .put(
                                "api/admin/users/" + resetUser.get("id").asLong(),
                                Json.of("role", "CASEWORKER", "enabled", true, "resetSecondFactor", true),
                                "\"" + resetUser.get("version").asLong() + "\"")
                        .status());
        row = assertRefusalRow(401, "DENIED", "case", victim, owner, () -> reset.get("api/cases/" + caseId));
        assertEquals(
                "user:" + resetUser.get("id").asLong(), row[9], "a second-factor reset ends the user's live session");

        long before = Db.count("access_log");
        assertEquals(
                401,
                new Scenario(base)
                        .anonymous()
                        .withBearer("kz_nobodyHoldsThisToken")
                        .get("api/parties/" + victim)
                        .status());
        assertEquals(before, Db.count("access_log"), "no identity, no row");

        Api ownersAuditor = s.user("AUDITOR", owner, null);
        JsonNode overview =
                ownersAuditor.get("api/audit/subjects/" + victim + "?limit=500").json();
        assertEquals(
                9,
                entries(overview)
                        .filter(e -> !e.get("outcome").asText().equals("SUCCESS"))
                        .count(),
                "every refusal is in the victim's access overview: " + overview);
        JsonNode log = ownersAuditor
                .get("api/audit/log?subject=" + victim + "&limit=500")
                .json();
        assertEquals(
                9,
                entries(log)
                        .filter(e -> !e.get("outcome").asText().equals("SUCCESS"))
                        .count(),
                "and in the owner's auditor's log search, whoever was refused: " + log);
        assertTrue(verify(ownersAuditor).get("intact").asBoolean(), "the chain holds the new rows");
    }

    private static java.util.stream.Stream<JsonNode> entries(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false);
    }

    /** One refusal, one row: its outcome, the record, the victim as data subject and the owner. */
    private static String[] assertRefusalRow(
            int status, String outcome, String type, long subject, long owner, Supplier<Api.Reply> call) {
        long before = Db.count("access_log");
        Api.Reply reply = call.get();
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(before + 1, Db.count("access_log"), "one row for the refusal " + reply);
        String[] row = latestRow();
        assertEquals(
                List.of(outcome, type, String.valueOf(subject), String.valueOf(owner)),
                List.of(row[5], row[2], row[4], row[8]),
                "refusal " + status + " logged with its subject and owner");
        return row;
    }

    private static long latestTokenOf(Scenario s, long organisation) {
        long id = 0;
        for (JsonNode t : s.admin().get("api/admin/tokens").json()) {
            if (t.get("organisationId").asLong() == organisation) {
                id = Math.max(id, t.get("id").asLong());
            }
        }
        return id;
    }

    private static JsonNode adminView(Scenario s, String username) {
        for (int offset = 0; ; offset += 200) {
            JsonNode page =
                    s.admin().get("api/admin/users?limit=200&offset=" + offset).json();
            for (JsonNode u : page.get("items")) {
                if (u.get("username").asText().equals(username)) {
                    return u;
                }
            }
            assertTrue(page.get("items").size() == 200, "user " + username + " not found");
        }
    }

    @Test
    void anUnexpectedErrorAnswersWithACorrelationIdOnly() {
        Api.Reply r = new Scenario(base).anonymous().get("api/test/failure");
        assertEquals(500, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertFalse(
                r.body().contains("SELECT")
                        || r.body().contains("IllegalState")
                        || r.body().contains("at nl."),
                r.body());
        assertTrue(r.json().get("correlationId").asText().length() >= 8, "a correlation id to quote: " + r.body());
        assertEquals(r.header("X-Correlation-Id"), r.json().get("correlationId").asText());
    }

    @Test
    void aBackupRestoresIntoAFreshSchemaWithEqualTablesAndAnIntactChain() throws Exception {
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "LB"));
        w.post("api/cases", aCase());
        Api auditor = s.user("AUDITOR", s.organisation("POLICE", "LB"), null);
        assertTrue(verify(auditor).get("intact").asBoolean());
        String source = System.getenv("KETENZICHT_DB_URL").replaceAll(".*/", "");
        String target = source + "_restore";
        Backup.dumpAndRestore(source, target);
        for (String table :
                List.of("case_file", "party", "chain_event", "access_log", "access_log_seal", "user_account")) {
            assertEquals(Backup.checksum(source, table), Backup.checksum(target, table), table + " restored unchanged");
        }
        assertEquals(0, Backup.verifyChain(target), "the restored access log verifies");

        // Issue 14, point 11: the dump carries no grants; the application's next start gives them back.
        assertFalse(Backup.applicationCanWork(target), "the restored schema has no grants for the application yet");
        String restored = Backup.grantChecksum(target);
        assertEquals(Backup.grantChecksum(source), restored, "the dump holds the source's history");
        Thread.sleep(1100); // the checksum carries the start's time stamp, to the second
        Backup.startApplicationOn(target);
        assertTrue(Backup.applicationCanWork(target), "the start re-applied the grants");
        assertNotEquals(restored, Backup.grantChecksum(target), "the grant migration ran again");
    }

    private static JsonNode verify(Api auditor) {
        Api.Reply r = auditor.get("api/audit/verification");
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    private static void assertBroken(Api auditor, String what) {
        JsonNode r = verify(auditor);
        assertFalse(r.get("intact").asBoolean(), what + " must be found: " + r);
    }

    private static long oldestEntryOf(Statement st, long org) throws SQLException {
        try (var rs = st.executeQuery("SELECT MIN(e.id) FROM access_log e JOIN access_log_seal s ON s.entry_id = e.id "
                + "WHERE e.organisation_id = " + org)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Exchanges the contents of two rows, keeping their ids: a reordering of the log. */
    private static void swap(Statement st, long a, long b) throws SQLException {
        st.executeUpdate(
                "UPDATE access_log x JOIN access_log y ON x.id = " + a + " AND y.id = " + b
                        + " SET x.actor = y.actor, y.actor = x.actor, x.action = y.action, y.action = x.action, "
                        + "x.object_ids = y.object_ids, y.object_ids = x.object_ids, x.occurred_at = y.occurred_at, y.occurred_at = x.occurred_at");
    }
}
