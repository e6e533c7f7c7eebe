package nl.ketenzicht.support;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.ketenzicht.shared.KetenzichtApplication;

/**
 * Every endpoint of the application as the code declares it: HTTP method, full path template (with
 * the application path, {@code /api/admin/users/{id}}) and who may call it. Read by reflection from
 * the compiled main classes (target/classes), without a container. Used by the security tests (every
 * endpoint declares its roles; the role × endpoint matrix has a row for each) and by the OpenAPI check.
 */
public final class ResourceModel {

    /** How an endpoint declares its callers: method annotation first, else its class's. */
    public enum Access {
        ROLES,
        PERMIT_ALL,
        DENY_ALL,
        UNDECLARED
    }

    /** One HTTP endpoint, or (with {@code httpMethod} null) a sub-resource locator. */
    public record Endpoint(
            String httpMethod, String path, Access access, Set<String> roles, Class<?> resource, Method method) {

        /** "POST /api/auth/login". */
        public String key() {
            return httpMethod + " " + path;
        }

        /** "AuthResource.login", for messages. */
        public String javaName() {
            return resource.getSimpleName() + "." + method.getName();
        }

        public boolean locator() {
            return httpMethod == null;
        }

        /** The query parameters, those of a {@code @BeanParam} included, in declaration order. */
        public List<QueryParameter> queryParameters() {
            return QueryParameter.of(method);
        }

        @Override
        public String toString() {
            return (locator() ? "locator " + path : key()) + " (" + javaName() + ")";
        }
    }

    private final List<Class<?>> resources;
    private final List<Endpoint> all = new ArrayList<>();

    private ResourceModel(String applicationPath, List<Class<?>> resources) {
        this.resources = resources;
        for (Class<?> resource : resources) {
            walk(
                    resource,
                    join(applicationPath, resource.getAnnotation(Path.class).value()),
                    new HashSet<>());
        }
        all.sort(Comparator.comparing(Endpoint::path).thenComparing(e -> String.valueOf(e.httpMethod())));
    }

    /** The application's model: every root resource class under nl.ketenzicht in target/classes. */
    public static ResourceModel application() {
        ApplicationPath path = KetenzichtApplication.class.getAnnotation(ApplicationPath.class);
        return new ResourceModel(path.value(), scan(KetenzichtApplication.class));
    }

    /** A model of the given classes, for tests of the model itself. */
    public static ResourceModel of(String applicationPath, Class<?>... resources) {
        return new ResourceModel(applicationPath, List.of(resources));
    }

    public List<Class<?>> resourceClasses() {
        return resources;
    }

    /** The HTTP endpoints, sorted by path. */
    public List<Endpoint> endpoints() {
        return all.stream().filter(e -> !e.locator()).toList();
    }

    /** The sub-resource locators; their sub-resources' endpoints are in {@link #endpoints()}. */
    public List<Endpoint> locators() {
        return all.stream().filter(Endpoint::locator).toList();
    }

    private void walk(Class<?> resource, String prefix, Set<Class<?>> seen) {
        for (Method m : resource.getMethods()) {
            String http = httpMethod(m);
            Path path = m.getAnnotation(Path.class);
            if (m.isBridge() || m.isSynthetic() || http == null && path == null) {
                continue;
            }
            String full = path == null ? prefix : join(prefix, path.value());
            AnnotatedElement declaring = declaresAccess(m) ? m : resource;
            all.add(new Endpoint(http, full, access(declaring), roles(declaring), resource, m));
            if (http == null && seen.add(m.getReturnType())) {
                walk(m.getReturnType(), full, seen);
            }
        }
    }

    private static String httpMethod(Method m) {
        return Arrays.stream(m.getAnnotations())
                .map(Annotation::annotationType)
                .map(t -> t.getAnnotation(HttpMethod.class))
                .filter(h -> h != null)
                .map(HttpMethod::value)
                .findFirst()
                .orElse(null);
    }

    private static boolean declaresAccess(AnnotatedElement e) {
        return e.isAnnotationPresent(RolesAllowed.class)
                || e.isAnnotationPresent(PermitAll.class)
                || e.isAnnotationPresent(DenyAll.class);
    }

    private static Access access(AnnotatedElement e) {
        if (e.isAnnotationPresent(DenyAll.class)) {
            return Access.DENY_ALL;
        }
        if (e.isAnnotationPresent(PermitAll.class)) {
            return Access.PERMIT_ALL;
        }
        return e.isAnnotationPresent(RolesAllowed.class) ? Access.ROLES : Access.UNDECLARED;
    }

    private static Set<String> roles(AnnotatedElement e) {
        RolesAllowed r = e.getAnnotation(RolesAllowed.class);
        return r == null ? Set.of() : Set.of(r.value());
    }

    /** "/api" + "admin/" + "users/{id: \\d+}" → "/api/admin/users/{id}". */
    static String join(String base, String segment) {
        String joined =
                (base + "/" + segment.replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^/]*)?}", "{$1}")).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** Concrete classes with {@code @Path} under nl.ketenzicht, in the classes folder holding {@code anchor}. */
    private static List<Class<?>> scan(Class<?> anchor) {
        try {
            java.nio.file.Path root = Paths.get(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("nl/ketenzicht"))) {
                return files.map(f -> root.relativize(f).toString())
                        .filter(f -> f.endsWith(".class"))
                        .map(f ->
                                f.substring(0, f.length() - 6).replace('/', '.').replace('\\', '.'))
                        .sorted()
                        .map(ResourceModel::load)
                        .filter(c -> c.isAnnotationPresent(Path.class)
                                && !c.isInterface()
                                && !Modifier.isAbstract(c.getModifiers()))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceModel.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
