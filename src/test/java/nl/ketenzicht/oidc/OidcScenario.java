package nl.ketenzicht.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Keycloak;
import nl.ketenzicht.support.Scenario;

/**
 * The test situations of {@link Scenario} with people who log in at their organisation's OpenID
 * provider (Keycloak): each organisation a user is made for gets the provider (its own e-mail
 * domain, the realm roles mapped to the four roles, accounts at the first login, MFA at the
 * provider), each user a Keycloak account with password and OTP, and the login goes through
 * Keycloak's pages. The built-in administrator's organisation keeps password + TOTP, so that the
 * other tests on the same database can still log in as it.
 */
public class OidcScenario extends Scenario {

    private static final Map<Long, String> CODES = new ConcurrentHashMap<>();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final URL base;
    private final Keycloak keycloak;

    public OidcScenario(URL base, Keycloak keycloak) {
        super(base);
        this.base = base;
        this.keycloak = keycloak;
    }

    @Override
    public Api user(String role, long organisationId, String policeUnit) {
        long adminOrganisation =
                admin().get("api/auth/me").json().get("organisationId").asLong();
        if (organisationId == adminOrganisation) {
            return super.user(role, organisationId, policeUnit);
        }
        String code = withProvider(organisationId, "PROVIDER");
        String username = "m" + SEQ.incrementAndGet() + "-" + role.toLowerCase() + "-"
                + Long.toString(System.nanoTime() % 100000, 36);
        String otp = "otp-secret-of-" + username;
        keycloak.createUser(
                username,
                username + "@o" + organisationId + ".matrix.test",
                "ketenzicht-" + role.toLowerCase(),
                "pw-" + username,
                otp);
        ProviderLogin.Landing landing = new ProviderLogin(base).login(code, username, "pw-" + username, otp);
        assertNull(landing.refusal(), username + ": " + landing.location());
        assertNotNull(landing.sessionCookie(), username);
        Api api = anonymous().withCookie(landing.sessionCookie(), null);
        JsonNode me = api.get("api/auth/me").json();
        assertEquals(role, me.get("role").asText(), "the mapped role of " + username);
        return api.withCookie(landing.sessionCookie(), me.get("csrfToken").asText());
    }

    /** Provider login without MFA where the organisation accepts Ketenzicht's TOTP: pending that step. */
    @Override
    public Api pendingLogin(long organisationId) {
        long pendingOrganisation = organisation("POLICE", "AMS");
        String code = withProvider(pendingOrganisation, "PROVIDER_OR_TOTP");
        String username = "m" + SEQ.incrementAndGet() + "-pending-" + Long.toString(System.nanoTime() % 100000, 36);
        keycloak.createUser(
                username,
                username + "@o" + pendingOrganisation + ".matrix.test",
                "ketenzicht-caseworker",
                "pw-" + username,
                null);
        ProviderLogin.Landing landing = new ProviderLogin(base).login(code, username, "pw-" + username, null);
        assertTrue(
                landing.location() != null && landing.location().endsWith("#/login?oidc=ENROL"),
                String.valueOf(landing.location()));
        Api api = anonymous().withCookie(landing.sessionCookie(), null);
        return api.withCookie(
                landing.sessionCookie(),
                api.get("api/auth/login-step").json().get("csrfToken").asText());
    }

    private String withProvider(long organisationId, String secondFactor) {
        return CODES.computeIfAbsent(organisationId, id -> {
            Map<String, Object> body = new HashMap<>(
                    OidcLoginIT.provider(keycloak.issuer(), List.of("o" + id + ".matrix.test"), secondFactor));
            Api.Reply set = admin().put("api/admin/organisations/" + id + "/oidc", body, null);
            assertEquals(200, set.status(), set.toString());
            for (JsonNode o : admin().get("api/admin/organisations").json()) {
                if (o.get("id").asLong() == id) {
                    return o.get("code").asText();
                }
            }
            throw new AssertionError("organisation " + id + " not listed");
        });
    }
}
