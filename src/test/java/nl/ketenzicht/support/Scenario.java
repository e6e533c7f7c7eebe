package nl.ketenzicht.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.net.URL;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds test situations in a line each, through the public API only: organisations, users of a
 * role (logged in with password and TOTP), API tokens. It also moves the server clock, which it
 * tracks so that it can compute valid TOTP codes.
 */
public class Scenario {

    public static final String ADMIN_PASSWORD = "it-admin-password-123";
    public static final String PASSWORD = "correct-horse-battery";
    private static final Map<String, Long> CLOCK_OFFSETS = new ConcurrentHashMap<>();
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    /** Last TOTP step used per user: the database remembers it across test classes, whose servers' clocks differ. */
    private static final Map<String, Long> LAST_STEPS = new ConcurrentHashMap<>();

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Api anonymous;
    private Api admin;
    private Api secondAdmin;

    /**
     * The latest server time any test server has shown. All test classes share one database, which
     * remembers TOTP steps and orders the access log by time, so each new server's clock is first
     * brought up to it: the clocks of successive test servers never run backwards.
     */
    private static volatile long latestServerSecond;

    public Scenario(URL base) {
        this.anonymous = new Api(base);
        long now = Instant.now().getEpochSecond() + offset();
        if (now < latestServerSecond) {
            advanceClock(latestServerSecond - now + 1);
        }
    }

    public Api anonymous() {
        return anonymous.anonymous();
    }

    public synchronized Api admin() {
        if (admin == null) {
            admin = login("admin", ADMIN_PASSWORD);
        }
        return admin;
    }

    /** Logs in with password and second factor (enrolling it on first use). */
    public Api login(String username, String password) {
        for (int attempt = 1; ; attempt++) {
            Api.Reply done = attemptLogin(username, password);
            if (done.status() == 200 || attempt == 3) {
                assertEquals(200, done.status(), "second factor for " + username + ": " + done);
                return anonymous()
                        .withCookie(cookieOf(done), done.json().get("csrfToken").asText());
            }
            // A code straddling a 30 s boundary may hit a step the server saw already: move on and retry.
            advanceClock(60);
        }
    }

    private Api.Reply attemptLogin(String username, String password) {
        advanceClock(31);
        long step = (Instant.now().getEpochSecond() + offset()) / 30;
        long last = LAST_STEPS.getOrDefault(username, 0L);
        if (step <= last) {
            advanceClock((last - step + 1) * 30);
        }
        Api api = anonymous();
        Api.Reply step1 = api.post("api/auth/login", Map.of("username", username, "password", password));
        assertEquals(200, step1.status(), "password step for " + username + ": " + step1);
        api.withCookie(cookieOf(step1), step1.json().get("csrfToken").asText());
        if ("ENROL".equals(step1.json().get("next").asText())) {
            Api.Reply enrol = api.post("api/auth/enrolment", Map.of());
            assertEquals(200, enrol.status(), "enrolment: " + enrol);
            SECRETS.put(username, enrol.json().get("secret").asText());
        }
        long used = (Instant.now().getEpochSecond() + offset()) / 30;
        Api.Reply done = api.post("api/auth/second-factor", Map.of("code", totp(username)));
        LAST_STEPS.merge(username, used + 1, Math::max);
        return done;
    }

    public String totp(String username) {
        return totpFor(SECRETS.get(username));
    }

    /** The current code for a secret, e.g. one a browser test read from the enrolment page. */
    public String totpFor(String secret) {
        long step = (Instant.now().getEpochSecond() + offset()) / 30;
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Remembers a secret enrolled outside this class (through the browser), for {@link #totp}. */
    public void rememberSecret(String username, String secret) {
        SECRETS.put(username, secret);
    }

    public long organisation(String type, String policeUnit) {
        String code = "ORG-" + SEQ.incrementAndGet() + "-"
                + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", "Test " + code, "type", type));
        if (policeUnit != null) {
            body.put("policeUnit", policeUnit);
        }
        Api.Reply r = admin().post("api/admin/organisations", body);
        assertEquals(201, r.status(), "create organisation: " + r);
        return r.json().get("id").asLong();
    }

    /** A new user of the role in the organisation, logged in. */
    public Api user(String role, long organisationId, String policeUnit) {
        String username =
                role.toLowerCase() + SEQ.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("username", username, "password", PASSWORD, "role", role, "organisationId", organisationId));
        if (policeUnit != null) {
            body.put("policeUnit", policeUnit);
        }
        Api.Reply r = admin().post("api/admin/users", body);
        assertEquals(201, r.status(), "create user: " + r);
        return login(username, PASSWORD);
    }

    /** A session that passed the first step (here the password) but not yet the second factor. */
    public Api pendingLogin(long organisationId) {
        String name =
                createUserOnly("CASEWORKER", organisationId).get("username").asText();
        Api api = anonymous();
        Api.Reply r = api.post("api/auth/login", Map.of("username", name, "password", PASSWORD));
        assertEquals(200, r.status(), r.toString());
        return api.withCookie(cookieOf(r), r.json().get("csrfToken").asText());
    }

    public Api caseworker(long organisationId) {
        return user("CASEWORKER", organisationId, null);
    }

    public JsonNode createUserOnly(String role, long organisationId) {
        String username =
                role.toLowerCase() + SEQ.incrementAndGet() + "y" + Long.toString(System.nanoTime() % 100000, 36);
        Api.Reply r = admin().post(
                        "api/admin/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "role",
                                role,
                                "organisationId",
                                organisationId));
        assertEquals(201, r.status(), "create user: " + r);
        return r.json();
    }

    /** A partner system's token for the organisation, requested by one administrator and approved by another. */
    public Api token(long organisationId) {
        return anonymous().withBearer(issueToken(organisationId).secret());
    }

    /** An approved token: its id (to revoke it) and the secret the partner made. */
    public Token issueToken(long organisationId) {
        Token t = requestToken(admin(), organisationId);
        Api.Reply approved = secondAdmin().post("api/admin/tokens/" + t.id() + "/approval", null);
        assertEquals(200, approved.status(), "approve token: " + approved);
        return t;
    }

    /**
     * A pending token: like a partner organisation, the test makes the secret itself and hands the
     * administrator only its SHA-256.
     */
    public Token requestToken(Api administrator, long organisationId) {
        String secret = "kz_" + Long.toString(SEQ.incrementAndGet(), 36)
                + java.util.UUID.randomUUID().toString().replace("-", "")
                + java.util.UUID.randomUUID().toString().replace("-", "");
        Api.Reply r = administrator.post(
                "api/admin/tokens",
                Map.of("organisationId", organisationId, "name", "partner system", "secretHash", sha256(secret)));
        assertEquals(201, r.status(), "request token: " + r);
        return new Token(r.json().get("id").asLong(), secret);
    }

    public record Token(long id, String secret) {}

    /** A second administrator, for what one administrator may not do alone. */
    public synchronized Api secondAdmin() {
        if (secondAdmin == null) {
            secondAdmin = user(
                    "ADMIN",
                    admin().get("api/auth/me").json().get("organisationId").asLong(),
                    null);
        }
        return secondAdmin;
    }

    /** The server's date (its test clock), for dates such as a share's last day. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(serverNow(), java.time.ZoneOffset.UTC);
    }

    /** The server's time (its test clock), to the second. */
    public Instant serverNow() {
        return Instant.now().plusSeconds(offset());
    }

    public static String sha256(String value) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void advanceClock(long seconds) {
        Api.Reply r = anonymous().post("api/test/clock?seconds=" + seconds, null);
        assertEquals(204, r.status(), "moving the test clock: " + r);
        CLOCK_OFFSETS.merge(key(), seconds, Long::sum);
        latestServerSecond = Math.max(latestServerSecond, Instant.now().getEpochSecond() + offset());
    }

    private long offset() {
        return CLOCK_OFFSETS.getOrDefault(key(), 0L);
    }

    /** The server's port: one server may be reached by several names (localhost, its address). */
    private String key() {
        return String.valueOf(anonymous.serverRoot().getPort());
    }

    public static String cookieOf(Api.Reply r) {
        String setCookie = r.header("Set-Cookie");
        if (setCookie == null) {
            throw new AssertionError("no Set-Cookie in " + r);
        }
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }
}
