package nl.ketenzicht.shared.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
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
            return Problems.response(400, "Invalid request", "Field '" + field + "': " + messageOf(e), null,
                    List.of(new Problem.FieldError(field, messageOf(e))));
        }
        return Problems.response(400, "Malformed JSON", "The request body is not valid JSON.", null,
                List.of(new Problem.FieldError("body", "The request body is not valid JSON.")));
    }

    static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static String messageOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException f) {
            return "value not allowed" + allowed(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + describe(m.getTargetType()) + allowed(m.getTargetType());
        }
        return "value not readable";
    }

    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; allowed: " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        return "";
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
        if (java.util.Collection.class.isAssignableFrom(type)) {
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
