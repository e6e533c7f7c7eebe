package nl.ketenzicht.shared.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;

/** Bean Validation failures become 400 with one error per field, named as in the JSON body, each with its code. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> ConstraintCodes.errorOf(fieldOf(v), v))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(ProblemException.invalid(errors));
    }

    /** Drops the method and parameter nodes ({@code create.arg1.}) that mean nothing to a client. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> { }
                default -> append(field, node);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static void append(StringBuilder field, Path.Node node) {
        if (node.getName() == null) {
            return;
        }
        if (!field.isEmpty()) {
            field.append('.');
        }
        field.append(node.getName());
        if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
        }
    }
}
