package nl.ketenzicht.shared.problem;

import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * The request names of a resource method's parameters, for naming a Bean Validation failure as the
 * client wrote it ({@code limit}, not {@code arg2}). Looks up the class hierarchy, as the validated
 * instance may be a container's subclass whose overriding methods carry no annotations.
 */
final class RequestParameters {

    private RequestParameters() {}

    static Method method(Class<?> type, Path.MethodNode node) {
        List<Class<?>> types = node.getParameterTypes();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(node.getName())
                        && Arrays.asList(m.getParameterTypes()).equals(types)
                        && Arrays.stream(m.getParameterAnnotations()).anyMatch(a -> a.length > 0)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The parameter's name in the request, or null for a body or a {@code @BeanParam}. */
    static String name(Method method, int index) {
        if (method == null || index >= method.getParameterCount()) {
            return null;
        }
        for (Annotation a : method.getParameterAnnotations()[index]) {
            String name = nameOf(a);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /** The type of a {@code @BeanParam} parameter, whose fields are named by their own annotations. */
    static Class<?> beanParam(Method method, int index) {
        if (method == null || index >= method.getParameterCount()) {
            return null;
        }
        boolean bean = Arrays.stream(method.getParameterAnnotations()[index]).anyMatch(BeanParam.class::isInstance);
        return bean ? method.getParameterTypes()[index] : null;
    }

    static String fieldName(Class<?> bean, String field) {
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                for (Annotation a : f.getAnnotations()) {
                    String name = nameOf(a);
                    if (name != null) {
                        return name;
                    }
                }
                return null;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        return null;
    }

    private static String nameOf(Annotation a) {
        if (a instanceof QueryParam q) {
            return q.value();
        }
        if (a instanceof PathParam p) {
            return p.value();
        }
        if (a instanceof HeaderParam h) {
            return h.value();
        }
        if (a instanceof MatrixParam m) {
            return m.value();
        }
        if (a instanceof CookieParam c) {
            return c.value();
        }
        return a instanceof FormParam f ? f.value() : null;
    }
}
