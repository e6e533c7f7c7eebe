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

    /**
     * The connection failed while the transaction committed, so whether the change was saved is not known.
     * A retry with the same Idempotency-Key is safe: it repeats the first answer if the commit did land.
     */
    public static ServiceUnavailable outcomeUnknown() {
        return new ServiceUnavailable(
                MessageCode.UNAVAILABLE_OUTCOME_UNKNOWN,
                "The connection to the database broke while saving, so it is not known whether the change was saved."
                        + " Repeat the request with the same Idempotency-Key, or reload and check.");
    }

    public static ServiceUnavailable auditLog() {
        return new ServiceUnavailable(
                MessageCode.UNAVAILABLE_AUDIT_LOG,
                "The access log cannot be written, so no data are returned. Try again later.");
    }
}
