package nl.ketenzicht.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.openapi.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One query parameter of an endpoint as its resource class declares it: name, Java type, default and
 * Bean Validation bounds. Read by reflection, so a new parameter appears here by itself.
 */
public record QueryParameter(
        String name,
        Class<?> type,
        Type genericType,
        String defaultValue,
        Long min,
        Long max,
        boolean required,
        String pattern) {

    private static final String YEAR_PATTERN = "\\d{4}";
    private static final String QUARTER_PATTERN = "\\d{4}-Q[1-4]";

    static List<QueryParameter> of(Method method) {
        List<QueryParameter> all = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            if (p.isAnnotationPresent(QueryParam.class)) {
                all.add(of(p, p.getType(), p.getParameterizedType()));
            } else if (p.isAnnotationPresent(BeanParam.class)) {
                all.addAll(fields(p.getType()));
            }
        }
        // Parameters the method reads itself (the reports), declared for the document by field classes.
        QueryParameters declared = method.getAnnotation(QueryParameters.class);
        for (Class<?> c : declared == null ? new Class<?>[0] : declared.value()) {
            all.addAll(fields(c));
        }
        return all;
    }

    /** The {@code @QueryParam} fields of a class and its superclasses; a subclass's field hides one of its name. */
    private static List<QueryParameter> fields(Class<?> type) {
        Map<String, QueryParameter> byName = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(QueryParam.class)) {
                    byName.putIfAbsent(
                            f.getAnnotation(QueryParam.class).value(), of(f, f.getType(), f.getGenericType()));
                }
            }
        }
        return List.copyOf(byName.values());
    }

    private static QueryParameter of(AnnotatedElement e, Class<?> type, Type generic) {
        DefaultValue d = e.getAnnotation(DefaultValue.class);
        Min min = e.getAnnotation(Min.class);
        Max max = e.getAnnotation(Max.class);
        Schema schema = e.getAnnotation(Schema.class);
        return new QueryParameter(
                e.getAnnotation(QueryParam.class).value(),
                type,
                generic,
                d == null ? null : d.value(),
                min == null ? null : min.value(),
                max == null ? null : max.value(),
                e.isAnnotationPresent(NotNull.class),
                schema == null || schema.pattern().isEmpty() ? null : schema.pattern());
    }

    public boolean isNumber() {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    public boolean isDate() {
        return type == java.time.LocalDate.class;
    }

    /** A lower bound of a date range ({@code from}, {@code openedFrom}), or else an upper one ({@code to}, {@code openedTo}). */
    public boolean isLowerBound() {
        return name.equals("from") || name.endsWith("From");
    }

    public boolean isUpperBound() {
        return name.equals("to") || name.endsWith("To");
    }

    /**
     * Whether the parameter takes a year: a number named year or ...Year or bounded by the supported years
     * (the indicators' from and to), or text whose documented pattern is a year or a quarter (the reports
     * read theirs as text).
     */
    public boolean takesYear() {
        boolean yearBounds =
                Long.valueOf(Years.MIN).equals(min) || Long.valueOf(Years.MAX).equals(max);
        return isNumber() && (name.equals("year") || name.endsWith("Year") || yearBounds)
                || type == String.class && (YEAR_PATTERN.equals(pattern) || isQuarter());
    }

    public boolean isQuarter() {
        return type == String.class && QUARTER_PATTERN.equals(pattern);
    }

    /** A value the parameter accepts, for the required parameters of a request that tests another one. */
    public String validValue() {
        if (isNumber()) {
            return String.valueOf(min != null ? min : max != null ? Math.min(max, 1) : 1);
        }
        if (isDate()) {
            return "2024-01-01";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        return type == boolean.class || type == Boolean.class ? "true" : null;
    }

    /**
     * Values the parameter must refuse with a 400 that names it: by type (not a number, too large for
     * the type, not a date, an impossible day, not one of the constants, not true/false) and by its
     * declared bounds. Free text and lists have no malformed value; their endpoints check them themselves.
     */
    public List<String> invalidValues() {
        List<String> values = new ArrayList<>();
        if (isNumber()) {
            values.addAll(List.of("abc", "1.5", "0x10", "99999999999999999999"));
            if (type == int.class || type == Integer.class) {
                values.add("2147483648");
            }
            if (min != null) {
                values.add(String.valueOf(min - 1));
            }
            if (max != null) {
                values.add(String.valueOf(max + 1));
                if (max < 1_000_000_000L) {
                    values.add("1000000000"); // far beyond: no range check may overflow
                }
            }
        } else if (isDate()) {
            values.addAll(List.of("not-a-date", "2024-02-30", "2024-13-01", "01-03-2024", "+12024-01-01"));
        } else if (type.isEnum()) {
            values.addAll(List.of("NOT_A_CONSTANT", "abc"));
        } else if (type == boolean.class || type == Boolean.class) {
            values.add("maybe");
        }
        return values;
    }

    /** Whether {@link #invalidValues()} knows this type at all; String and List parameters are free. */
    public boolean typeKnown() {
        return isNumber()
                || isDate()
                || type.isEnum()
                || type == boolean.class
                || type == Boolean.class
                || type == String.class
                || type == List.class;
    }
}
