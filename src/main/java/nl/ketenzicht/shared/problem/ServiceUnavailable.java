package nl.ketenzicht.shared.problem;

/** 503 with Retry-After: the request may be repeated once the dependency is back. */
public final class ServiceUnavailable extends ProblemException {

    /** The database's watchdog probes four times a second; a few seconds cover a short interruption. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private ServiceUnavailable(MessageCode code, String detail) {
        super(503, "Service unavailable", code, detail);
    }

    public static ServiceUnavailable database() {
        return new ServiceUnavailable(
                MessageCode.UNAVAILABLE_DATABASE, "The database cannot be reached. Try again in a few seconds.");
    }

    public static ServiceUnavailable auditLog() {
        return new ServiceUnavailable(
                MessageCode.UNAVAILABLE_AUDIT_LOG,
                "The access log cannot be written, so no data are returned. Try again later.");
    }
}
