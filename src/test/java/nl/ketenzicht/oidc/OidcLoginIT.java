package nl.ketenzicht.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.security.RoleMatrixIT;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Keycloak;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Login through an organisation's own OpenID provider, against a real Keycloak with the realm of
 * {@code src/test/resources/oidc/ketenzicht-it-realm.json}: the code flow through Keycloak's own
 * pages, and every refusal with its message code and its access-log row naming the provider.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcLoginIT {

    static final Map<String, Object> ROLES = Map.of(
            "ketenzicht-caseworker",
            "CASEWORKER",
            "ketenzicht-auditor",
            "AUDITOR",
            "ketenzicht-coordinator",
            "COORDINATOR",
            "ketenzicht-admin",
            "ADMIN");
    static final String ANNA_OTP = "anna-otp-secret-for-tests-0001";
    static final String CARLA_OTP = "carla-otp-secret-for-tests-002";
    static final String ERIK_OTP = "erik-otp-secret-for-tests-0005";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Keycloak.launch(); // side by side with Payara's start
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    static Keycloak keycloak;
    /** Organisation codes by role in the tests: police A (provider MFA required), care B, T (TOTP allowed), F (forging provider). */
    static final Map<String, String> CODES = new HashMap<>();

    static final Map<String, Long> IDS = new HashMap<>();
    static ForgingProvider forger;

    @BeforeAll
    static void provider() throws Exception {
        keycloak = Keycloak.get();
        forger = new ForgingProvider(keycloak.issuer());
    }

    static Map<String, Object> provider(String issuer, List<String> domains, String secondFactor) {
        Map<String, Object> body = new HashMap<>();
        body.put("issuer", issuer);
        body.put("clientId", Keycloak.CLIENT_ID);
        body.put("clientSecretName", Keycloak.SECRET_NAME);
        body.put("emailDomains", domains);
        body.put("roleClaim", "ketenzicht_roles");
        body.put("roleMapping", ROLES);
        body.put("justInTime", true);
        body.put("secondFactor", secondFactor);
        body.put("enabled", true);
        return body;
    }

    /**
     * The application as the browser reaches it: on localhost, like the provider, whose realm allows
     * redirect URIs on the loopback names only (Payara reports the machine's address).
     */
    static URL onLocalhost(URL base) {
        try {
            String s = base.toString().endsWith("/") ? base.toString() : base + "/";
            return new URL(s.replace("://" + base.getHost() + ":", "://localhost:"));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Scenario scenario() {
        return new Scenario(onLocalhost(base));
    }

    private synchronized void organisations() {
        if (!CODES.isEmpty()) {
            return;
        }
        Scenario s = scenario();
        String suffix = Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
        Map<String, Object[]> orgs = Map.of(
                "A", new Object[] {"POLICE", "AMS", keycloak.issuer(), List.of("politie-a.test"), "PROVIDER"},
                "B", new Object[] {"CARE", null, keycloak.issuer(), List.of("zorg-b.test"), "PROVIDER"},
                "T", new Object[] {"POLICE", "RDM", keycloak.issuer(), List.of("politie-a.test"), "PROVIDER_OR_TOTP"},
                "F",
                        new Object[] {
                            "POLICE", "ON", forger.issuer(), List.of("politie-a.test", "zorg-b.test"), "PROVIDER"
                        });
        for (var e : orgs.entrySet()) {
            Object[] o = e.getValue();
            String code = "OIDC-" + e.getKey() + "-" + suffix;
            Map<String, Object> org =
                    new HashMap<>(Map.of("code", code, "name", "OIDC test " + e.getKey(), "type", o[0]));
            if (o[1] != null) {
                org.put("policeUnit", o[1]);
            }
            Api.Reply created = s.admin().post("api/admin/organisations", org);
            assertEquals(201, created.status(), created.toString());
            long id = created.json().get("id").asLong();
            @SuppressWarnings("unchecked")
            Api.Reply set = s.admin()
                    .put(
                            "api/admin/organisations/" + id + "/oidc",
                            provider((String) o[2], (List<String>) o[3], (String) o[4]),
                            null);
            assertEquals(200, set.status(), set.toString());
            CODES.put(e.getKey(), code);
            IDS.put(e.getKey(), id);
        }
    }

    @Test
    @Order(1)
    void theAdministratorsConfigurationIsCheckedAndLogged() throws Exception {
        organisations();
        Scenario s = scenario();
        long org = IDS.get("B");
        Api.Reply read = s.admin().get("api/admin/organisations/" + org + "/oidc");
        assertEquals(200, read.status(), read.toString());
        assertTrue(
                read.json().get("clientSecretConfigured").asBoolean(),
                "the secret comes from the configuration: " + read);
        assertTrue(!read.body().contains("kz-it-client-secret"), "and is never shown");

        Map<String, Object> bad = provider("http://login.example/realms/x", List.of(), "PROVIDER");
        bad.put("clientSecretName", "not-configured");
        bad.put("fixedRole", "CASEWORKER");
        Api.Reply refused = s.admin().put("api/admin/organisations/" + org + "/oidc", bad, read.etag());
        assertEquals(400, refused.status(), refused.toString());
        JsonNode errors = refused.json().get("errors");
        assertEquals(
                Map.of(
                        "issuer",
                        "check.oidcIssuerUrl",
                        "emailDomains",
                        "check.oidcMembership",
                        "roleMapping",
                        "check.oidcRoleMapping",
                        "clientSecretName",
                        "check.oidcSecretMissing"),
                fieldCodes(errors),
                refused.toString());
        assertEquals(
                428,
                s.admin()
                        .put(
                                "api/admin/organisations/" + org + "/oidc",
                                provider(keycloak.issuer(), List.of("zorg-b.test"), "PROVIDER"),
                                null)
                        .status(),
                "replacing needs If-Match");
        assertTrue(
                lastRow("ADMIN_CHANGE", "SUCCESS", "\"issuer\":\"" + keycloak.issuer()) != null,
                "the configuration is in the access log");
        long own = s.admin().get("api/auth/me").json().get("organisationId").asLong();
        assertEquals(
                403,
                s.admin()
                        .put(
                                "api/admin/organisations/" + own + "/oidc",
                                provider(keycloak.issuer(), List.of("x.test"), "PROVIDER"),
                                null)
                        .status(),
                "never for one's own organisation");
    }

    @Test
    @Order(2)
    void anMfaUserLogsInThroughKeycloakAndOutAtBoth() throws Exception {
        organisations();
        Api.Reply method = scenario()
                .anonymous()
                .post("api/auth/login-method", Map.of("login", CODES.get("A").toLowerCase()));
        assertEquals("OIDC", method.json().get("method").asText(), method.toString());
        ProviderLogin browser = new ProviderLogin(base);
        ProviderLogin.Landing landing = browser.login(CODES.get("A"), "anna.mfa", "anna-it-password", ANNA_OTP);
        assertEquals(303, landing.status());
        assertNull(landing.refusal(), landing.location());
        assertNotNull(landing.sessionCookie(), "a session");
        Api anna = scenario().anonymous().withCookie(landing.sessionCookie(), null);
        JsonNode me = anna.get("api/auth/me").json();
        assertEquals("anna.mfa", me.get("username").asText());
        assertEquals("CASEWORKER", me.get("role").asText(), "the role from the mapping");
        assertEquals(
                IDS.get("A").longValue(), me.get("organisationId").asLong(), "the organisation whose provider it was");
        anna.withCookie(landing.sessionCookie(), me.get("csrfToken").asText());
        assertEquals(200, anna.get("api/cases").status());
        assertNotNull(
                lastRow("LOGIN", "SUCCESS", "oidc " + keycloak.issuer() + ", provider MFA"),
                "the login names the provider");

        assertEquals(
                401,
                scenario()
                        .anonymous()
                        .post("api/auth/login", Map.of("username", "anna.mfa", "password", "anna-it-password"))
                        .status(),
                "no password login for an organisation with a provider");

        Api.Reply out = anna.post("api/auth/logout", Map.of());
        assertEquals(200, out.status(), out.toString());
        String providerLogout = out.json().get("providerLogoutUrl").asText();
        assertTrue(
                providerLogout.startsWith(keycloak.issuer() + "/protocol/openid-connect/logout")
                        && providerLogout.contains("id_token_hint="),
                providerLogout);
        var atKeycloak = browser.get(providerLogout);
        assertEquals(
                302,
                atKeycloak.statusCode(),
                "Keycloak ends its session and sends the browser back: " + ProviderLogin.text(atKeycloak.body()));
        assertEquals(401, anna.get("api/auth/me").status(), "and the Ketenzicht session is over");
        assertNotNull(lastRow("LOGOUT", "SUCCESS", "oidc " + keycloak.issuer() + ", RP-initiated logout"));
        // Keycloak's session is gone too: the next login asks for the password again.
        String again = browser.start(CODES.get("A"));
        assertEquals(200, browser.get(again).statusCode(), "Keycloak shows its login page again");
    }

    @Test
    @Order(3)
    void refusalsByKeycloakUsersEachWithMessageAndLogRow() throws Exception {
        organisations();
        ProviderLogin noMfa = new ProviderLogin(base);
        assertEquals(
                "oidc.mfaRequired",
                noMfa.login(CODES.get("A"), "bert.nomfa", "bert-it-password", null)
                        .refusal());
        assertNotNull(lastRow(
                "LOGIN_FAILED", "DENIED", "oidc " + keycloak.issuer() + ": provider login without a second factor"));

        // Carla belongs to care organisation B (zorg-b.test) and tries police organisation A's login.
        ProviderLogin claimsA = new ProviderLogin(base);
        assertEquals(
                "oidc.notMember",
                claimsA.login(CODES.get("A"), "carla.orgb", "carla-it-password", CARLA_OTP)
                        .refusal());
        assertNotNull(lastRow(
                "LOGIN_FAILED", "DENIED", "oidc " + keycloak.issuer() + ": user does not belong to this organisation"));

        // The provider's answer used twice: the state (and with it the nonce) is spent.
        ProviderLogin twice = new ProviderLogin(base);
        String redirect = twice.atProvider(twice.start(CODES.get("B")), "carla.orgb", "carla-it-password", CARLA_OTP);
        assertNull(twice.arrive(redirect).refusal(), "the first time is a login");
        assertEquals("oidc.stateReplayed", twice.arrive(redirect).refusal());
        assertNotNull(lastRow("LOGIN_FAILED", "DENIED", "oidc " + keycloak.issuer() + ": state and nonce used before"));

        // An answer arriving in another browser than the one that started the login.
        ProviderLogin starter = new ProviderLogin(base);
        String stolen = starter.atProvider(starter.start(CODES.get("B")), "carla.orgb", "carla-it-password", CARLA_OTP);
        assertEquals("oidc.stateInvalid", new ProviderLogin(base).arrive(stolen).refusal());
        assertNotNull(lastRow(
                "LOGIN_FAILED",
                "DENIED",
                "oidc " + keycloak.issuer()
                        + ": unknown or expired state, or another browser (started in another browser)"));
    }

    @Test
    @Order(4)
    void forgedTokensAreRefusedEachWithMessageAndLogRow() throws Exception {
        organisations();
        Map<ForgingProvider.Forgery, String> expected = Map.of(
                ForgingProvider.Forgery.WRONG_ISSUER, "oidc.wrongIssuer",
                ForgingProvider.Forgery.WRONG_AUDIENCE, "oidc.wrongAudience",
                ForgingProvider.Forgery.EXPIRED, "oidc.expired",
                ForgingProvider.Forgery.UNSIGNED, "oidc.signature",
                ForgingProvider.Forgery.HMAC_WITH_PUBLIC_KEY, "oidc.signature");
        // One browser: after the first login Keycloak's session answers at once (its amr still shows pwd and otp).
        ProviderLogin b = new ProviderLogin(base);
        for (var e : expected.entrySet()) {
            forger.forgery = e.getKey();
            b.cookies.remove("KZ_SESSION");
            ProviderLogin.Landing landing = b.login(CODES.get("F"), "erik.mfa", "erik-it-password", ERIK_OTP);
            assertEquals(e.getValue(), landing.refusal(), e.getKey() + ": " + landing.location());
            assertNull(landing.sessionCookie(), e.getKey() + " opens no session");
            assertNotNull(
                    lastRow("LOGIN_FAILED", "DENIED", "oidc " + forger.issuer() + ": "),
                    e.getKey() + " is in the access log");
        }
        forger.forgery = ForgingProvider.Forgery.NONE;
        ProviderLogin.Landing ok = b.login(CODES.get("F"), "erik.mfa", "erik-it-password", ERIK_OTP);
        assertNull(ok.refusal(), "the same path with an honest token logs in: " + ok.location());
        assertEquals(
                Map.of(
                        "wrong issuer",
                        1L,
                        "wrong audience",
                        1L,
                        "expired or not yet valid token",
                        1L,
                        "unsigned token, unexpected algorithm or signature not by the provider's keys",
                        2L),
                refusalCounts(forger.issuer()));
    }

    @Test
    @Order(5)
    void withoutProviderMfaTheTotpOfKetenzichtCompletesTheLogin() throws Exception {
        organisations();
        ProviderLogin b = new ProviderLogin(base);
        ProviderLogin.Landing landing = b.login(CODES.get("T"), "bert.nomfa", "bert-it-password", null);
        assertTrue(landing.location().endsWith("#/login?oidc=ENROL"), landing.location());
        Scenario s = scenario();
        Api pending = s.anonymous().withCookie(landing.sessionCookie(), null);
        assertEquals(403, pending.get("api/cases").status(), "nothing before the second factor");
        JsonNode step = pending.get("api/auth/login-step").json();
        assertEquals("ENROL", step.get("next").asText());
        pending.withCookie(landing.sessionCookie(), step.get("csrfToken").asText());
        Api.Reply enrol = pending.post("api/auth/enrolment", Map.of());
        assertEquals(200, enrol.status(), enrol.toString());
        s.rememberSecret("bert.nomfa", enrol.json().get("secret").asText());
        Api.Reply done = pending.post("api/auth/second-factor", Map.of("code", s.totp("bert.nomfa")));
        assertEquals(200, done.status(), done.toString());
        Api bert = s.anonymous()
                .withCookie(
                        Scenario.cookieOf(done), done.json().get("csrfToken").asText());
        assertEquals(200, bert.get("api/cases").status());
        assertNotNull(lastRow("LOGIN", "SUCCESS", "oidc " + keycloak.issuer() + ", TOTP"));
    }

    /** Acceptance 1: through Keycloak's page with a user that has OTP, onto the case list of the mapped organisation, and out. */
    @Test
    @Order(6)
    void inTheBrowserAnMfaUserLandsOnTheCaseListAndLogsOut() throws Exception {
        organisations();
        var seen = nl.ketenzicht.web.ProviderLoginPage.loginAndOut(
                base,
                CODES.get("A"),
                "dora.mfa",
                "dora-it-password",
                () -> ProviderLogin.otp("dora.mfa", "dora-otp-secret-for-tests-0004"));
        assertTrue(seen.pageAfterLogin().startsWith("/cases"), seen.toString());
        assertTrue(
                seen.header().contains("dora.mfa") && seen.header().contains("OIDC test A"),
                "user and organisation in the header: " + seen);
        assertEquals("/login", seen.pageAfterLogout(), seen.toString());
        assertTrue(
                seen.urlAfterLogout().startsWith(onLocalhost(base).toString()), "back from Keycloak's logout: " + seen);
        assertNotNull(lastRow("LOGOUT", "SUCCESS", "oidc " + keycloak.issuer() + ", RP-initiated logout", "dora.mfa"));
    }

    /**
     * The role × endpoint matrix of {@link RoleMatrixIT} (the same table, the same fixtures) with every person logged in
     * at their organisation's OpenID provider: the answers must be the table's, that is, no different from password
     * users'. In this class, not one of its own, so that Keycloak and this server start once.
     */
    @Test
    @Order(7)
    void everyCallerOfAProviderGetsWhatPasswordUsersGet() throws Exception {
        RoleMatrixIT.checkEveryCell(
                RoleMatrixIT.World.build(new OidcScenario(base, keycloak), base, b -> new OidcScenario(b, keycloak)),
                "OidcRoleMatrixIT");
    }

    /**
     * A leaver disabled at the provider keeps a running session at most the bound
     * (ketenzicht.oidc.session-lifetime, 1 h), however active, and cannot log in again.
     */
    @Test
    @Order(9)
    void aUserDisabledInKeycloakLosesAccessAtTheBound() throws Exception {
        organisations();
        Scenario s = scenario();
        ProviderLogin b = new ProviderLogin(base);
        ProviderLogin.Landing landing = b.login(CODES.get("B"), "carla.orgb", "carla-it-password", CARLA_OTP);
        assertNull(landing.refusal(), landing.location());
        Api carla = s.anonymous().withCookie(landing.sessionCookie(), null);
        assertEquals("AUDITOR", carla.get("api/auth/me").json().get("role").asText());
        Api password = s.caseworker(s.organisation("POLICE", "AMS"));
        keycloak.setEnabled("carla.orgb", false);
        try {
            // Active all along (every 10 minutes), so neither idle timeout nor the absolute 12 h ends it.
            for (int minutes = 10; minutes <= 50; minutes += 10) {
                s.advanceClock(600);
                assertEquals(200, carla.get("api/auth/me").status(), "within the bound, after " + minutes + " min");
                assertEquals(200, password.get("api/auth/me").status());
            }
            s.advanceClock(11 * 60);
            assertEquals(401, carla.get("api/auth/me").status(), "past the bound of 60 minutes");
            assertEquals(200, password.get("api/auth/me").status(), "a password session is not bound by it");
            assertNotNull(lastRow("READ", "DENIED", null, "carla.orgb"), "the refused session is in the access log");
            String again = b.providerPage(b.start(CODES.get("B")), "carla.orgb", "carla-it-password");
            assertTrue(again.contains("disabled"), "Keycloak refuses the disabled user: " + again);
        } finally {
            keycloak.setEnabled("carla.orgb", true);
        }
    }

    private static Map<String, String> fieldCodes(JsonNode errors) {
        Map<String, String> m = new HashMap<>();
        errors.forEach(e -> m.put(e.get("field").asText(), e.get("code").asText()));
        return m;
    }

    static String lastRow(String action, String outcome, String purposePrefix) throws Exception {
        return lastRow(action, outcome, purposePrefix, null);
    }

    /** The newest access-log row of the action and outcome whose purpose holds the text (and of the user, if given). */
    static String lastRow(String action, String outcome, String purposePrefix, String username) throws Exception {
        String sql = "SELECT purpose, actor FROM access_log WHERE action = ? AND outcome = ?"
                + (purposePrefix != null ? " AND purpose LIKE ?" : "") + (username != null ? " AND username = ?" : "")
                + " ORDER BY id DESC LIMIT 1";
        try (Connection c = Db.connect();
                PreparedStatement q = c.prepareStatement(sql)) {
            int i = 1;
            q.setString(i++, action);
            q.setString(i++, outcome);
            if (purposePrefix != null) {
                q.setString(i++, "%" + purposePrefix.replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (username != null) {
                q.setString(i, username);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) + " | " + rs.getString(2) : null;
            }
        }
    }

    private static Map<String, Long> refusalCounts(String issuer) throws Exception {
        Map<String, Long> m = new HashMap<>();
        try (Connection c = Db.connect();
                PreparedStatement q = c.prepareStatement(
                        "SELECT purpose FROM access_log WHERE action = 'LOGIN_FAILED' AND purpose LIKE ?")) {
            q.setString(1, "oidc " + issuer + ": %");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(1).substring(("oidc " + issuer + ": ").length());
                    int paren = reason.indexOf(" (");
                    m.merge(paren < 0 ? reason : reason.substring(0, paren), 1L, Long::sum);
                }
            }
        }
        return m;
    }
}
