package nl.ketenzicht.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Scenario;

/**
 * Gets the benchmark a partner-system token: logs the first administrator in with password and a
 * TOTP code from the real clock (no test clock in a production WAR), creates a police organisation
 * and issues an API token for it. A bearer token needs no cookie or CSRF handling per request.
 */
final class BenchLogin {

    private static final Path SECRET =
            Path.of(System.getProperty("bench.admin.totp-file", "target/bench/admin-totp.secret"));

    private BenchLogin() {}

    /** A partner organisation and its approved token (id and secret). */
    record Partner(long organisationId, long tokenId, String token) {}

    /** A user logged in with a session. */
    record User(long id, String username, Api api) {}

    static Partner partner(URL base, String adminUser, String adminPassword) throws Exception {
        return partner(base, admin(base, adminUser, adminPassword));
    }

    /** The first administrator, logged in (a TOTP code is accepted once, so log in once and reuse this). */
    static Api admin(URL base, String adminUser, String adminPassword) throws Exception {
        return login(new Api(base), adminUser, adminPassword);
    }

    static Partner partner(URL base, Api admin) throws Exception {
        String code = "BENCH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Api.Reply org = admin.post(
                "api/admin/organisations",
                Map.of("code", code, "name", "Benchmark " + code, "type", "POLICE", "policeUnit", "AMS"));
        require(201, org);
        long orgId = org.json().get("id").asLong();
        // As a partner would: the secret is made here and only its hash goes to the administrator;
        // a second administrator (created for the purpose) approves.
        String secret = "kz_" + java.util.UUID.randomUUID().toString().replace("-", "")
                + java.util.UUID.randomUUID().toString().replace("-", "");
        Api.Reply token = admin.post(
                "api/admin/tokens",
                Map.of("organisationId", orgId, "name", "benchmark", "secretHash", Scenario.sha256(secret)));
        require(201, token);
        Api approver = newUser(base, admin, "ADMIN", orgId, code).api();
        long tokenId = token.json().get("id").asLong();
        require(200, approver.post("api/admin/tokens/" + tokenId + "/approval", null));
        return new Partner(orgId, tokenId, secret);
    }

    /** A new coordinator (of a new national organisation), logged in with its own second factor. */
    static Api coordinator(URL base, String adminUser, String adminPassword) throws Exception {
        Api admin = login(new Api(base), adminUser, adminPassword);
        String code = "BENCH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Api.Reply org = admin.post(
                "api/admin/organisations", Map.of("code", code, "name", "Benchmark " + code, "type", "NATIONAL"));
        require(201, org);
        return newUser(base, admin, "COORDINATOR", org.json().get("id").asLong(), code)
                .api();
    }

    /** A new user of the role in the organisation, logged in with its own second factor (a session cookie). */
    static Api user(URL base, Api admin, String role, long organisationId) throws Exception {
        return namedUser(base, admin, role, organisationId).api();
    }

    /** As {@link #user}, with the user's id and name. */
    static User namedUser(URL base, Api admin, String role, long organisationId) throws Exception {
        return newUser(
                base,
                admin,
                role,
                organisationId,
                "U" + Long.toString(System.nanoTime(), 36).toUpperCase());
    }

    /** A new user of the role, logged in with its own second factor. */
    private static User newUser(URL base, Api admin, String role, long organisationId, String code) throws Exception {
        String username = "bench-" + role.toLowerCase() + "-" + code.toLowerCase();
        String password = "bench-" + role.toLowerCase() + "-" + code;
        Api.Reply created = admin.post(
                "api/admin/users",
                Map.of("username", username, "password", password, "role", role, "organisationId", organisationId));
        require(201, created);
        Api api = new Api(base);
        Api.Reply step1 = api.post("api/auth/login", Map.of("username", username, "password", password));
        require(200, step1);
        api.withCookie(Scenario.cookieOf(step1), step1.json().get("csrfToken").asText());
        Api.Reply enrol = api.post("api/auth/enrolment", Map.of());
        require(200, enrol);
        String totp = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                .generate(enrol.json().get("secret").asText(), Instant.now().getEpochSecond() / 30);
        Api.Reply step2 = api.post("api/auth/second-factor", Map.of("code", totp));
        require(200, step2);
        return new User(
                created.json().get("id").asLong(),
                username,
                api.withCookie(
                        Scenario.cookieOf(step2), step2.json().get("csrfToken").asText()));
    }

    private static Api login(Api api, String user, String password) throws Exception {
        Api.Reply step1 = api.post("api/auth/login", Map.of("username", user, "password", password));
        // A server that just lost its database connections (a restarted proxy) answers 503 for a few seconds.
        for (int i = 0; i < 30 && step1.status() == 503; i++) {
            Thread.sleep(1000);
            step1 = api.post("api/auth/login", Map.of("username", user, "password", password));
        }
        require(200, step1);
        api.withCookie(Scenario.cookieOf(step1), step1.json().get("csrfToken").asText());
        JsonNode next = step1.json().get("next");
        String secret;
        if ("ENROL".equals(next.asText())) {
            Api.Reply enrol = api.post("api/auth/enrolment", Map.of());
            require(200, enrol);
            secret = enrol.json().get("secret").asText();
            // Kept so that a later run against the same (still running) server can log in again.
            Files.writeString(SECRET, secret);
        } else {
            secret = Files.readString(SECRET).strip();
        }
        Api.Reply step2 = secondFactor(api, secret);
        if (step2.status() == 401) {
            // A code is accepted once: a bench that ran just before used this step's code. Wait for the next.
            Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 500);
            step2 = secondFactor(api, secret);
        }
        require(200, step2);
        return api.withCookie(
                Scenario.cookieOf(step2), step2.json().get("csrfToken").asText());
    }

    private static Api.Reply secondFactor(Api api, String secret) throws Exception {
        String totp = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                .generate(secret, Instant.now().getEpochSecond() / 30);
        return api.post("api/auth/second-factor", Map.of("code", totp));
    }

    private static void require(int status, Api.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply);
        }
    }
}
