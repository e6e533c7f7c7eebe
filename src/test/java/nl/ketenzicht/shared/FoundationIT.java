package nl.ketenzicht.shared;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ListParameterChecks.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import nl.ketenzicht.client.ApiClient;
import nl.ketenzicht.client.ApiException;
import nl.ketenzicht.client.ApiResponse;
import nl.ketenzicht.client.api.AdministrationApi;
import nl.ketenzicht.client.api.CasesApi;
import nl.ketenzicht.client.model.AdminRequestsCreateOrganisation;
import nl.ketenzicht.client.model.AdminRequestsOrganisationView;
import nl.ketenzicht.client.model.CaseRequestsCaseRequest;
import nl.ketenzicht.client.model.CaseRequestsCaseView;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.JsonDiff;
import nl.ketenzicht.support.ListParameterChecks;
import nl.ketenzicht.support.MalformedPaths;
import nl.ketenzicht.support.ResourceModel;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walking skeleton in the container: migrations, JPA, security, health, OpenAPI, metrics. */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
        Api.Reply unknown =
                anon.post("api/auth/login", Map.of("username", "nobody-here", "password", "not-the-password"));
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
        // A path parameter with fixed values is documented as one path per value (reports/{measure} →
        // reports/dependency)
        List<String> missing = ResourceModel.application().endpoints().stream()
                .filter(e -> !e.locator() && undocumented(doc, e))
                .map(ResourceModel.Endpoint::toString)
                .toList();
        assertEquals(List.of(), missing, "endpoints missing from /openapi");
        JsonNode createUser = doc.at("/components/schemas/AdminRequests.CreateUser");
        assertTrue(createUser.path("required").toString().contains("username"), createUser.toString());
        assertEquals(80, createUser.at("/properties/username/maxLength").asInt(), createUser.toString());
        assertEquals(
                "#/components/schemas/AdminRequests.CreateUser",
                doc.at("/paths/~1api~1admin~1users/post/requestBody/content/application~1json/schema/$ref")
                        .asText());
        assertEquals(
                "#/components/responses/Forbidden",
                doc.at("/paths/~1api~1admin~1users/post/responses/403/$ref").asText());
        assertTrue(
                doc.at("/components/responses/Forbidden/content").has("application/problem+json"),
                doc.at("/components").toString());
        Api.Reply metrics = anon.send("GET", "/metrics", null, Map.of("Accept", "text/plain"));
        assertEquals(200, metrics.status());
    }

    private static boolean undocumented(JsonNode doc, ResourceModel.Endpoint e) {
        Pattern template =
                Pattern.compile(e.path().replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."));
        Iterable<String> paths = doc.path("paths")::fieldNames;
        for (String path : paths) {
            if (template.matcher(path).matches()
                    && doc.path("paths").path(path).has(e.httpMethod().toLowerCase(Locale.ROOT))) {
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
        List.copyOf(paths.properties()).stream()
                .map(Map.Entry::getKey)
                .filter(p -> p.startsWith("/api/test/"))
                .forEach(paths::remove);
        JsonNode published = YAML.readTree(Files.readString(Path.of("docs/openapi.yaml")));
        assertEquals(
                List.of(),
                JsonDiff.of(published, served, 20),
                "the server serves another document than docs/openapi.yaml");
    }

    /** Issue 14, point 9: a client generated from docs/openapi.yaml (OpenAPI Generator, Java) opens a case. */
    @Test
    void aClientGeneratedFromTheDocumentOpensACase() throws ApiException {
        Scenario s = new Scenario(base);
        Api admin = s.admin();
        // People: the session cookie and the CSRF token of a login with password and TOTP
        ApiClient session =
                client(b -> b.header("Cookie", "KZ_SESSION=" + admin.cookie()).header("X-CSRF-Token", admin.csrf()));
        String code =
                "GEN-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        AdminRequestsOrganisationView organisation = new AdministrationApi(session)
                .createOrganisation(new AdminRequestsCreateOrganisation()
                        .code(code)
                        .name("Generated client police")
                        .type(AdminRequestsCreateOrganisation.TypeEnum.POLICE)
                        .policeUnit("AMS"));
        long police = organisation.getId();
        // A token as partners get one: requested by one administrator, approved by another
        String secret = s.issueToken(police).secret();
        // Partner systems: the API token
        CasesApi cases = new CasesApi(client(b -> b.header("Authorization", "Bearer " + secret)));
        CaseRequestsCaseRequest request = new CaseRequestsCaseRequest()
                .municipalityCode("GM0363")
                .openedOn(LocalDate.of(2024, 3, 1))
                .origin(CaseRequestsCaseRequest.OriginEnum.AMBTSHALVE)
                .exploitationForms(Set.of("SEXUAL"))
                .investigationMethods(Set.of("DIGITAL"))
                .teamType(CaseRequestsCaseRequest.TeamTypeEnum.AVIM)
                .suspectCount(1)
                .network(false);
        ApiResponse<CaseRequestsCaseView> created =
                cases.createWithHttpInfo(request, "generated-client-" + System.nanoTime());
        assertEquals(201, created.getStatusCode());
        CaseRequestsCaseView opened = created.getData();
        assertEquals(police, opened.getOwnerOrganisationId());
        assertEquals("AMS", opened.getPoliceUnit(), "derived from the municipality");
        assertEquals(
                List.of("\"" + opened.getVersion() + "\""), created.getHeaders().get("etag"));
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

    /**
     * Issue 14, points 5–7, generated from the resource classes: every malformed or out-of-range value
     * of every query parameter answers 400 naming it, and every date filter filters.
     */
    @Test
    void everyQueryParameterRefusesBadValuesByNameAndDateFiltersFilter() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        Map<String, Api> callers = Map.of(
                "CASEWORKER",
                s.caseworker(org),
                "AUDITOR",
                s.user("AUDITOR", org, null),
                "COORDINATOR",
                s.user("COORDINATOR", org, null),
                "ADMIN",
                s.admin());
        Api worker = callers.get("CASEWORKER");
        JsonNode opened = worker.post("api/cases", aCase()).json();
        assertEquals(
                201,
                worker.post(
                                "api/registrations",
                                Map.of(
                                        "registeredOn",
                                        "2023-05-01",
                                        "municipalityCode",
                                        "GM0363",
                                        "firstName",
                                        "Filtra",
                                        "familyName",
                                        "Datumtest",
                                        "birthDate",
                                        "2003-02-17",
                                        "gender",
                                        "FEMALE"))
                        .status());
        ListParameterChecks checks = new ListParameterChecks(e -> callers.get(ListParameterChecks.roleFor(e)));

        List<String> wrong = new ArrayList<>(checks.malformedValuesAreRefusedByName());
        int malformed = checks.requests();
        assertTrue(malformed >= 60, "only " + malformed + " malformed values tried");
        wrong.addAll(checks.dateFiltersFilter());
        wrong.addAll(checks.filtersKeepTheirMatch(
                "GET /api/cases",
                opened.get("id").asLong(),
                matching(
                        "municipality",
                        "GM0363",
                        "GM0014",
                        "policeUnit",
                        opened.get("policeUnit").asText(),
                        "ZZ",
                        "courtDistrict",
                        opened.get("courtDistrict").asText(),
                        "ZZ",
                        "origin",
                        "AMBTSHALVE",
                        "DECOY",
                        "status",
                        "OPEN",
                        "CLOSED",
                        "exploitationForm",
                        "SEXUAL",
                        "CRIMINAL",
                        "teamType",
                        "AVIM",
                        "ZEDEN",
                        "q",
                        opened.get("id").asText(),
                        "999999999"),
                Set.of("offset", "limit", "sort")));
        // The access log's filters, on the entry of a victim's creation (it has a subject).
        long victim = worker.post(
                        "api/cases/" + opened.get("id").asLong() + "/victims",
                        nl.ketenzicht.support.ChainData.aVictim())
                .json()
                .get("id")
                .asLong();
        JsonNode entry = callers.get("AUDITOR")
                .get("api/audit/log?subject=" + victim)
                .json()
                .path("items")
                .path(0);
        assertEquals("CREATE", entry.path("action").asText(), entry.toString());
        wrong.addAll(checks.filtersKeepTheirMatch(
                "GET /api/audit/log",
                entry.get("id").asLong(),
                matching(
                        "actor",
                        entry.get("actor").asText(),
                        "user:999999999",
                        "username",
                        entry.get("username").asText(),
                        "nobody-at-all",
                        "action",
                        "CREATE",
                        "EXPORT",
                        "subject",
                        String.valueOf(victim),
                        "999999999"),
                Set.of("offset", "limit")));
        assertEquals(List.of(), wrong, wrong.size() + " findings");
        Api.Reply overflow = callers.get("COORDINATOR")
                .get("api/mse/series?fromYear=1000000000&toYear=1000000001&lists=POLICE&lists=CARE");
        assertEquals(400, overflow.status(), overflow.toString());
        Api.Reply extremes = callers.get("COORDINATOR")
                .get("api/mse/series?fromYear=-2147483648&toYear=2147483647&lists=POLICE&lists=CARE");
        assertEquals(400, extremes.status(), extremes.toString());
    }

    /**
     * Every year a report, monitor, estimate, export, indicator or context figure takes, as query or path
     * parameter, refuses 1800 and 3000 with 400 naming it, instead of answering an empty report.
     */
    @Test
    void everyYearParameterRefusesYearsOutsideTheSupportedRange() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        Map<String, Api> callers = Map.of(
                "CASEWORKER", s.caseworker(org),
                "AUDITOR", s.user("AUDITOR", org, null),
                "COORDINATOR", s.user("COORDINATOR", org, null),
                "ADMIN", s.admin());
        ListParameterChecks checks = new ListParameterChecks(e -> callers.get(ListParameterChecks.roleFor(e)));
        List<String> checked = new ArrayList<>();
        List<String> wrong = checks.yearsOutOfRangeAreRefusedByName(checked);
        assertEquals(List.of(), wrong, wrong.size() + " findings");
        for (String expected : List.of(
                "ReportResource.report year",
                "ReportResource.report quarter",
                "ReportResource.report from",
                "ReportResource.report to",
                "ReportResource.throughput year",
                "MeasureResource.report year",
                "MeasureResource.csv quarter",
                "MonitorResource.monitor year",
                "MseResource.series fromYear",
                "IndicatorResource.results to",
                "ExchangeResource.glotip year",
                "ExchangeResource.release fromYear",
                "ContextResource.capacity {year}")) {
            assertTrue(checked.contains(expected), expected + " not among the checked " + checked);
        }
    }

    /** Issue 14, point 8: what the container refuses itself is a problem document too, and nothing names the server. */
    @Test
    void everyAnswerIsAProblemAndNamesNoServer() {
        Api anon = new Api(base);
        // Encoded ../ that leaves /api but stays in the application (in production it is at the root, so every path
        // does).
        List<String> problems = List.of(
                "no-such-page",
                "WEB-INF/web.xml",
                "api/cases/%2e%2e%2f%2e%2e%2fx",
                "api/..%2Fno-such-page",
                "api/%2e%2e/WEB-INF/web.xml",
                "problem",
                "api/no-such-thing");
        for (String path : problems) {
            Api.Reply r = anon.get(path);
            assertTrue(
                    r.status() >= 400
                            && r.contentType() != null
                            && r.contentType().startsWith("application/problem+json"),
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
            assertTrue(
                    !r.body().contains("Payara")
                            && !r.body().contains("GlassFish")
                            && !r.body().contains("Grizzly"),
                    "names the server: " + r);
        }
    }

    /**
     * Issue 14, point 8, generated from the resource classes: every endpoint's path made malformed
     * (NUL, encoded slash or backslash, dot segments that leave the root, overlong or invalid UTF-8,
     * invalid percent-encoding) and one overlong path. Each answer is the application's problem+json
     * 400, or, where Payara refuses the request before any code of the application can run, exactly
     * the refusal the README documents (status, empty body, no correlation id, no server name).
     */
    @Test
    void malformedPathsAreRefusedWithoutServerNames() {
        MalformedPaths paths = new MalformedPaths(base);
        List<String> wrong = paths.everyRefusalIsAProblemOrTheContainersOwn();
        System.out.printf("malformed paths: %d requests, %d findings%n", paths.requests(), wrong.size());
        assertTrue(paths.requests() >= 300, "only " + paths.requests() + " malformed paths tried");
        assertEquals(List.of(), wrong, wrong.size() + " findings");
    }
}
