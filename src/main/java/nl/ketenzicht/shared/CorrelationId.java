package nl.ketenzicht.shared;

import java.util.UUID;

/** The id that ties a request to its log lines and its error responses. Set by {@link RequestFilter}. */
public final class CorrelationId {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CorrelationId() {}

    public static String current() {
        String id = CURRENT.get();
        return id != null ? id : "none";
    }

    static String begin(String fromClient) {
        String id = fromClient != null && fromClient.matches("[A-Za-z0-9-]{8,64}")
                ? fromClient
                : UUID.randomUUID().toString();
        CURRENT.set(id);
        return id;
    }

    static void end() {
        CURRENT.remove();
    }
}
