package nl.ketenzicht.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for the API as one caller sees it: a session cookie and its CSRF token, or a
 * bearer token, or nothing. Every call returns status, headers and the parsed body.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private String cookie;
    private String csrf;
    private String bearer;

    public Api(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    public Api anonymous() {
        return new Api(url());
    }

    public URL url() {
        try {
            return base.toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI serverRoot() {
        return base.resolve("/");
    }

    public Api withCookie(String cookie, String csrf) {
        this.cookie = cookie;
        this.csrf = csrf;
        return this;
    }

    public Api withBearer(String token) {
        this.bearer = token;
        return this;
    }

    public String cookie() {
        return cookie;
    }

    public String csrf() {
        return csrf;
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Reply post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Reply put(String path, Object body, String ifMatch) {
        return send("PUT", path, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    public Reply delete(String path, String ifMatch) {
        return send("DELETE", path, null, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static boolean busy(HttpResponse<String> r) {
        return r.statusCode() == 503 && r.body() != null && r.body().contains("\"unavailable.databaseBusy\"");
    }

    public Reply send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        path.startsWith("/") ? serverRoot().resolve(path) : base.resolve(path))
                .timeout(Duration.ofSeconds(60));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        if (body != null) {
            h.put("Content-Type", "application/json");
        }
        if (cookie != null) {
            h.put("Cookie", "KZ_SESSION=" + cookie);
            if (csrf != null) {
                h.put("X-CSRF-Token", csrf);
            }
        }
        if (bearer != null) {
            h.put("Authorization", "Bearer " + bearer);
        }
        h.putAll(headers);
        h.forEach(b::header);
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        try {
            HttpRequest request = b.build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            // As a real client does: "the database was busy and nothing was saved" (a deadlock or lock wait
            // under the suite's load) is asked again after its Retry-After, a few times.
            for (int attempt = 1; attempt <= 3 && busy(r); attempt++) {
                Thread.sleep(1000L * attempt);
                r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose body is not text (a PDF): the bytes of a 200, else an assertion error with the status. */
    public byte[] getBytes(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(120))
                .GET();
        if (cookie != null) {
            b.header("Cookie", "KZ_SESSION=" + cookie);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError(path + ": " + r.statusCode() + " "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode json() {
        return JSON.createObjectNode();
    }

    public static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String etag() {
            return header("ETag");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
