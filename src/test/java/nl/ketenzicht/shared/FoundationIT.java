package nl.ketenzicht.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.ketenzicht.client.ApiClient;
import nl.ketenzicht.client.ApiException;
import nl.ketenzicht.client.ApiResponse;
import nl.ketenzicht.client.api.AdministrationApi;
import nl.ketenzicht.client.api.CasesApi;
import nl.ketenzicht.client.model.AdminRequestsCreateToken;
import nl.ketenzicht.client.model.AdminRequestsTokenView;
import nl.ketenzicht.client.model.CaseRequestsCaseRequest;
import nl.ketenzicht.client.model.CaseRequestsCaseView;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.JsonDiff;
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
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walking skeleton in the container: migrations, JPA, security, health, OpenAPI, metrics. */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.atRoot();
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
        assertTrue(openapi.contentType().startsWith("application/json"), openapi.contentType());
        Files.writeString(Path.of("target/openapi.json"), openapi.body()); // to read or to lint
        JsonNode doc = openapi.json();
        // A path parameter with fixed values is documented as one path per value (reports/{measure} → reports/dependency)
        List<String> missing = ResourceModel.application().endpoints().stream()
                .filter(e -> !e.locator() && undocumented(doc, e))
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

    private static boolean undocumented(JsonNode doc, ResourceModel.Endpoint e) {
        Pattern template = Pattern.compile(e.path().replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."));
        Iterable<String> paths = doc.path("paths")::fieldNames;
        for (String path : paths) {
            if (template.matcher(path).matches() && doc.path("paths").path(path).has(e.httpMethod().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** The served document is docs/openapi.yaml (PublishedDocumentTest keeps that the code's), in YAML as in JSON. */
    @Test
    void theServedDocumentIsThePublishedOneAndItsYamlIsNamedSo() throws IOException {
        Api anon = new Api(base);
        Api.Reply yaml = anon.send("GET", "/openapi", null, Map.of("Accept", "*/*"));
        assertEquals(200, yaml.status(), yaml.toString());
        assertTrue(yaml.contentType().startsWith("application/yaml"), yaml.contentType());
        Api.Reply asked = anon.send("GET", "/openapi", null, Map.of("Accept", "application/yaml"));
        assertEquals(200, asked.status(), asked.toString());
        assertTrue(asked.contentType().startsWith("application/yaml"), asked.contentType());
        ObjectNode served = (ObjectNode) anon.get("/openapi?format=JSON").json();
        assertEquals(served, YAML.readTree(yaml.body()), "the YAML and the JSON are one document");
        // The test deployment adds its clock, failure and retention resources
        ObjectNode paths = (ObjectNode) served.path("paths");
        List.copyOf(paths.properties()).stream().map(Map.Entry::getKey).filter(p -> p.startsWith("/api/test/")).forEach(paths::remove);
        JsonNode published = YAML.readTree(Files.readString(Path.of("docs/openapi.yaml")));
        assertEquals(List.of(), JsonDiff.of(published, served, 20), "the server serves another document than docs/openapi.yaml");
    }

    /** Issue 14, point 9: a client generated from docs/openapi.yaml (OpenAPI Generator, Java) opens a case. */
    @Test
    void aClientGeneratedFromTheDocumentOpensACase() throws ApiException {
        Scenario s = new Scenario(base);
        long police = s.organisation("POLICE", "AMS");
        Api admin = s.admin();
        // People: the session cookie and the CSRF token of a login with password and TOTP
        ApiClient session = client(b -> b.header("Cookie", "KZ_SESSION=" + admin.cookie()).header("X-CSRF-Token", admin.csrf()));
        AdminRequestsTokenView token = new AdministrationApi(session)
                .issueToken(new AdminRequestsCreateToken().organisationId(police).name("generated client"));
        // Partner systems: the API token
        CasesApi cases = new CasesApi(client(b -> b.header("Authorization", "Bearer " + token.getToken())));
        CaseRequestsCaseRequest request = new CaseRequestsCaseRequest().municipalityCode("GM0363").openedOn(LocalDate.of(2024, 3, 1))
                .origin(CaseRequestsCaseRequest.OriginEnum.AMBTSHALVE).exploitationForms(Set.of("SEXUAL"))
                .investigationMethods(Set.of("DIGITAL")).teamType(CaseRequestsCaseRequest.TeamTypeEnum.AVIM).suspectCount(1).network(false);
        ApiResponse<CaseRequestsCaseView> created = cases.createWithHttpInfo(request, "generated-client-" + System.nanoTime());
        assertEquals(201, created.getStatusCode());
        CaseRequestsCaseView opened = created.getData();
        assertEquals(police, opened.getOwnerOrganisationId());
        assertEquals("AMS", opened.getPoliceUnit(), "derived from the municipality");
        assertEquals(List.of("\"" + opened.getVersion() + "\""), created.getHeaders().get("etag"));
        CaseRequestsCaseView read = cases.get(opened.getId());
        assertEquals(opened.getId(), read.getId());
        assertEquals(LocalDate.of(2024, 3, 1), read.getOpenedOn());
        assertEquals(Set.of("SEXUAL"), read.getExploitationForms());
        ApiException refused = assertThrows(ApiException.class, () -> cases.create(request.suspectCount(501), null));
        assertEquals(400, refused.getCode());
        assertTrue(refused.getResponseBody().contains("suspectCount"), refused.getResponseBody());
    }

    private ApiClient client(Consumer<HttpRequest.Builder> credentials) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(credentials);
        return client;
    }
}
