package nl.ketenzicht.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak for the OpenID Connect tests: the distribution Maven unpacked (property
 * {@code keycloak.home}), started in development mode on the loopback
 * address and free ports with the realm of {@code src/test/resources/oidc/ketenzicht-it-realm.json}
 * imported into a fresh data folder. One per test JVM, stopped when the JVM ends. Its admin API
 * disables users, as an organisation does with a leaver.
 */
public final class Keycloak {

    public static final String REALM = "ketenzicht-it";
    public static final String CLIENT_ID = "ketenzicht";
    /** The secret in the realm file; Payara gets it as KETENZICHT_OIDC_CLIENT_SECRET_IT_KEYCLOAK (pom.xml). */
    public static final String SECRET_NAME = "it-keycloak";

    private static final String ADMIN = "kzadmin";
    private static final String ADMIN_PASSWORD = "kzadmin-it-password";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Keycloak instance;

    private final Process process;
    private final int port;
    /** Seconds from launch to the realm's discovery document answering. */
    public final double startSeconds;

    private Keycloak(Process process, int port, double startSeconds) {
        this.process = process;
        this.port = port;
        this.startSeconds = startSeconds;
    }

    private static java.util.concurrent.CompletableFuture<Keycloak> starting;

    /** Starts Keycloak in the background (e.g. while Payara starts); {@link #get} waits for it. */
    public static synchronized void launch() {
        if (starting == null) {
            starting = java.util.concurrent.CompletableFuture.supplyAsync(Keycloak::start);
        }
    }

    public static synchronized Keycloak get() {
        if (instance == null) {
            launch();
            instance = starting.join();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** localhost, so that the browser test's cookies (Secure, on http) are kept as for the application. */
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    private static Keycloak start() {
        String home = System.getProperty("keycloak.home");
        if (home == null || !Files.isDirectory(Path.of(home, "bin"))) {
            throw new IllegalStateException("no Keycloak distribution (keycloak.home=" + home
                    + "): run them through mvn verify, which unpacks it");
        }
        try {
            Path data = Path.of(home, "data");
            if (Files.exists(data)) {
                try (Stream<Path> files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(data.resolve("import"));
            Files.copy(
                    Path.of("src/test/resources/oidc/" + REALM + "-realm.json"),
                    data.resolve("import/" + REALM + "-realm.json"));
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder(
                            "bash",
                            Path.of(home, "bin", "kc.sh").toString(),
                            "start-dev",
                            "--import-realm",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--http-management-port=" + freePort(),
                            "--log-level=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "keycloak.log").toFile());
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // A small heap and the quick compiler: a test server, started on a busy machine.
            pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            pb.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            long started = System.nanoTime();
            Process p = pb.start();
            Keycloak kc = new Keycloak(p, port, 0);
            long deadline = System.nanoTime() + Duration.ofMinutes(9).toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "Keycloak ended with " + p.exitValue() + "; see target/keycloak.log");
                }
                if (kc.answers()) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("Keycloak: realm %s ready at %s after %.1f s%n", REALM, kc.issuer(), seconds);
                    return new Keycloak(p, port, seconds);
                }
                Thread.sleep(500);
            }
            p.destroyForcibly();
            throw new IllegalStateException("Keycloak did not start within 9 minutes; see target/keycloak.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answers() {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Sets a realm user's enabled flag through the admin API. */
    public void setEnabled(String username, boolean enabled) {
        String token = adminToken();
        JsonNode users = json(HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + REALM
                        + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .build());
        String id = users.get(0).get("id").asText();
        send(
                HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + REALM + "/users/" + id))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}"))
                        .build(),
                204);
    }

    /** A realm user with a password, a realm role and, when a secret is given, OTP (Keycloak keeps the secret's bytes). */
    public void createUser(String username, String email, String realmRole, String password, String otpSecret) {
        var user = Api.JSON
                .createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("email", email)
                .put("emailVerified", true)
                .put("firstName", "Synthetic")
                .put("lastName", "Matrix");
        user.putArray("realmRoles").add(realmRole);
        var credentials = user.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", password).put("temporary", false);
        if (otpSecret != null) {
            credentials
                    .addObject()
                    .put("type", "otp")
                    .put("userLabel", "it")
                    .put("secretData", "{\"value\":\"" + otpSecret + "\"}")
                    .put(
                            "credentialData",
                            "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        }
        var body = Api.JSON.createObjectNode().put("ifResourceExists", "FAIL");
        body.putArray("users").add(user);
        send(
                HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + REALM + "/partialImport"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                200);
    }

    private String adminToken() {
        String form = form(Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD));
        return json(HttpRequest.newBuilder(URI.create(base() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build())
                .get("access_token")
                .asText();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode json(HttpRequest request) {
        try {
            return Api.JSON.readTree(send(request, 200));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
