package nl.ketenzicht.security;

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

import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Role × endpoint: who may call what, written down here independently of the annotations, checked
 * against the running application for every caller kind. Every endpoint of the resource model must
 * have a row, so a new endpoint without one fails the build.
 */
@ExtendWith(ArquillianExtension.class)
class RoleMatrixIT {

    /** A = anyone (public), P = pending second factor, CW/CO/AU/AD = case worker/coordinator/auditor/admin. */
    static final String MATRIX = """
            POST /api/auth/login                        | A P CW CO AU AD
            GET /api/i18n/{locale}                      | A P CW CO AU AD
            POST /api/auth/enrolment                    | P
            POST /api/auth/second-factor                | P
            GET /api/auth/me                            | CW CO AU AD
            POST /api/auth/logout                       | P CW CO AU AD
            GET /api/organisations                      | CW CO AU AD
            GET /api/reference/articles                 | CW CO AU AD
            GET /api/reference/codes/{list}             | CW CO AU AD
            GET /api/reference/court-districts          | CW CO AU AD
            GET /api/reference/municipalities           | CW CO AU AD
            GET /api/reference/police-units             | CW CO AU AD
            GET /api/reference/prosecution-offices      | CW CO AU AD
            GET /api/admin/organisations                | AD
            POST /api/admin/organisations               | AD
            PUT /api/admin/organisations/{id}           | AD
            GET /api/admin/tokens                       | AD
            POST /api/admin/tokens                      | AD
            POST /api/admin/tokens/{id}/revocation      | AD
            GET /api/admin/users                        | AD
            POST /api/admin/users                       | AD
            PUT /api/admin/users/{id}                   | AD
            GET /api/audit/break-glass                  | AU
            GET /api/audit/log                          | AU
            GET /api/audit/subjects/{victimId}          | AU
            GET /api/audit/verification                 | AU
            POST /api/break-glass                       | CW AU
            GET /api/cases                              | CW AU
            POST /api/cases                             | CW
            GET /api/cases/{id}                         | CW AU
            PUT /api/cases/{id}                         | CW
            GET /api/cases/{id}/chain                   | CW AU
            POST /api/cases/{id}/closure                | CW
            POST /api/cases/{id}/reopening              | CW
            GET /api/cases/{id}/shares                  | CW AU
            POST /api/cases/{id}/shares                 | CW
            DELETE /api/cases/{id}/shares/{shareId}     | CW
            POST /api/cases/{caseId}/victims            | CW
            POST /api/cases/{caseId}/suspects           | CW
            POST /api/cases/{caseId}/clients            | CW
            GET /api/parties/{id}                       | CW AU
            PUT /api/parties/{id}/victim                | CW
            PUT /api/parties/{id}/suspect               | CW
            PUT /api/parties/{id}/client                | CW
            POST /api/parties/{id}/aangifte-events      | CW
            GET /api/parties/{id}/chain-events          | CW AU
            POST /api/parties/{id}/chain-events         | CW
            DELETE /api/chain-events/{eventId}          | CW
            GET /api/parties/{id}/care                  | CW AU
            POST /api/parties/{id}/runaways             | CW
            POST /api/parties/{id}/care-referrals       | CW
            PUT /api/runaways/{id}                      | CW
            PUT /api/care-referrals/{id}                | CW
            POST /api/registrations                     | CW
            GET /api/registrations                      | CW
            GET /api/registrations/{id}                 | CW
            DELETE /api/registrations/{id}              | CW
            POST /api/mse/estimates                     | CO
            POST /api/mse/exports                       | CO
            POST /api/mse/uploads                       | CO
            GET /api/mse/series                         | CO
            GET /api/reports/{measure}                  | CO
            GET /api/reports/{measure}/export.csv       | CO
            GET /api/reports/{measure}/export.xlsx      | CO
            GET /api/reports/{measure}/print/{region}   | CO
            GET /api/reports/throughput/{interval}      | CO
            GET /api/reports/throughput/{interval}/export.csv | CO
            GET /api/reports/throughput/{interval}/export.xlsx | CO
            GET /api/reports/throughput/{interval}/print/{region} | CO
            GET /api/reports/victims                    | CO
            GET /api/reports/victims/export.csv         | CO
            GET /api/reports/victims/export.xlsx        | CO
            GET /api/reports/runaways                   | CO
            GET /api/reports/runaways/export.csv        | CO
            GET /api/reports/runaways/export.xlsx       | CO
            GET /api/reports/care                       | CO
            GET /api/reports/care/export.csv            | CO
            GET /api/reports/care/export.xlsx           | CO
            GET /api/indicators                         | CO
            POST /api/indicators                        | CO
            PUT /api/indicators/{id}/targets            | CO
            GET /api/indicators/{id}/results            | CO
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    static Map<String, Set<String>> matrix() {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] parts = line.split("\\|");
            rows.put(parts[0].strip(), new TreeSet<>(Arrays.asList(parts[1].strip().split("\\s+"))));
        }
        return rows;
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> model = ResourceModel.application().endpoints().stream().filter(e -> !e.locator())
                .map(ResourceModel.Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(model);
        missing.removeAll(matrix().keySet());
        assertTrue(missing.isEmpty(), "endpoints without a row in the role matrix: " + missing);
        Set<String> stale = new TreeSet<>(matrix().keySet());
        stale.removeAll(model);
        assertTrue(stale.isEmpty(), "rows for endpoints that do not exist: " + stale);
    }

    @Test
    void everyCallerGetsTheExpectedAnswerOnEveryEndpoint() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        Map<String, Api> callers = new LinkedHashMap<>();
        callers.put("A", s.anonymous());
        callers.put("P", pending(s, org));
        callers.put("CW", s.user("CASEWORKER", org, null));
        callers.put("CO", s.user("COORDINATOR", org, null));
        callers.put("AU", s.user("AUDITOR", org, null));
        callers.put("AD", s.admin());
        List<Map.Entry<String, Set<String>>> rows = new ArrayList<>(matrix().entrySet());
        rows.sort((x, y) -> Boolean.compare(x.getKey().contains("logout"), y.getKey().contains("logout")));
        List<String> wrong = new ArrayList<>();
        for (var row : rows) {
            String[] mp = row.getKey().split(" ", 2);
            String path = concrete(mp[1]).substring(1);
            for (var caller : callers.entrySet()) {
                boolean csv = path.endsWith("/uploads");
                Api.Reply r = caller.getValue().send(mp[0], path, mp[0].equals("GET") || mp[0].equals("DELETE") ? null : csv ? "A,B,count\n1,0,3\n" : "{}",
                        csv ? Map.of("If-Match", "\"1\"", "Content-Type", "text/csv") : Map.of("If-Match", "\"1\""));
                boolean allowed = row.getValue().contains(caller.getKey());
                String verdict = check(allowed, caller.getKey(), r);
                if (verdict != null) {
                    wrong.add(caller.getKey() + " " + row.getKey() + ": " + verdict + " — " + r);
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " unexpected answers:\n" + String.join("\n", wrong));
        }
    }

    private static String check(boolean allowed, String caller, Api.Reply r) {
        boolean roleRefusal = r.status() == 403 && r.body().contains("Your role does not allow this.");
        boolean loginRefusal = r.status() == 401 && (r.body().contains("Log in first.") || r.body().contains("\"Unauthorized.\""));
        if (r.status() >= 500) {
            return "server error";
        }
        if (allowed) {
            return roleRefusal || loginRefusal ? "refused an allowed caller" : null;
        }
        if (caller.equals("A")) {
            return loginRefusal ? null : "an anonymous caller must get 401";
        }
        return roleRefusal ? null : "a caller without the role must get 403";
    }

    private static String concrete(String template) {
        return template.replace("{locale}", "nl").replace("{list}", "VULNERABILITY").replaceAll("\\{[^}]+}", "999999999");
    }

    private static Api pending(Scenario s, long org) {
        String name = s.createUserOnly("CASEWORKER", org).get("username").asText();
        Api api = s.anonymous();
        Api.Reply r = api.post("api/auth/login", Map.of("username", name, "password", Scenario.PASSWORD));
        assertEquals(200, r.status(), r.toString());
        return api.withCookie(Scenario.cookieOf(r), r.json().get("csrfToken").asText());
    }
}
