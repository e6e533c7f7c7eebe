package nl.ketenzicht.shared;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
