package nl.ketenzicht.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Keycloak;

/**
 * A login through Keycloak's own pages as a browser makes it, over plain HTTP: start at the
 * application, Keycloak's login form (user name and password), its OTP form when the user has OTP,
 * and back to the application's redirect URI. Cookies are kept by name for the one host (localhost),
 * as a browser keeps them; each login starts without Keycloak's cookies unless asked.
 */
final class ProviderLogin {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    final Map<String, String> cookies = new LinkedHashMap<>();
    private final URI app;

    ProviderLogin(URL base) {
        this.app = URI.create(OidcLoginIT.onLocalhost(base).toString());
    }

    /** What the application answered at its redirect URI. */
    record Landing(int status, String location, String sessionCookie) {
        String refusal() {
            int i = location == null ? -1 : location.indexOf("oidcError=");
            return i < 0 ? null : location.substring(i + "oidcError=".length());
        }
    }

    /** The authorization URL the application sends the browser to, for an organisation. */
    String start(String organisationCode) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(app.resolve("api/auth/oidc/start"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"organisation\":\"" + organisationCode + "\"}")));
        assertEquals(200, r.statusCode(), r.body());
        try {
            return Api.JSON.readTree(r.body()).get("authorizationUrl").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak's pages up to its redirect to the application: the redirect URI with code and state. */
    String atProvider(String authorizationUrl, String username, String password, String otpSecret) {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET());
        if (page.statusCode() == 302) {
            return location(page);
        }
        assertEquals(200, page.statusCode(), "Keycloak's login page: " + page.body());
        HttpResponse<String> afterPassword =
                post(action(page.body()), Map.of("username", username, "password", password, "credentialId", ""));
        if (afterPassword.statusCode() == 302) {
            return location(afterPassword);
        }
        assertTrue(
                otpSecret != null,
                username + ": Keycloak did not let the password through: " + text(afterPassword.body()));
        HttpResponse<String> afterOtp = post(action(afterPassword.body()), Map.of("otp", otp(username, otpSecret)));
        assertEquals(302, afterOtp.statusCode(), username + ": Keycloak refused the OTP: " + text(afterOtp.body()));
        return location(afterOtp);
    }

    /** The browser arrives at the application's redirect URI. */
    Landing arrive(String redirect) {
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create(redirect)).GET());
        return new Landing(r.statusCode(), r.headers().firstValue("Location").orElse(null), cookies.get("KZ_SESSION"));
    }

    Landing login(String organisationCode, String username, String password, String otpSecret) {
        return arrive(atProvider(start(organisationCode), username, password, otpSecret));
    }

    /** The page Keycloak shows (e.g. an error), as text. */
    String providerPage(String authorizationUrl, String username, String password) {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET());
        return text(post(action(page.body()), Map.of("username", username, "password", password, "credentialId", ""))
                .body());
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> post(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Keycloak.form(form))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    String.join(
                            "; ",
                            cookies.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
        }
        try {
            HttpResponse<String> r =
                    HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> r) {
        return r.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location: " + r.statusCode()));
    }

    private static String action(String html) {
        Matcher m = ACTION.matcher(html);
        assertTrue(m.find(), "no form on Keycloak's page: " + text(html));
        return m.group(1).replace("&amp;", "&");
    }

    static String text(String html) {
        String t = html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return t.length() > 600 ? t.substring(0, 600) : t;
    }

    /**
     * RFC 6238 over the secret as Keycloak keeps it (its bytes, not base32), for the current time
     * step. The test realm lets a code be used again (otpPolicyCodeReusable; Keycloak reads the OTP
     * policy only with its type): the provider's replay check is not what these tests are about, and
     * waiting up to 30 s for a new step before each further login of a user was most of their time.
     */
    static String otp(String username, String secret) {
        return totp(secret.getBytes(StandardCharsets.UTF_8), Instant.now().getEpochSecond() / 30);
    }

    static String totp(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
