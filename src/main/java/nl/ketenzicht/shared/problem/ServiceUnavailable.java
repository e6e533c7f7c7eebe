package nl.ketenzicht.shared.problem;

/** 503 with Retry-After: the request may be repeated once the dependency is back. */
public final class ServiceUnavailable extends ProblemException {

    private ServiceUnavailable(String detail) {
        super(503, "Service unavailable", detail);
    }

    public static ServiceUnavailable database() {
        return new ServiceUnavailable("The database cannot be reached. Try again in a few seconds.");
    }

    public static ServiceUnavailable auditLog() {
        return new ServiceUnavailable("The access log cannot be written, so no data are returned. Try again later.");
    }
}
