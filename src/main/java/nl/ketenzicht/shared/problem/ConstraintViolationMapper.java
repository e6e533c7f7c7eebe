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

    /**
     * Names the field as the client sent it: a body's property path without the method and parameter
     * nodes ({@code create.arg1.}) that mean nothing to a client, and a query, path or header
     * parameter (also inside a {@code @BeanParam}) by its name in the request.
     */
    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        java.lang.reflect.Method method = null;
        Class<?> beanParam = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD ->
                    method = RequestParameters.method(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    String name = RequestParameters.name(method, index);
                    if (name != null) {
                        append(field, name);
                    }
                    beanParam = RequestParameters.beanParam(method, index);
                }
                case CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {}
                case PROPERTY -> {
                    String name = beanParam == null ? null : RequestParameters.fieldName(beanParam, node.getName());
                    beanParam = null;
                    if (name != null) {
                        append(field, name);
                    } else {
                        append(field, node);
                    }
                }
                default -> append(field, node);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static void append(StringBuilder field, String name) {
        if (!field.isEmpty()) {
            field.append('.');
        }
        field.append(name);
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
