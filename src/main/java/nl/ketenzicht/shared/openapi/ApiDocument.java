package nl.ketenzicht.shared.openapi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The OpenAPI document of a JAX-RS application, read by reflection from its {@code Application}
 * subclass (path, {@code @OpenAPIDefinition}, {@code @SecuritySchemes}) and its resource classes, so
 * that it follows the code. Sub-resource locators are followed to the class they return.
 */
public final class ApiDocument {

    private final Schemas schemas = new Schemas();
    private final Operations operations;
    private final String applicationPath;
    private final Map<String, PathItem> paths = new TreeMap<>();
    private final Map<String, Tag> tags = new TreeMap<>();
    private final Set<String> operationIds = new HashSet<>();

    private ApiDocument(Class<?> application) {
        ApplicationPath path = application.getAnnotation(ApplicationPath.class);
        this.applicationPath = path == null ? "" : path.value();
        this.operations = new Operations(
                schemas,
                Arrays.stream(schemes(application))
                        .map(SecurityScheme::securitySchemeName)
                        .toList());
    }

    /** The document of {@code application} with the given resource classes. */
    public static OpenAPI build(Class<?> application, Collection<Class<?>> resources) {
        ApiDocument document = new ApiDocument(application);
        resources.stream()
                .sorted(Comparator.comparing(Class::getName))
                .forEach(r -> document.resource(r, r, document.applicationPath, new HashSet<>()));
        return document.model(application);
    }

    private void resource(Class<?> root, Class<?> resource, String base, Set<Class<?>> seen) {
        String prefix = resource == root ? join(base, resource.getAnnotation(Path.class)) : base;
        Operations.tags(resource).forEach(t -> tags.putIfAbsent(t.name(), t));
        for (Method method : sorted(resource.getMethods())) {
            String http = httpMethod(method);
            Path path = method.getAnnotation(Path.class);
            if (http == null && path == null || hidden(method)) {
                continue;
            }
            String full = join(prefix, path);
            if (http == null) {
                if (seen.add(method.getReturnType())) {
                    resource(root, method.getReturnType(), full, seen);
                }
                continue;
            }
            Operations.tags(method).forEach(t -> tags.putIfAbsent(t.name(), t));
            String id = operationId(resource, method);
            Parameter fixed = fixedPathParameter(operations.of(resource, method, full));
            if (fixed == null) {
                add(full, http, operations.of(resource, method, full).operationId(id));
                continue;
            }
            for (Object value : fixed.getSchema().getEnumeration()) {
                String concrete = full.replace("{" + fixed.getName() + "}", String.valueOf(value));
                Operation op = operations.of(resource, method, concrete).operationId(id + "_" + value);
                registryValue(method, fixed.getName(), String.valueOf(value))
                        .ifPresent(v -> op.summary(
                                op.getSummary() == null ? v.summary() : v.summary() + " " + op.getSummary()));
                op.getParameters().stream()
                        .filter(p -> p.getName().equals(fixed.getName()))
                        .findFirst()
                        .ifPresent(op::removeParameter);
                add(concrete, http, op);
            }
        }
    }

    /** The registry value of a {@link PathValues} path parameter, whose words open the operation's summary. */
    private static java.util.Optional<PathValues.Value> registryValue(Method method, String name, String path) {
        return Arrays.stream(method.getParameters())
                .filter(p -> p.isAnnotationPresent(PathValues.class)
                        && p.isAnnotationPresent(jakarta.ws.rs.PathParam.class)
                        && p.getAnnotation(jakarta.ws.rs.PathParam.class)
                                .value()
                                .equals(name))
                .findFirst()
                .flatMap(p ->
                        PathValuesOf.value(p.getAnnotation(PathValues.class).value(), path));
    }

    private void add(String path, String http, Operation op) {
        paths.computeIfAbsent(path, p -> OASFactory.createPathItem())
                .setOperation(PathItem.HttpMethod.valueOf(http), op);
    }

    /**
     * A path parameter with a fixed list of values ({@code @Schema(enumeration)}) is written as one path per
     * value, so that a fixed path beside it is never ambiguous ({@code reports/throughput/{interval}} beside
     * {@code reports/{measure}/export.csv}). One such parameter per path; {@link PathValues} gives its values too.
     */
    private static Parameter fixedPathParameter(Operation op) {
        return op.getParameters() == null
                ? null
                : op.getParameters().stream()
                        .filter(p -> p.getIn() == Parameter.In.PATH
                                && p.getSchema() != null
                                && p.getSchema().getEnumeration() != null
                                && !p.getSchema().getEnumeration().isEmpty())
                        .findFirst()
                        .orElse(null);
    }

    private OpenAPI model(Class<?> application) {
        Components components = OASFactory.createComponents();
        new Responses(schemas).register(components);
        schemas.components().forEach(components::addSchema);
        for (SecurityScheme s : schemes(application)) {
            components.addSecurityScheme(s.securitySchemeName(), securityScheme(s));
        }
        OpenAPI model = OASFactory.createOpenAPI()
                .openapi("3.0.3")
                .paths(OASFactory.createPaths())
                .components(components);
        paths.forEach(model.getPaths()::addPathItem);
        OpenAPIDefinition definition = application.getAnnotation(OpenAPIDefinition.class);
        if (definition != null) {
            // The application's tags describe those that the resources name only
            Arrays.stream(definition.tags()).forEach(t -> tags.computeIfPresent(t.name(), (name, used) -> t));
            model.info(info(definition.info()));
            Arrays.stream(definition.servers())
                    .forEach(s -> model.addServer(OASFactory.createServer()
                            .url(s.url())
                            .description(s.description().isEmpty() ? null : s.description())));
        }
        tags.values()
                .forEach(t -> model.addTag(OASFactory.createTag()
                        .name(t.name())
                        .description(t.description().isEmpty() ? null : t.description())));
        return model;
    }

    private static org.eclipse.microprofile.openapi.models.info.Info info(Info info) {
        var model = OASFactory.createInfo()
                .title(info.title())
                .version(info.version())
                .description(info.description().isEmpty() ? null : info.description());
        if (!info.license().name().isEmpty()) {
            model.license(OASFactory.createLicense()
                    .name(info.license().name())
                    .url(info.license().url().isEmpty() ? null : info.license().url()));
        }
        return model;
    }

    private static org.eclipse.microprofile.openapi.models.security.SecurityScheme securityScheme(SecurityScheme s) {
        var scheme = OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.valueOf(
                        s.type().name()))
                .description(s.description().isEmpty() ? null : s.description());
        if (s.type() == SecuritySchemeType.APIKEY) {
            scheme.name(s.apiKeyName())
                    .in(org.eclipse.microprofile.openapi.models.security.SecurityScheme.In.valueOf(s.in().name()));
        } else if (s.type() == SecuritySchemeType.HTTP) {
            scheme.scheme(s.scheme()).bearerFormat(s.bearerFormat().isEmpty() ? null : s.bearerFormat());
        }
        return scheme;
    }

    private static SecurityScheme[] schemes(Class<?> application) {
        return application.getAnnotationsByType(SecurityScheme.class);
    }

    private String operationId(Class<?> resource, Method method) {
        String id = operationIds.contains(method.getName())
                ? resource.getSimpleName() + "_" + method.getName()
                : method.getName();
        operationIds.add(id);
        return id;
    }

    private static boolean hidden(Method method) {
        var doc = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
        return doc != null && doc.hidden() || Modifier.isStatic(method.getModifiers());
    }

    /** The HTTP method of a resource method: GET, POST… or any other {@code @HttpMethod} annotation. */
    static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<Method> sorted(Method[] methods) {
        return Arrays.stream(methods)
                .filter(m -> !m.isBridge() && !m.isSynthetic())
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount))
                .toList();
    }

    /** Joins path segments into {@code /a/b/{id}}, dropping JAX-RS template regular expressions. */
    static String join(String base, Path path) {
        String segment = path == null ? "" : template(path.value());
        String joined = (base + "/" + segment).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code {id: \d+}} becomes {@code {id}}; braces inside the expression are allowed. */
    static String template(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : path.toCharArray()) {
            if (c == '{' && depth++ == 0) {
                skipping = false;
                out.append(c);
            } else if (c == '}' && --depth == 0) {
                out.append(c);
            } else if (depth == 1 && c == ':') {
                skipping = true;
            } else if (depth == 0 || !skipping && !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
