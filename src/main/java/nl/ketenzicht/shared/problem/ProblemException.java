package nl.ketenzicht.shared.problem;

import java.util.List;

/** Any refusal that the API reports as a problem document with a chosen status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String rule;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null, List.of());
    }

    public ProblemException(int status, String title, String detail, String rule, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.rule = rule;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist or is not yours to see.");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Invalid request", message, null, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid request", "Some fields are not valid.", null, errors);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String rule() {
        return rule;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
