package nl.ketenzicht.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket, for the load generator only. The JDK's
 * HttpClient spent about 1.3 ms of CPU per request on this 2-core machine, CPU taken from the server
 * it measures; this one spends a small fraction of that. One instance per worker thread.
 */
final class RawHttp implements AutoCloseable {

    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final URI base;
    private final String fixedHeaders;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** @param headers lines sent with every request, each ending in CRLF (e.g. the Authorization header) */
    RawHttp(URI base, String headers) {
        this.base = base;
        this.fixedHeaders = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n" + headers;
    }

    Reply get(String path) throws IOException {
        return exchange("GET", path, null, "application/json");
    }

    /** A GET that accepts another type (a PDF). */
    Reply get(String path, String accept) throws IOException {
        return exchange("GET", path, null, accept);
    }

    Reply post(String path, String json) throws IOException {
        return exchange("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private Reply exchange(String method, String path, byte[] body, String accept) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(base.getPath())
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append(fixedHeaders)
                .append("Accept: ")
                .append(accept)
                .append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        try {
            return send(head.toString().getBytes(StandardCharsets.US_ASCII), body);
        } catch (IOException e) {
            // The server may close an idle kept-alive connection; one fresh connection, then give up.
            close();
            return send(head.toString().getBytes(StandardCharsets.US_ASCII), body);
        }
    }

    private Reply send(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(600_000); // a first monitor request computes ten years of reports
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        out.write(head);
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return read();
    }

    private Reply read() throws IOException {
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 response: " + status);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(
                    h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    h.substring(colon + 1).trim());
        }
        String body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            line();
            body = all.toString(StandardCharsets.UTF_8);
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Reply(Integer.parseInt(status.substring(9, 12)), headers, body);
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
