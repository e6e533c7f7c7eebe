package nl.ketenzicht.shared.problem;

import java.util.List;
import java.util.Map;

/** Any refusal that the API reports as a problem document with a chosen status and message code. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final MessageCode code;
    private final Map<String, Object> params;
    private final String rule;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, MessageCode code, String detail) {
        this(status, title, code, Map.of(), detail, null, List.of());
    }

    public ProblemException(int status, String title, MessageCode code, Map<String, ?> params, String detail) {
        this(status, title, code, params, detail, null, List.of());
    }

    public ProblemException(
            int status,
            String title,
            MessageCode code,
            Map<String, ?> params,
            String detail,
            String rule,
            List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.code = code;
        this.params = Params.copy(params);
        this.rule = rule;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(
                404, "Not found", MessageCode.NOT_FOUND, what + " does not exist or is not yours to see.");
    }

    public static ProblemException forbidden(MessageCode code, String detail) {
        return new ProblemException(403, "Forbidden", code, detail);
    }

    public static ProblemException invalid(String field, MessageCode code, String message) {
        return invalid(field, code, Map.of(), message);
    }

    public static ProblemException invalid(String field, MessageCode code, Map<String, ?> params, String message) {
        return invalid(List.of(new Problem.FieldError(field, code, params, message)));
    }

    /** One 400 with every field error; a single error is also the problem's detail. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message() : "Some fields are not valid.";
        return new ProblemException(
                400,
                "Invalid request",
                MessageCode.INVALID_REQUEST,
                Map.of("count", errors.size()),
                detail,
                null,
                errors);
    }

    public static ProblemException conflict(MessageCode code, String detail) {
        return new ProblemException(409, "Conflict", code, detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public MessageCode code() {
        return code;
    }

    public Map<String, Object> params() {
        return params;
    }

    public String rule() {
        return rule;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
