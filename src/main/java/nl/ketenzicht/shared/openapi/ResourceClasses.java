package nl.ketenzicht.shared.openapi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.Path;

import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes the application's JAX-RS root resource classes as CDI discovers them, for the OpenAPI
 * document. Registered in {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class ResourceClasses implements Extension {

    private static final Set<Class<?>> FOUND = ConcurrentHashMap.newKeySet();

    void found(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (isResource(type)) {
            FOUND.add(type);
        }
    }

    /** A concrete class of ours with {@code @Path} on the class itself. */
    static boolean isResource(Class<?> type) {
        return type.getName().startsWith("nl.ketenzicht.") && type.isAnnotationPresent(Path.class)
                && !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    }

    /** The resource classes found so far. */
    public static Set<Class<?>> found() {
        return Set.copyOf(FOUND);
    }
}
