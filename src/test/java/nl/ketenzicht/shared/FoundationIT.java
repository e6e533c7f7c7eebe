package nl.ketenzicht.shared;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.ListParameterChecks;
import nl.ketenzicht.support.ResourceModel;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ListParameterChecks.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walking skeleton in the container: migrations, JPA, security, health, OpenAPI, metrics. */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void healthIsUpWithDatabaseAndMigrations() {
        Api.Reply ready = new Api(base).get("/health/ready");
        assertEquals(200, ready.status(), "readiness: " + ready);
        assertTrue(ready.body().contains("\"migrations\"") && ready.body().contains("\"database\""), ready.body());
    }

    @Test
    void noCredentialsGives401AsProblem() {
        Api.Reply r = new Api(base).get("api/auth/me");
        assertEquals(401, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(401, r.json().get("status").asInt());
    }

    @Test
    void wrongPasswordGives401AndUnknownUserTheSameAnswer() {
        Api anon = new Api(base);
        Api.Reply wrong = anon.post("api/auth/login", Map.of("username", "admin", "password", "not-the-password"));
        Api.Reply unknown = anon.post("api/auth/login", Map.of("username", "nobody-here", "password", "not-the-password"));
        assertEquals(401, wrong.status());
        assertEquals(wrong.status(), unknown.status(), "no user enumeration");
        assertEquals(wrong.json().get("detail"), unknown.json().get("detail"), "identical message for both");
    }

    @Test
    void wrongRoleGets403AsProblem() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        Api caseworker = s.caseworker(org);
        Api.Reply r = caseworker.get("api/admin/users");
        assertEquals(403, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertEquals(200, s.admin().get("api/admin/users").status());
    }

    @Test
    void referenceDataAreMigrated() {
        Api admin = new Scenario(base).admin();
        JsonNode municipalities = admin.get("api/reference/municipalities").json();
        assertEquals(342, municipalities.size(), "all municipalities of 2025");
        assertEquals(11, admin.get("api/reference/court-districts").json().size());
    }

    @Test
    void openApiAndMetricsAreServed() throws IOException {
        Api anon = new Api(base);
        Api.Reply openapi = anon.get("/openapi?format=JSON");
        assertEquals(200, openapi.status(), openapi.toString());
        Files.writeString(Path.of("target/openapi.json"), openapi.body()); // to read or to feed a client generator
        JsonNode doc = openapi.json();
        List<String> missing = ResourceModel.application().endpoints().stream()
                .filter(e -> !doc.path("paths").path(e.path()).has(e.httpMethod().toLowerCase(Locale.ROOT)))
                .map(ResourceModel.Endpoint::toString).toList();
        assertEquals(List.of(), missing, "endpoints missing from /openapi");
        JsonNode createUser = doc.at("/components/schemas/AdminRequests.CreateUser");
        assertTrue(createUser.path("required").toString().contains("username"), createUser.toString());
        assertEquals(80, createUser.at("/properties/username/maxLength").asInt(), createUser.toString());
        assertEquals("#/components/schemas/AdminRequests.CreateUser",
                doc.at("/paths/~1api~1admin~1users/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/responses/Forbidden", doc.at("/paths/~1api~1admin~1users/post/responses/403/$ref").asText());
        assertTrue(doc.at("/components/responses/Forbidden/content").has("application/problem+json"), doc.at("/components").toString());
        Api.Reply metrics = anon.send("GET", "/metrics", null, Map.of("Accept", "text/plain"));
        assertEquals(200, metrics.status());
    }

    /**
     * Issue 14, points 5–7, generated from the resource classes: every malformed or out-of-range value
     * of every query parameter answers 400 naming it, and every date filter filters.
     */
    @Test
    void everyQueryParameterRefusesBadValuesByNameAndDateFiltersFilter() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        Map<String, Api> callers = Map.of("CASEWORKER", s.caseworker(org), "AUDITOR", s.user("AUDITOR", org, null),
                "COORDINATOR", s.user("COORDINATOR", org, null), "ADMIN", s.admin());
        Api worker = callers.get("CASEWORKER");
        JsonNode opened = worker.post("api/cases", aCase()).json();
        assertEquals(201, worker.post("api/registrations", Map.of("registeredOn", "2023-05-01", "municipalityCode", "GM0363",
                "firstName", "Filtra", "familyName", "Datumtest", "birthDate", "2003-02-17", "gender", "FEMALE")).status());
        ListParameterChecks checks = new ListParameterChecks(e -> callers.get(ListParameterChecks.roleFor(e)));

        List<String> wrong = new ArrayList<>(checks.malformedValuesAreRefusedByName());
        int malformed = checks.requests();
        assertTrue(malformed >= 60, "only " + malformed + " malformed values tried");
        wrong.addAll(checks.dateFiltersFilter());
        wrong.addAll(checks.filtersKeepTheirMatch("GET /api/cases", opened.get("id").asLong(), matching(
                "municipality", "GM0363", "GM0014",
                "policeUnit", opened.get("policeUnit").asText(), "ZZ",
                "courtDistrict", opened.get("courtDistrict").asText(), "ZZ",
                "origin", "AMBTSHALVE", "DECOY",
                "status", "OPEN", "CLOSED",
                "exploitationForm", "SEXUAL", "CRIMINAL",
                "teamType", "AVIM", "ZEDEN",
                "q", opened.get("id").asText(), "999999999"), Set.of("offset", "limit", "sort")));
        // The access log's filters, on the entry of a victim's creation (it has a subject).
        long victim = worker.post("api/cases/" + opened.get("id").asLong() + "/victims", nl.ketenzicht.support.ChainData.aVictim()).json().get("id").asLong();
        JsonNode entry = callers.get("AUDITOR").get("api/audit/log?subject=" + victim).json().path("items").path(0);
        assertEquals("CREATE", entry.path("action").asText(), entry.toString());
        wrong.addAll(checks.filtersKeepTheirMatch("GET /api/audit/log", entry.get("id").asLong(), matching(
                "actor", entry.get("actor").asText(), "user:999999999",
                "username", entry.get("username").asText(), "nobody-at-all",
                "action", "CREATE", "EXPORT",
                "subject", String.valueOf(victim), "999999999"), Set.of("offset", "limit")));
        assertEquals(List.of(), wrong, wrong.size() + " findings");
        Api.Reply overflow = callers.get("COORDINATOR").get("api/mse/series?fromYear=1000000000&toYear=1000000001&lists=POLICE&lists=CARE");
        assertEquals(400, overflow.status(), overflow.toString());
        Api.Reply extremes = callers.get("COORDINATOR").get("api/mse/series?fromYear=-2147483648&toYear=2147483647&lists=POLICE&lists=CARE");
        assertEquals(400, extremes.status(), extremes.toString());
    }

    /** Issue 14, point 8: what the container refuses itself is a problem document too, and nothing names the server. */
    @Test
    void everyAnswerIsAProblemAndNamesNoServer() {
        Api anon = new Api(base);
        // Encoded ../ that leaves /api but stays in the application (in production it is at the root, so every path does).
        List<String> problems = List.of("no-such-page", "WEB-INF/web.xml", "api/cases/%2e%2e%2f%2e%2e%2fx", "api/..%2Fno-such-page",
                "api/%2e%2e/WEB-INF/web.xml", "problem", "api/no-such-thing");
        for (String path : problems) {
            Api.Reply r = anon.get(path);
            assertTrue(r.status() >= 400 && r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                    path + " → " + r.status() + " " + r.contentType() + " " + r.body());
            assertEquals(r.status(), r.json().get("status").asInt(), path);
            assertTrue(r.header("Content-Security-Policy") != null, "security headers on " + path);
        }
        List<Api.Reply> all = new ArrayList<>();
        for (String path : problems) {
            all.add(anon.get(path));
        }
        all.add(anon.get("api/x%00y"));
        all.add(anon.get("api/..%2F..%2F..%2Fx"));
        all.add(anon.get("/health/ready"));
        all.add(anon.get(""));
        all.add(anon.post("api/auth/login", Map.of("username", "nobody", "password", "wrong-password")));
        for (Api.Reply r : all) {
            assertNull(r.header("Server"), "Server header: " + r.header("Server"));
            assertNull(r.header("X-Powered-By"), "X-Powered-By: " + r.header("X-Powered-By"));
            assertTrue(!r.body().contains("Payara") && !r.body().contains("GlassFish") && !r.body().contains("Grizzly"),
                    "names the server: " + r);
        }
    }
}
