package nl.ketenzicht.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Malformed request paths against every endpoint of the API (generated from the resource classes,
 * like {@link ListParameterChecks}), sent byte for byte over a socket, since an HTTP client library
 * would refuse or repair them. Each answer must be either the application's problem+json 400, or the
 * refusal that Payara Micro 6.2025.10 gives before any code of the application runs, exactly as
 * documented in the README: Catalina's {@code CoyoteAdapter} decodes and normalises the path before it
 * maps the request to an application, and answers these itself with an empty body; Grizzly's HTTP
 * codec refuses a request line longer than its header buffer before Catalina sees it. That no
 * application code ran is shown by the missing {@code X-Correlation-Id}, which {@code RequestFilter}
 * and {@code ErrorPage} put on every answer they give.
 */
public final class MalformedPaths {

    /** What is appended to each endpoint's path, with the container's answer when it refuses it itself. */
    public static final Map<String, Integer> CONTAINER_STATUS = new LinkedHashMap<>();

    static {
        CONTAINER_STATUS.put("%00", 400); // NUL: normalisation refuses it ("Invalid URI")
        CONTAINER_STATUS.put("/..%2F..%2F..%2Fx", 400); // encoded slash: refused while decoding
        CONTAINER_STATUS.put("/%2e%2e".repeat(12) + "/x", 400); // leaves the root once decoded, from any endpoint
        CONTAINER_STATUS.put("%5C", 400); // encoded backslash
        CONTAINER_STATUS.put("\\x", 400); // raw backslash
        CONTAINER_STATUS.put("%c0%ae%c0%ae", 400); // overlong UTF-8 for '.'
        CONTAINER_STATUS.put("%ff", 400); // not UTF-8
        // Invalid percent-encoding: Grizzly's URLDecoder throws IllegalArgumentException inside
        // CoyoteAdapter.service, which logs it (SEVERE, with a stack trace) and answers 200 with no body.
        CONTAINER_STATUS.put("%zz", 200);
        CONTAINER_STATUS.put("%", 200);
    }

    /** A path longer than Grizzly's header buffer (8 KiB): its codec answers 400 before Catalina sees the request. */
    public static final String OVERLONG = "/" + "a".repeat(9000);

    private final URL base;
    private int requests;

    public MalformedPaths(URL base) {
        this.base = base;
    }

    public int requests() {
        return requests;
    }

    /** Every endpoint's path with every malformed suffix, and one overlong path; returns the findings. */
    public List<String> everyRefusalIsAProblemOrTheContainersOwn() {
        List<String> wrong = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>();
        for (ResourceModel.Endpoint e : ResourceModel.application().endpoints()) {
            paths.add(e.path().replaceAll("\\{[^}]+}", "1"));
        }
        String prefix = base.getPath().endsWith("/")
                ? base.getPath().substring(0, base.getPath().length() - 1)
                : base.getPath();
        for (String path : paths) {
            for (Map.Entry<String, Integer> suffix : CONTAINER_STATUS.entrySet()) {
                check(prefix + path + suffix.getKey(), suffix.getValue(), wrong);
            }
        }
        check(prefix + OVERLONG, 400, wrong);
        return wrong;
    }

    private void check(String path, int containerStatus, List<String> wrong) {
        Raw r = get(path);
        requests++;
        String shown = path.length() > 80 ? path.substring(0, 80) + "…" : path;
        if (r.header("server") != null || r.header("x-powered-by") != null) {
            wrong.add(shown + ": names the server: " + r.head);
        }
        if (!r.body.isEmpty()) {
            // The application answered: then it is its problem document, a 400.
            if (r.status != 400 || !String.valueOf(r.header("content-type")).startsWith("application/problem+json")) {
                wrong.add(shown + ": " + r.status + " " + r.header("content-type") + " " + r.body);
            }
        } else if (r.status != containerStatus || r.header("x-correlation-id") != null) {
            wrong.add(shown + ": neither a problem nor the container's documented refusal (" + containerStatus
                    + ", empty, before the application): " + r.head);
        }
    }

    private Raw get(String path) {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            in.transferTo(all);
            return Raw.of(all.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        }
    }

    /** An answer as it came over the wire. */
    private record Raw(int status, String head, Map<String, String> headers, String body) {
        static Raw of(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new Raw(status, head.replace("\r\n", " | "), headers, body);
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
