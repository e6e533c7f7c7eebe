package nl.ketenzicht.shared.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Malformed JSON, unknown fields and wrong types: 400 naming the field, never the parser's internals. */
@Provider
public class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        return problemFor(e);
    }

    static Response problemFor(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            Problem.FieldError error = errorOf(field, e);
            return Problems.response(new ProblemException(
                    400,
                    "Invalid request",
                    MessageCode.INVALID_REQUEST,
                    Map.of("count", 1),
                    "Field '" + field + "': " + error.message(),
                    null,
                    List.of(error)));
        }
        String detail = "The request body is not valid JSON.";
        return Problems.response(new ProblemException(
                400,
                "Malformed JSON",
                MessageCode.MALFORMED_JSON,
                Map.of(),
                detail,
                null,
                List.of(new Problem.FieldError("body", MessageCode.MALFORMED_JSON, detail))));
    }

    static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** The field's error with its code; the values an enum allows are a parameter, since they are codes. */
    static Problem.FieldError errorOf(String field, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return new Problem.FieldError(field, MessageCode.UNKNOWN_FIELD, "unknown field");
        }
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        Map<String, Object> params = type != null && type.isEnum() ? Map.of("allowed", allowedValues(type)) : Map.of();
        if (e instanceof InvalidFormatException) {
            return new Problem.FieldError(
                    field, MessageCode.VALUE_NOT_ALLOWED, params, "value not allowed" + allowed(type));
        }
        if (type != null) {
            return new Problem.FieldError(field, expected(type), params, "expected " + describe(type) + allowed(type));
        }
        return new Problem.FieldError(field, MessageCode.UNREADABLE_VALUE, "value not readable");
    }

    private static String allowedValues(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", "));
    }

    private static String allowed(Class<?> type) {
        return type != null && type.isEnum() ? "; allowed: " + allowedValues(type) : "";
    }

    private static MessageCode expected(Class<?> type) {
        return switch (describe(type)) {
            case "a text value" -> MessageCode.EXPECTED_TEXT;
            case "a number" -> MessageCode.EXPECTED_NUMBER;
            case "true or false" -> MessageCode.EXPECTED_BOOLEAN;
            case "a date (YYYY-MM-DD)" -> MessageCode.EXPECTED_DATE;
            case "a list" -> MessageCode.EXPECTED_LIST;
            default -> MessageCode.EXPECTED_OBJECT;
        };
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a text value";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date (YYYY-MM-DD)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}

/**
 * Jersey's Jackson module brings mappers for these two subtypes that answer in plain text; being
 * closer to the thrown type they would win, so ours are registered for the same types, ahead of them.
 */
@Provider
@Priority(1)
class JsonMappingProblemMapper implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
        return JsonProblemMapper.problemFor(e);
    }
}

@Provider
@Priority(1)
class JsonParseProblemMapper implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
        return JsonProblemMapper.problemFor(e);
    }
}
