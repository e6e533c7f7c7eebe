package nl.ketenzicht.shared.openapi;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.tags.Tags;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.Parameter.In;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/** One resource method as an OpenAPI operation: parameters, request body, responses, roles and tags. */
final class Operations {

    /** Parameters whose meaning is the same wherever they are taken; a parameter's own description wins. */
    private static final Map<String, String> CONVENTIONS = Map.of(
            "offset",
            "How many rows of the sorted result to skip: a page starts there.",
            "limit",
            "How many rows one page holds at most.",
            "If-Match",
            "The ETag of the version that the change starts from, as the last read or save answered it (e.g. \"3\"). "
                    + "412 when someone saved in between, 428 without it.",
            "Idempotency-Key",
            "Optional: a key of your choosing (up to 100 letters, digits and . _ : -). A retry with the same "
                    + "key and body answers the first result instead of creating twice; the same key with another body is a 422.");

    private final Schemas schemas;
    private final Responses responses;
    private final List<String> securitySchemes;

    Operations(Schemas schemas, List<String> securitySchemes) {
        this.schemas = schemas;
        this.responses = new Responses(schemas);
        this.securitySchemes = securitySchemes;
    }

    Operation of(Class<?> resource, Method method, String path) {
        Operation op = OASFactory.createOperation();
        var doc = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
        if (doc != null) {
            op.summary(doc.summary().isEmpty() ? null : doc.summary())
                    .description(doc.description().isEmpty() ? null : doc.description());
        }
        tagNames(resource, method).forEach(op::addTag);
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            parameter(op, method, resource, p);
        }
        QueryParameters query = method.getAnnotation(QueryParameters.class);
        if (query != null) {
            Stream.of(query.value()).forEach(bean -> beanParameters(op, bean));
        }
        security(op, resource, method);
        op.responses(responses.of(resource, method, op, path));
        return op;
    }

    static List<Tag> tags(AnnotatedElement... elements) {
        List<Tag> tags = new ArrayList<>();
        for (AnnotatedElement e : elements) {
            Tags many = e.getAnnotation(Tags.class);
            Stream.concat(
                            Stream.ofNullable(e.getAnnotation(Tag.class)),
                            many == null ? Stream.empty() : Stream.of(many.value()))
                    .filter(t -> !t.name().isEmpty()
                            && tags.stream().noneMatch(o -> o.name().equals(t.name())))
                    .forEach(tags::add);
        }
        return tags;
    }

    private static Stream<String> tagNames(Class<?> resource, Method method) {
        return tags(resource, method).stream().map(Tag::name);
    }

    private void parameter(Operation op, Method method, Class<?> resource, java.lang.reflect.Parameter p) {
        if (p.isAnnotationPresent(Context.class) || p.isAnnotationPresent(Suspended.class)) {
            return;
        }
        if (p.isAnnotationPresent(BeanParam.class)) {
            beanParameters(op, p.getType());
        } else if (p.isAnnotationPresent(FormParam.class)) {
            formField(op, method, resource, p);
        } else if (!addParameter(op, p, p.getParameterizedType())) {
            op.requestBody(body(p, consumes(method, resource, MediaType.APPLICATION_JSON)));
        }
    }

    /** Adds a path, query, header or cookie parameter; false when the element is none of these. */
    private boolean addParameter(Operation op, AnnotatedElement element, Type type) {
        Map.Entry<In, String> location = location(element);
        if (location == null) {
            return element.isAnnotationPresent(MatrixParam.class);
        }
        Schema schema = schemas.of(type);
        boolean required = Constraints.apply(schema, element) || location.getKey() == In.PATH;
        DefaultValue defaultValue = element.getAnnotation(DefaultValue.class);
        if (defaultValue != null) {
            schema.defaultValue(typed(schema, defaultValue.value()));
        }
        if (op.getParameters() != null
                && op.getParameters().stream()
                        .anyMatch(p ->
                                p.getIn() == location.getKey() && p.getName().equals(location.getValue()))) {
            return true; // declared already: the method's own parameter wins over a documented query bean
        }
        Described.apply(schema, element);
        Parameter parameter = OASFactory.createParameter()
                .name(location.getValue())
                .in(location.getKey())
                .required(required)
                .schema(schema)
                .description(CONVENTIONS.get(location.getValue()));
        var doc = element.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class);
        if (doc != null && !doc.description().isEmpty()) {
            parameter.description(doc.description());
        }
        if (doc != null && !doc.example().isEmpty()) {
            parameter.example(typed(schema, doc.example()));
        }
        op.addParameter(parameter);
        return true;
    }

    private static Map.Entry<In, String> location(AnnotatedElement element) {
        if (element.isAnnotationPresent(PathParam.class)) {
            return Map.entry(In.PATH, element.getAnnotation(PathParam.class).value());
        } else if (element.isAnnotationPresent(QueryParam.class)) {
            return Map.entry(In.QUERY, element.getAnnotation(QueryParam.class).value());
        } else if (element.isAnnotationPresent(HeaderParam.class)) {
            return Map.entry(In.HEADER, element.getAnnotation(HeaderParam.class).value());
        } else if (element.isAnnotationPresent(CookieParam.class)) {
            return Map.entry(In.COOKIE, element.getAnnotation(CookieParam.class).value());
        }
        return null;
    }

    /** The fields of a bean, superclass first; a subclass's field takes the place of one of the same parameter name. */
    private void beanParameters(Operation op, Class<?> bean) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                Map.Entry<In, String> location = location(f);
                fields.put(
                        location == null
                                ? c.getName() + "#" + f.getName()
                                : location.getKey() + " " + location.getValue(),
                        f);
            }
        }
        fields.values().forEach(f -> addParameter(op, f, f.getGenericType()));
    }

    private void formField(Operation op, Method method, Class<?> resource, java.lang.reflect.Parameter p) {
        if (op.getRequestBody() == null) {
            Schema form = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
            op.requestBody(OASFactory.createRequestBody()
                    .required(true)
                    .content(content(consumes(method, resource, MediaType.APPLICATION_FORM_URLENCODED), form)));
        }
        Schema form = op.getRequestBody()
                .getContent()
                .getMediaTypes()
                .values()
                .iterator()
                .next()
                .getSchema();
        String name = p.getAnnotation(FormParam.class).value();
        Schema field = schemas.of(p.getParameterizedType());
        if (Constraints.apply(field, p)) {
            form.addRequired(name);
        }
        form.addProperty(name, field);
    }

    /** A body with an example for every media type: the schema's own, else the record's {@code EXAMPLE}. */
    private RequestBody body(java.lang.reflect.Parameter p, List<String> mediaTypes) {
        Schema schema = schemas.of(p.getParameterizedType());
        boolean required = Constraints.apply(schema, p);
        Described.apply(schema, p);
        Object example = schema.getExample() != null
                ? schema.getExample()
                : Schemas.example(p.getType()).orElse(null);
        Content content = content(mediaTypes, schema);
        content.getMediaTypes().values().forEach(m -> m.example(example));
        return OASFactory.createRequestBody().required(required).content(content);
    }

    private void security(Operation op, Class<?> resource, Method method) {
        AnnotatedElement source = declaresAccess(method) ? method : resource;
        if (source.isAnnotationPresent(PermitAll.class)) {
            // One empty requirement: no credentials needed. (An empty list says the same, but servers drop it.)
            op.security(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
            Responses.describe(op, "Open to everyone: no login needed.");
        } else if (source.isAnnotationPresent(DenyAll.class)) {
            Responses.describe(op, "Denied to every caller.");
        } else if (source.isAnnotationPresent(RolesAllowed.class)) {
            RolesAllowed roles = source.getAnnotation(RolesAllowed.class);
            for (String scheme : securitySchemes) {
                SecurityRequirement requirement =
                        OASFactory.createSecurityRequirement().addScheme(scheme);
                op.addSecurityRequirement(requirement);
            }
            Responses.describe(op, "Roles: " + String.join(", ", roles.value()));
        }
    }

    static boolean declaresAccess(AnnotatedElement e) {
        return e.isAnnotationPresent(PermitAll.class)
                || e.isAnnotationPresent(DenyAll.class)
                || e.isAnnotationPresent(RolesAllowed.class);
    }

    static List<String> consumes(Method method, Class<?> resource, String fallback) {
        Consumes c = method.isAnnotationPresent(Consumes.class)
                ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return c == null ? List.of(fallback) : split(c.value());
    }

    static List<String> split(String[] values) {
        return Stream.of(values)
                .flatMap(v -> Stream.of(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    static Content content(List<String> mediaTypes, Schema schema) {
        Content content = OASFactory.createContent();
        mediaTypes.forEach(
                m -> content.addMediaType(m, OASFactory.createMediaType().schema(schema)));
        return content;
    }

    private static Object typed(Schema schema, String value) {
        try {
            return switch (schema.getType() == null ? Schema.SchemaType.STRING : schema.getType()) {
                case INTEGER -> Long.valueOf(value);
                case NUMBER -> new BigDecimal(value);
                case BOOLEAN -> Boolean.valueOf(value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
