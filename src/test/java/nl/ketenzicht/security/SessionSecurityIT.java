package nl.ketenzicht.security;

import static nl.ketenzicht.support.ChainData.aCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.FromAddress;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Authentication and session promises of security.md, against the running application. */
@ExtendWith(ArquillianExtension.class)
class SessionSecurityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private Api passwordOnly(Scenario s, String username) {
        Api api = s.anonymous();
        Api.Reply r = api.post("api/auth/login", Map.of("username", username, "password", Scenario.PASSWORD));
        assertEquals(200, r.status(), r.toString());
        return api.withCookie(Scenario.cookieOf(r), r.json().get("csrfToken").asText());
    }

    @Test
    void aPasswordAloneReachesNoCaseData() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        String name = s.createUserOnly("CASEWORKER", org).get("username").asText();
        Api pending = passwordOnly(s, name);
        assertEquals(403, pending.get("api/cases").status(), "a pending session is not a login");
        assertEquals(403, pending.post("api/cases", aCase()).status());
        assertEquals(403, pending.get("api/auth/me").status());
    }

    @Test
    void theSessionIdChangesAtLoginAndThePendingCookieDies() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        String name = s.createUserOnly("CASEWORKER", org).get("username").asText();
        s.login(name, Scenario.PASSWORD);
        s.advanceClock(31);
        Api pending = passwordOnly(s, name);
        String pendingCookie = pending.cookie();
        Api.Reply done = pending.post("api/auth/second-factor", Map.of("code", s.totp(name)));
        assertEquals(200, done.status(), done.toString());
        assertNotEquals(pendingCookie, Scenario.cookieOf(done), "a new session id at login");
        assertEquals(
                401,
                s.anonymous().withCookie(pendingCookie, null).get("api/auth/me").status(),
                "the pre-login cookie is dead");
    }

    @Test
    void aReusedOrExpiredTotpCodeIsRefused() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        String name = s.createUserOnly("CASEWORKER", org).get("username").asText();
        s.login(name, Scenario.PASSWORD);
        String used = s.totp(name);
        Api again = passwordOnly(s, name);
        assertEquals(
                401,
                again.post("api/auth/second-factor", Map.of("code", used)).status(),
                "a code used once is refused");
        String old = s.totp(name);
        s.advanceClock(120);
        Api later = passwordOnly(s, name);
        assertEquals(
                401,
                later.post("api/auth/second-factor", Map.of("code", old)).status(),
                "a code two minutes old is refused");
    }

    @Test
    void theCookieStopsWorkingAfterLogoutDisableAndIdleTimeout() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        Api loggedOut = s.caseworker(org);
        assertEquals(200, loggedOut.get("api/auth/me").status());
        assertEquals(204, loggedOut.post("api/auth/logout", null).status());
        assertEquals(401, loggedOut.get("api/auth/me").status(), "after logout");

        var user = s.createUserOnly("CASEWORKER", org);
        Api disabled = s.login(user.get("username").asText(), Scenario.PASSWORD);
        long version = 0;
        for (var u : s.admin().get("api/admin/users?limit=200").json().get("items")) {
            if (u.get("id").asLong() == user.get("id").asLong()) {
                version = u.get("version").asLong();
            }
        }
        Api.Reply off = s.admin()
                .put(
                        "api/admin/users/" + user.get("id").asLong(),
                        Json.of("role", "CASEWORKER", "enabled", false),
                        "\"" + version + "\"");
        assertEquals(200, off.status(), off.toString());
        assertEquals(401, disabled.get("api/auth/me").status(), "after the account is disabled");

        Api idle = s.caseworker(org);
        s.advanceClock(14 * 60);
        assertEquals(200, idle.get("api/auth/me").status(), "14 minutes idle is fine");
        s.advanceClock(16 * 60);
        assertEquals(401, idle.get("api/auth/me").status(), "after 16 idle minutes");
    }

    @Test
    void aTokenStopsWorkingAtOnceWhenRevokedOrItsOrganisationIsDisabled() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        Scenario.Token issued = s.issueToken(org);
        Api partner = s.anonymous().withBearer(issued.secret());
        assertEquals(200, partner.get("api/cases").status());
        assertEquals(200, partner.get("api/cases").status(), "a second call, answered from the remembered check");

        long version = 0;
        for (var o : s.admin().get("api/admin/organisations").json()) {
            if (o.get("id").asLong() == org) {
                version = o.get("version").asLong();
            }
        }
        Api.Reply off = s.admin()
                .put(
                        "api/admin/organisations/" + org,
                        Json.of("name", "Disabled", "type", "POLICE", "policeUnit", "AMS", "enabled", false),
                        "\"" + version + "\"");
        assertEquals(200, off.status(), off.toString());
        assertEquals(401, partner.get("api/cases").status(), "right after the organisation is disabled");
        Api.Reply on = s.admin()
                .put(
                        "api/admin/organisations/" + org,
                        Json.of("name", "Enabled", "type", "POLICE", "policeUnit", "AMS", "enabled", true),
                        "\"" + off.json().get("version").asLong() + "\"");
        assertEquals(200, on.status(), on.toString());
        assertEquals(200, partner.get("api/cases").status(), "enabled again");

        long tokenId = issued.id();
        assertEquals(
                200,
                s.admin()
                        .post("api/admin/tokens/" + tokenId + "/revocation", null)
                        .status());
        assertEquals(401, partner.get("api/cases").status(), "right after the revocation");
    }

    @Test
    void aSessionEndsAfterTwelveHoursEvenWhenActive() {
        Scenario s = new Scenario(base);
        Api busy = s.caseworker(s.organisation("POLICE", "AMS"));
        for (int minutes = 0; minutes < 12 * 60 - 10; minutes += 10) {
            s.advanceClock(600);
            assertEquals(200, busy.get("api/auth/me").status(), "still active after " + minutes + " min");
        }
        s.advanceClock(20 * 60 - 60);
        assertEquals(401, busy.get("api/auth/me").status(), "the absolute limit of 12 hours");
    }

    @Test
    void stateChangesNeedThisSessionsCsrfToken() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        Api a = s.caseworker(org);
        Api b = s.caseworker(org);
        Api.Reply none = s.anonymous().withCookie(a.cookie(), null).post("api/cases", aCase());
        assertEquals(403, none.status(), "no token: " + none);
        Api.Reply foreign = s.anonymous().withCookie(a.cookie(), b.csrf()).post("api/cases", aCase());
        assertEquals(403, foreign.status(), "another session's token: " + foreign);
        assertEquals(201, a.post("api/cases", aCase()).status(), "the right token");
    }

    @Test
    void failedLoginsAreThrottledAlikeForKnownAndUnknownUsers() {
        Scenario s = new Scenario(base);
        String known = s.createUserOnly("CASEWORKER", s.organisation("POLICE", "AMS"))
                .get("username")
                .asText();
        String unknown = "nobody-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, fromOwnAddress(known, "wrong-password-" + i).status());
            assertEquals(401, fromOwnAddress(unknown, "wrong-password-" + i).status());
        }
        Api.Reply blockedKnown = fromOwnAddress(known, Scenario.PASSWORD);
        Api.Reply blockedUnknown = fromOwnAddress(unknown, Scenario.PASSWORD);
        assertEquals(429, blockedKnown.status(), "even the right password is refused while throttled");
        assertEquals(blockedKnown.status(), blockedUnknown.status());
        assertEquals(
                blockedKnown.json().get("detail"),
                blockedUnknown.json().get("detail"),
                "no difference reveals who exists");
        s.advanceClock(16 * 60);
        assertEquals(200, fromOwnAddress(known, Scenario.PASSWORD).status(), "the lock passes");
    }

    /**
     * A login from 127.0.0.4, which no other test uses: the server is shared by all test classes, and its
     * failures must not count towards the throttle of the address the others log in from.
     */
    private Api.Reply fromOwnAddress(String username, String password) {
        return FromAddress.post(
                base, "127.0.0.4", "api/auth/login", Map.of("username", username, "password", password), Map.of());
    }

    /**
     * Issue 14, acceptance 5. The failsafe configuration trusts 127.0.0.2 as a reverse proxy
     * (KETENZICHT_HTTP_TRUSTED_PROXIES): requests from it carry the client's address in X-Forwarded-For.
     * Before, every client behind the proxy shared its address and twenty failures refused them all.
     */
    @Test
    void behindATrustedProxyOneClientsFailuresLockOutNoOtherAndAForgedHeaderIsIgnored() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "AMS");
        String tried = s.createUserOnly("CASEWORKER", org).get("username").asText();
        String other = s.createUserOnly("CASEWORKER", org).get("username").asText();
        String attacker = "203.0.113." + (System.nanoTime() % 200 + 1);
        for (int i = 0; i < 20; i++) {
            String name = i < 5 ? tried : "nobody-" + System.nanoTime();
            assertEquals(401, viaProxy(attacker, name, "wrong-password-" + i).status(), "failure " + i);
        }
        assertEquals(
                429,
                viaProxy(attacker, other, Scenario.PASSWORD).status(),
                "the client that failed twenty times waits");
        assertEquals(
                200,
                viaProxy("198.51.100.20", other, Scenario.PASSWORD).status(),
                "another client behind the same proxy does not");
        assertEquals(
                429,
                viaProxy("198.51.100.21", tried, Scenario.PASSWORD).status(),
                "the account tried five times waits, from anywhere");

        // An untrusted peer (127.0.0.3) sends a different X-Forwarded-For each time: not believed, its own address
        // counts.
        Map<String, String> forged = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            forged.put("X-Forwarded-For", "192.0.2." + (i + 1));
            assertEquals(
                    401,
                    FromAddress.post(
                                    base,
                                    "127.0.0.3",
                                    "api/auth/login",
                                    Map.of("username", "nobody-" + System.nanoTime(), "password", "wrong-password"),
                                    forged)
                            .status());
        }
        forged.put("X-Forwarded-For", "192.0.2.200");
        assertEquals(
                429,
                FromAddress.post(
                                base,
                                "127.0.0.3",
                                "api/auth/login",
                                Map.of("username", other, "password", Scenario.PASSWORD),
                                forged)
                        .status(),
                "a forged header does not give an untrusted client a fresh address");
        assertEquals(
                200,
                s.anonymous()
                        .post("api/auth/login", Map.of("username", other, "password", Scenario.PASSWORD))
                        .status(),
                "a client at another address is not refused");
    }

    private Api.Reply viaProxy(String client, String username, String password) {
        return FromAddress.post(
                base,
                "127.0.0.2",
                "api/auth/login",
                Map.of("username", username, "password", password),
                Map.of("X-Forwarded-For", client));
    }

    /** Health and metrics are served by Payara outside the application; production puts them behind the proxy. */
    @Test
    void securityHeadersAndCookieFlagsOnEveryClassOfResponse() {
        Scenario s = new Scenario(base);
        Api worker = s.caseworker(s.organisation("POLICE", "AMS"));
        Api anon = s.anonymous();
        Api.Reply login = anon.post("api/auth/login", Map.of("username", "admin", "password", Scenario.ADMIN_PASSWORD));
        String cookie = login.header("Set-Cookie");
        assertTrue(
                cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        List<Api.Reply> replies = List.of(
                worker.get("api/cases"),
                worker.post("api/cases", aCase()),
                worker.post("api/cases", Map.of()),
                anon.get("api/cases"),
                s.caseworker(s.organisation("CARE", null)).get("api/admin/users"),
                worker.get("api/cases/999999999"),
                anon.get("api/no-such-thing"),
                anon.get("no-such-page"),
                worker.send("PATCH", "api/cases", "{}", Map.of()),
                worker.send("POST", "api/cases", "x", Map.of("Content-Type", "text/plain")),
                login,
                worker.post("api/auth/logout", null));
        for (Api.Reply r : replies) {
            assertEquals(
                    "max-age=31536000; includeSubDomains",
                    r.header("Strict-Transport-Security"),
                    "HSTS on " + r.status());
            assertTrue(
                    r.header("Content-Security-Policy") != null
                            && r.header("Content-Security-Policy").contains("script-src 'self'")
                            && !r.header("Content-Security-Policy").contains("unsafe-inline"),
                    "CSP on " + r);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), "nosniff on " + r.status());
        }
        for (Api.Reply r : replies) {
            if (r == replies.get(7)) {
                continue; // the page outside /api
            }
            assertEquals("no-store", r.header("Cache-Control"), "no-store on API response " + r.status());
            assertTrue(
                    !r.body().contains("Exception")
                            && !r.body().contains("at nl.")
                            && !r.body().contains("SQL"),
                    "no internals: " + r);
        }
    }
}
