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
import java.util.List;

/**
 * One query parameter of an endpoint as its resource class declares it: name, Java type, default and
 * Bean Validation bounds. Read by reflection, so a new parameter appears here by itself.
 */
public record QueryParameter(
        String name, Class<?> type, Type genericType, String defaultValue, Long min, Long max, boolean required) {

    static List<QueryParameter> of(Method method) {
        List<QueryParameter> all = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            if (p.isAnnotationPresent(QueryParam.class)) {
                all.add(of(p, p.getType(), p.getParameterizedType()));
            } else if (p.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (f.isAnnotationPresent(QueryParam.class)) {
                            all.add(of(f, f.getType(), f.getGenericType()));
                        }
                    }
                }
            }
        }
        return all;
    }

    private static QueryParameter of(AnnotatedElement e, Class<?> type, Type generic) {
        DefaultValue d = e.getAnnotation(DefaultValue.class);
        Min min = e.getAnnotation(Min.class);
        Max max = e.getAnnotation(Max.class);
        return new QueryParameter(
                e.getAnnotation(QueryParam.class).value(),
                type,
                generic,
                d == null ? null : d.value(),
                min == null ? null : min.value(),
                max == null ? null : max.value(),
                e.isAnnotationPresent(NotNull.class));
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
