package nl.ketenzicht.security;

import static nl.ketenzicht.support.ChainData.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.ResourceModel;
import nl.ketenzicht.support.Scenario;
import nl.ketenzicht.support.ServerLog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation × every kind of caller, as written down in {@code security/role-matrix.md}
 * (independently of the code, a table a reviewer reads), checked against the running application:
 * one request per cell on fixtures of their own organisations. The table must hold a row for every
 * endpoint of the resource classes, and the README's role table must say what the table says.
 */
@ExtendWith(ArquillianExtension.class)
public class RoleMatrixIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void readTheServerLog() {
        ServerLog.capture();
    }

    @AfterAll
    static void stopReading() {
        ServerLog.release();
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> model = ResourceModel.application().endpoints().stream()
                .map(ResourceModel.Endpoint::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTable = RoleMatrix.load().rows().stream()
                .map(RoleMatrix.Row::endpoint)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(model);
        missing.removeAll(inTable);
        assertTrue(missing.isEmpty(), "endpoints without a row in role-matrix.md: " + missing);
        Set<String> stale = new TreeSet<>(inTable);
        stale.removeAll(model);
        assertTrue(stale.isEmpty(), "rows for endpoints that do not exist: " + stale);
    }

    @Test
    void theReadmeRoleTableSaysWhatTheMatrixSays() {
        List<String> wrong = RoleMatrix.load().disagreementsWith(ReadmeRoleTable.load());
        assertTrue(wrong.isEmpty(), "README role table and role-matrix.md disagree:\n" + String.join("\n", wrong));
    }

    @Test
    void everyCallerGetsTheExpectedAnswerOnEveryOperation() throws Exception {
        checkEveryCell(World.build(new Scenario(base), base), "RoleMatrixIT");
    }

    /** Every cell of the table for the world's callers; also OidcLoginIT's, whose people log in at their organisations' providers. */
    public static void checkEveryCell(World w, String name) throws Exception {
        RoleMatrix matrix = RoleMatrix.load();
        grantContentIsLimited(w);
        long started = System.nanoTime();
        List<String> wrong = new ArrayList<>();
        // Callers are independent (own sessions, own organisations' grants): run them side by side,
        // each through the rows in order, so that break-glass and sign-out come last for each.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (String caller : matrix.callers()) {
                results.add(pool.submit(() -> run(matrix, caller, w.callers.get(caller), w)));
            }
            for (Future<List<String>> r : results) {
                wrong.addAll(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                name + ": %d rows x %d callers = %d requests in %.1f s%n",
                matrix.rows().size(),
                matrix.callers().size(),
                matrix.rows().size() * matrix.callers().size(),
                (System.nanoTime() - started) / 1e9);
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " unexpected answers (caller, request, expected, got):\n" + String.join("\n", wrong));
        }
    }

    /** Point 2 beyond the statuses: before and after in the log, the alert line, two administrators per token. */
    @Test
    void administratorsChangeOthersOnlyAndEveryChangeIsLoggedWithBeforeAndAfter() throws Exception {
        Scenario s = new Scenario(base);
        Api second = s.secondAdmin();
        long secondId = second.get("api/auth/me").json().get("userId").asLong();
        long org = s.organisation("POLICE", "AMS");
        JsonNode user = s.createUserOnly("CASEWORKER", org);
        long userId = user.get("id").asLong();
        Api.Reply changed = s.admin()
                .put(
                        "api/admin/users/" + userId,
                        Json.of("role", "AUDITOR", "enabled", true),
                        "\"" + user.get("version").asLong() + "\"");
        assertEquals(200, changed.status(), changed.toString());
        String purpose = lastAdminChange("user", userId, "SUCCESS");
        assertTrue(
                purpose.contains("\"before\":{\"role\":\"CASEWORKER\"")
                        && purpose.contains("\"after\":{\"role\":\"AUDITOR\""),
                "the log holds the state before and after: " + purpose);
        assertFalse(purpose.contains(user.get("username").asText()), "and no username");

        Api.Reply self =
                second.put("api/admin/users/" + secondId, Json.of("role", "CASEWORKER", "enabled", true), "\"1\"");
        assertEquals(403, self.status(), self.toString());
        assertEquals("forbidden.selfAdministration", self.json().get("code").asText());
        ServerLog.await("SECURITY ALERT self-administration: user:" + secondId + " ");
        assertTrue(
                lastAdminChange("user", secondId, "DENIED").startsWith("self-administration refused"),
                "the refusal is logged");
        assertEquals(200, second.get("api/admin/users").status(), "still an administrator");
        assertEquals(403, second.get("api/cases").status(), "and still without case records");

        Scenario.Token token = s.requestToken(s.admin(), org);
        Api partner = s.anonymous().withBearer(token.secret());
        assertEquals(
                401, partner.get("api/cases").status(), "a token works only once a second administrator approved it");
        assertEquals(
                403,
                s.admin()
                        .post("api/admin/tokens/" + token.id() + "/approval", null)
                        .status(),
                "not the one who asked");
        Api.Reply approved = second.post("api/admin/tokens/" + token.id() + "/approval", null);
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("ACTIVE", approved.json().get("status").asText());
        assertFalse(
                s.admin().get("api/admin/tokens").body().contains(token.secret()),
                "no administrator ever sees a token");
        assertEquals(200, partner.get("api/cases").status(), "approved, the partner's own token works");
        assertTrue(
                lastAdminChange("api-token", token.id(), "SUCCESS").contains("\"after\":{\"organisationId\":" + org),
                "the approval is logged with before and after");
        assertEquals(
                409,
                second.post("api/admin/tokens/" + token.id() + "/approval", null)
                        .status(),
                "approved once");
    }

    private static String lastAdminChange(String type, long id, String outcome) throws SQLException {
        try (Connection c = Db.connect();
                PreparedStatement q = c.prepareStatement("SELECT purpose FROM access_log WHERE action = 'ADMIN_CHANGE' "
                        + "AND object_type = ? AND object_ids = ? AND outcome = ? ORDER BY id DESC LIMIT 1")) {
            q.setString(1, type);
            q.setString(2, String.valueOf(id));
            q.setString(3, outcome);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "no " + outcome + " ADMIN_CHANGE of " + type + " " + id + " in the access log");
                return rs.getString(1);
            }
        }
    }

    private static List<String> run(RoleMatrix matrix, String caller, Api api, World w) {
        List<String> wrong = new ArrayList<>();
        for (RoleMatrix.Row row : matrix.rows()) {
            String path = w.fill(row.request()).substring(1);
            String body = row.body().isEmpty() ? null : w.fill(row.body());
            boolean csv = body != null && body.startsWith("csv:");
            Map<String, String> headers =
                    csv ? Map.of("If-Match", "\"1\"", "Content-Type", "text/csv") : Map.of("If-Match", "\"1\"");
            Api.Reply r = api.send(row.method(), path, csv ? body.substring(4).replace("\\n", "\n") : body, headers);
            String expected = row.expected().get(caller);
            String got = RoleMatrix.answer(r.status());
            if (!expected.equals(got)) {
                wrong.add(caller + " | " + row.method() + " " + row.request() + " [" + row.capability()
                        + "] | expected " + expected + " | got " + r.status() + " " + abbreviate(r.body()));
            }
        }
        return wrong;
    }

    /** What a share shows: the grantee's own share only, and no victim who did not consent to sharing. */
    private static void grantContentIsLimited(World w) {
        Api read = w.callers.get("read");
        JsonNode shares = read.get("api/cases/" + w.id("case") + "/shares").json();
        assertEquals(1, shares.size(), "a grantee sees its own share only: " + shares);
        assertEquals(
                w.id("readOrganisation"), shares.get(0).get("organisationId").asLong());
        assertEquals("READ", shares.get(0).get("scope").asText());
        assertTrue(
                w.callers
                                .get("owner")
                                .get("api/cases/" + w.id("case") + "/shares")
                                .json()
                                .size()
                        >= 4,
                "the owner sees every share");

        JsonNode chain = read.get("api/cases/" + w.id("case") + "/chain").json();
        List<Long> parties = StreamSupport.stream(chain.get("parties").spliterator(), false)
                .map(p -> p.get("id").asLong())
                .toList();
        assertTrue(parties.contains(w.id("victim")), "the consenting victim is shown: " + parties);
        assertFalse(parties.contains(w.id("victimWithoutConsent")), "a victim without consent is left out: " + parties);
        assertEquals(1, chain.get("shares").size(), "the chain shows the grantee's share only");
        assertFalse(chain.toString().contains("\"victimId\":" + w.id("victimWithoutConsent")), "nor her care records");
        JsonNode suspect = read.get("api/parties/" + w.id("suspect")).json();
        assertEquals(
                "[" + w.id("victim") + "]", suspect.get("linkedVictimIds").toString(), "nor her link to the suspect");

        // The OM adds its decision and may withdraw its own step, never the owner's.
        Api om = w.callers.get("proc");
        Api.Reply decision = om.post(
                "api/parties/" + w.id("suspect") + "/chain-events",
                Json.with(step("OM_DECISION", "2023-08-01"), "decision", "SUMMONS"));
        assertEquals(201, decision.status(), decision.toString());
        JsonNode events = decision.json().get("events");
        long omStep = events.get(events.size() - 1).get("id").asLong();
        assertEquals(
                403,
                read.send("DELETE", "api/chain-events/" + omStep, null, Map.of())
                        .status(),
                "a READ grantee withdraws nothing");
        assertEquals(
                200,
                om.send("DELETE", "api/chain-events/" + omStep, null, Map.of()).status(),
                "the OM withdraws its own step");
        assertEquals(
                403,
                om.send("DELETE", "api/chain-events/" + w.id("ownersLastEvent"), null, Map.of())
                        .status(),
                "the OM never withdraws the owner's step");
    }

    private static String abbreviate(String body) {
        String s = body == null ? "" : body.replace('\n', ' ');
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    /** The fixtures and callers the table's placeholders and columns name. */
    public static final class World {
        final Map<String, Long> ids = new HashMap<>();
        final Map<String, String> values = new HashMap<>();
        final Map<String, Api> callers = new LinkedHashMap<>();

        long id(String name) {
            Long id = ids.get(name);
            if (id == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return id;
        }

        String fill(String template) {
            String filled = template;
            for (var e : ids.entrySet()) {
                filled = filled.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
            }
            for (var e : values.entrySet()) {
                filled = filled.replace("{" + e.getKey() + "}", e.getValue());
            }
            if (filled.contains("{") && !filled.startsWith("{\"") && filled.matches(".*\\{[a-zA-Z0-9]+}.*")) {
                throw new IllegalArgumentException("unknown placeholder in " + template);
            }
            return filled;
        }

        static World build(Scenario first, URL base) {
            return build(first, base, Scenario::new);
        }

        /** The world with callers of the given kind of scenario (password users, or users of organisations' OpenID providers). */
        public static World build(Scenario first, URL base, java.util.function.Function<URL, Scenario> scenarios) {
            World w = new World();
            long owner = first.organisation("POLICE", "AMS");
            long expiredOrg = first.organisation("CARE", null);
            Api firstOwner = first.caseworker(owner);
            long caseId = created(firstOwner.post("api/cases", ChainData.aCase()));
            created(firstOwner.post(
                    "api/cases/" + caseId + "/shares",
                    ChainData.aShare(expiredOrg, "READ", first.today().plusDays(1))));
            // The share's last day passes; every session is renewed after the jump.
            first.advanceClock(2 * 24 * 3600);
            Scenario s = scenarios.apply(base);
            long readOrg = s.organisation("POLICE", "RDM");
            long omOrg = s.organisation("OM", null);
            long spareOrg = s.organisation("POLICE", "ON");
            // An OpenID provider (never contacted here) for the rows that read or change one.
            Api.Reply provider = s.admin()
                    .put(
                            "api/admin/organisations/" + spareOrg + "/oidc",
                            Json.of(
                                    "issuer",
                                    "https://login.example/realms/matrix",
                                    "clientId",
                                    "ketenzicht",
                                    "clientSecretName",
                                    "it-keycloak",
                                    "emailDomains",
                                    List.of("matrix.example"),
                                    "fixedRole",
                                    "CASEWORKER",
                                    "justInTime",
                                    false,
                                    "secondFactor",
                                    "PROVIDER",
                                    "enabled",
                                    true),
                            null);
            assertEquals(200, provider.status(), provider.toString());
            long adminOrg = s.organisation("OTHER", null);
            Api ownerApi = s.caseworker(owner);
            long victim = created(ownerApi.post("api/cases/" + caseId + "/victims", ChainData.aVictim()));
            long withheld = created(ownerApi.post(
                    "api/cases/" + caseId + "/victims", Json.with(ChainData.aVictim(), "consentToShare", false)));
            long suspect = created(ownerApi.post(
                    "api/cases/" + caseId + "/suspects",
                    Json.with(ChainData.aSuspect(victim), "linkedVictimIds", List.of(victim, withheld))));
            long client = created(ownerApi.post("api/cases/" + caseId + "/clients", ChainData.aClient(victim)));
            Api.Reply first1 = ownerApi.post(
                    "api/parties/" + suspect + "/chain-events",
                    Json.with(
                            step("IN_VIEW", "2023-03-05"),
                            "charges",
                            List.of(Json.of("article", "273f", "lawVersion", "SR", "offenceDate", "2023-01-10"))));
            assertEquals(201, first1.status(), first1.toString());
            Api.Reply second =
                    ownerApi.post("api/parties/" + suspect + "/chain-events", step("OM_INFLOW", "2023-06-01"));
            assertEquals(201, second.status(), second.toString());
            long runaway = created(ownerApi.post(
                    "api/parties/" + victim + "/runaways",
                    Json.of("institutionType", "SHELTER", "missingSince", "2023-01-05")));
            long referral = created(ownerApi.post(
                    "api/parties/" + victim + "/care-referrals",
                    Json.of("careType", "SHELTER", "referredOn", "2023-01-05")));
            created(ownerApi.post(
                    "api/parties/" + withheld + "/care-referrals",
                    Json.of("careType", "SHELTER", "referredOn", "2023-01-06")));
            created(ownerApi.post(
                    "api/cases/" + caseId + "/shares",
                    ChainData.aShare(readOrg, "READ", s.today().plusDays(30))));
            created(ownerApi.post(
                    "api/cases/" + caseId + "/shares",
                    ChainData.aShare(
                            omOrg, "READ_AND_ADD_PROCEEDINGS", s.today().plusDays(30))));
            long spareShare = created(ownerApi.post(
                    "api/cases/" + caseId + "/shares",
                    ChainData.aShare(spareOrg, "READ", s.today().plusDays(30))));

            Api admin = s.user("ADMIN", adminOrg, null);
            JsonNode me = admin.get("api/auth/me").json();
            Api national = s.user("COORDINATOR", s.organisation("NATIONAL", null), null);
            Api.Reply indicator =
                    national.post("api/indicators", Json.of("name", "Matrix indicator", "metric", "s_om_inflow"));
            assertEquals(200, indicator.status(), indicator.toString());
            long pilot = contextFixtures(national);
            Scenario.Token revoked = s.issueToken(owner);
            assertEquals(
                    200,
                    s.admin()
                            .post("api/admin/tokens/" + revoked.id() + "/revocation", null)
                            .status());
            Api disabled = s.caseworker(owner);
            JsonNode disabledUser = disabled.get("api/auth/me").json();
            Api.Reply off = s.admin()
                    .put(
                            "api/admin/users/" + disabledUser.get("userId").asLong(),
                            Json.of("role", "CASEWORKER", "enabled", false),
                            "\"" + versionOf(s, disabledUser.get("userId").asLong()) + "\"");
            assertEquals(200, off.status(), off.toString());

            w.ids.putAll(Map.of(
                    "case",
                    caseId,
                    "victim",
                    victim,
                    "victimWithoutConsent",
                    withheld,
                    "suspect",
                    suspect,
                    "client",
                    client,
                    "ownersEvent",
                    first1.json().get("events").get(0).get("id").asLong(),
                    "runaway",
                    runaway,
                    "referral",
                    referral,
                    "spareShare",
                    spareShare,
                    "spareOrganisation",
                    spareOrg));
            w.ids.putAll(Map.of(
                    "ownersLastEvent",
                    second.json().get("events").get(1).get("id").asLong(),
                    "readOrganisation",
                    readOrg,
                    "self",
                    me.get("userId").asLong(),
                    "ownOrganisation",
                    adminOrg,
                    "spareUser",
                    s.createUserOnly("CASEWORKER", spareOrg).get("id").asLong(),
                    "spareToken",
                    s.issueToken(spareOrg).id(),
                    "tokenRequestedByAnother",
                    s.requestToken(s.admin(), spareOrg).id(),
                    "tokenRequestedBySelf",
                    s.requestToken(admin, spareOrg).id(),
                    "indicator",
                    indicator.json().get("id").asLong(),
                    "pilot",
                    pilot));
            w.values.put("in30Days", s.today().plusDays(30).toString());

            w.callers.put("anon", s.anonymous());
            w.callers.put("pending", s.pendingLogin(owner));
            w.callers.put("owner", ownerApi);
            w.callers.put("token", s.token(owner));
            w.callers.put("read", s.caseworker(readOrg));
            w.callers.put("proc", s.caseworker(omOrg));
            w.callers.put("expired", s.caseworker(expiredOrg));
            w.callers.put("other", s.caseworker(s.organisation("POLICE", "NN")));
            w.callers.put("care", s.caseworker(s.organisation("CARE", null)));
            w.callers.put("coord", national);
            w.callers.put("coord-reg", s.user("COORDINATOR", s.organisation("POLICE", "AMS"), "AMS"));
            w.callers.put("auditor", s.user("AUDITOR", owner, null));
            w.callers.put("admin", admin);
            w.callers.put("revoked", s.anonymous().withBearer(revoked.secret()));
            w.callers.put("disabled", disabled);
            return w;
        }

        /**
         * Context values the matrix reads, in AMS (the regional coordinator's unit) and RDM (another):
         * saved as the first version, or there already from an earlier run (428: a change would need
         * If-Match); and a pilot in both units, which the regional coordinator sees but may not change.
         */
        private static long contextFixtures(Api national) {
            Map<String, Object> capacity = Json.of("avim", 10, "zeden", 12, "digital", 3, "psychologists", 1);
            for (String path : List.of("api/context/capacity/AMS/2024", "api/context/capacity/RDM/2024")) {
                Api.Reply r = national.put(path, capacity, null);
                assertTrue(r.status() == 201 || r.status() == 428, r.toString());
            }
            for (String path : List.of("api/context/priorities/GM0363/2024", "api/context/priorities/GM0599/2024")) {
                Api.Reply r = national.put(path, Json.of("priority", true), null);
                assertTrue(r.status() == 201 || r.status() == 428, r.toString());
            }
            Api.Reply pilot = national.post(
                    "api/context/pilots",
                    Json.of(
                            "name",
                            "Matrix pilot " + System.nanoTime(),
                            "startsOn",
                            "2022-01-01",
                            "policeUnits",
                            List.of("AMS", "RDM")));
            assertEquals(201, pilot.status(), pilot.toString());
            return pilot.json().get("id").asLong();
        }

        private static long versionOf(Scenario s, long userId) {
            long total =
                    s.admin().get("api/admin/users?limit=1").json().get("total").asLong();
            for (long offset = 0; offset < total; offset += 200) {
                for (JsonNode u : s.admin()
                        .get("api/admin/users?limit=200&offset=" + offset)
                        .json()
                        .get("items")) {
                    if (u.get("id").asLong() == userId) {
                        return u.get("version").asLong();
                    }
                }
            }
            throw new AssertionError("user " + userId + " not listed");
        }

        private static long created(Api.Reply r) {
            assertEquals(201, r.status(), r.toString());
            return r.json().get("id").asLong();
        }
    }
}
