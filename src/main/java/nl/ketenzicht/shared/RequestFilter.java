package nl.ketenzicht.shared;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.Problems;
import nl.ketenzicht.shared.problem.ServiceUnavailable;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs first on every request: gives it a correlation id and sets the security headers, so that
 * every class of response (pages, API data, errors from any layer) carries them; then lets API
 * requests in through the {@link Admission} bound (503 with Retry-After when their turn does not come).
 * While the database is down ({@link DatabaseAvailability}), or when the caller could not be identified
 * because it failed, an API request is answered 503 with Retry-After at once: never a 401 that would
 * send a user to log in again, and never a wait for a pool that cannot connect.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestFilter extends HttpFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";

    private Admission admission;

    @Inject
    DatabaseAvailability database;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        int concurrent = config.getOptionalValue("ketenzicht.http.max-active-requests", Integer.class)
                .filter(n -> n > 0)
                .orElse(Admission.perProcessors());
        Duration wait = config.getOptionalValue("ketenzicht.http.queue-wait", Duration.class)
                .orElse(Duration.ofSeconds(10));
        admission = new Admission(concurrent, wait);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = CorrelationId.begin(request.getHeader("X-Correlation-Id"));
        try {
            response.setHeader("X-Correlation-Id", id);
            securityHeaders(response);
            if (malformedPath(request.getRequestURI())) {
                malformed(response);
                return;
            }
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
            if (database.isDown() || request.getAttribute(DatabaseAvailability.UNAVAILABLE) != null) {
                database.refused();
                unavailable(response);
                return;
            }
            if (!admission.enter()) {
                busy(response);
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                admission.leave();
            }
        } finally {
            CorrelationId.end();
        }
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        ServiceUnavailable problem = ServiceUnavailable.database();
        response.setStatus(503);
        response.setHeader("Retry-After", ServiceUnavailable.RETRY_AFTER_SECONDS);
        response.setContentType(Problem.MEDIA_TYPE);
        JsonConfig.MAPPER.writeValue(
                response.getOutputStream(),
                Problems.problem(503, problem.title(), problem.code(), problem.getMessage()));
    }

    /** The headers every answer carries; also set by {@link ErrorPage}, which the container may reach past this filter. */
    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    /**
     * Whether the path as sent (still encoded) holds what no address of this application needs and
     * path traversal does: an encoded dot, slash, backslash or control character, or a broken
     * escape. The container refuses most of these before this filter (see README); those it decodes
     * and passes on would otherwise be answered 404 as if the address were merely unknown.
     */
    static boolean malformedPath(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return true;
            }
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                int b = high * 16 + low;
                if (low < 0 || b < 0x20 || b == 0x7f || b == '.' || b == '/' || b == '\\') {
                    return true;
                }
            }
        }
        return false;
    }

    private static void malformed(HttpServletResponse response) throws IOException {
        response.setStatus(400);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        JsonConfig.MAPPER.writeValue(
                response.getOutputStream(),
                Problems.problem(
                        400,
                        "Malformed address",
                        nl.ketenzicht.shared.problem.MessageCode.MALFORMED_PATH,
                        "This address is not valid: it holds encoded characters that do not belong in an address."));
    }

    private static void busy(HttpServletResponse response) throws IOException {
        response.setStatus(503);
        response.setHeader("Retry-After", "1");
        response.setContentType(Problem.MEDIA_TYPE);
        JsonConfig.MAPPER.writeValue(
                response.getOutputStream(),
                Problems.problem(
                        503,
                        "Busy",
                        nl.ketenzicht.shared.problem.MessageCode.UNAVAILABLE_SERVER_BUSY,
                        "The server is handling as many requests as it can; nothing was done. Try again."));
    }
}
