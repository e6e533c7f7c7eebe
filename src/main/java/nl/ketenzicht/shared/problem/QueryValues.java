package nl.ketenzicht.shared.problem;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the values of query, path and header parameters into the types the resources declare:
 * whole numbers, true/false, dates (YYYY-MM-DD) and enum constants. A malformed value is refused with
 * the message code a client can show; JAX-RS wraps the refusal in a {@code ParamException} that names
 * the parameter, which {@link ParamProblemMapper} answers with a 400. An empty value counts as absent.
 * JAX-RS has no converter of its own for {@link LocalDate}: without this one a date filter was ignored.
 */
@Provider
public class QueryValues implements ParamConverterProvider {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> raw, Type generic, Annotation[] annotations) {
        Function<String, Object> parse = parser((Class) raw);
        if (parse == null) {
            return null;
        }
        String fallback = Arrays.stream(annotations)
                .filter(DefaultValue.class::isInstance)
                .map(a -> ((DefaultValue) a).value())
                .findFirst()
                .orElse(null);
        Object absent = absent(raw);
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return (T) (fallback == null || fallback.isBlank() ? absent : parse.apply(fallback.strip()));
                }
                return (T) parse.apply(value.strip());
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    /** What JAX-RS gives a parameter that is absent and has no default: zero or false for a primitive. */
    private static Object absent(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return type == boolean.class ? Boolean.FALSE : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<String, Object> parser(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return v -> number(() -> Integer.valueOf(v));
        }
        if (type == long.class || type == Long.class) {
            return v -> number(() -> Long.valueOf(v));
        }
        if (type == boolean.class || type == Boolean.class) {
            return QueryValues::bool;
        }
        if (type == LocalDate.class) {
            return QueryValues::date;
        }
        if (type.isEnum()) {
            return v -> constant((Class) type, v);
        }
        return null;
    }

    private static Object number(java.util.function.Supplier<Number> parse) {
        try {
            return parse.get();
        } catch (NumberFormatException e) {
            throw new Malformed(MessageCode.EXPECTED_NUMBER, Map.of(), "must be a whole number");
        }
    }

    private static Object bool(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.valueOf(v);
        }
        throw new Malformed(MessageCode.EXPECTED_BOOLEAN, Map.of(), "must be true or false");
    }

    private static Object date(String v) {
        try {
            if (DATE.matcher(v).matches()) {
                return LocalDate.parse(v);
            }
        } catch (DateTimeParseException e) {
            // an impossible day such as 2024-02-30: refused below like any other malformed date
        }
        throw new Malformed(MessageCode.EXPECTED_DATE, Map.of(), "must be a date as YYYY-MM-DD");
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String v) {
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new Malformed(
                    MessageCode.VALUE_NOT_ALLOWED,
                    Map.of("allowed", allowed),
                    "value not allowed; allowed: " + allowed);
        }
    }

    /** A value that cannot be read as its parameter's type; not an IllegalArgumentException, which JAX-RS would swallow. */
    static final class Malformed extends RuntimeException {

        private final MessageCode code;
        private final Map<String, ?> params;

        Malformed(MessageCode code, Map<String, ?> params, String message) {
            super(message, null, false, false);
            this.code = code;
            this.params = params;
        }

        Problem.FieldError errorOf(String parameter) {
            return new Problem.FieldError(parameter, code, params, getMessage());
        }
    }
}
