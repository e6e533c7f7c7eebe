package nl.ketenzicht.shared.openapi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import nl.ketenzicht.shared.JsonConfig;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Java types as JSON schemas, the way Jackson writes them: scalars and enums inline, collections as
 * arrays, records as components under {@code #/components/schemas} referenced by {@code $ref}. A
 * generic record is one component per type argument ({@code Page<UserView>} → {@code Page_UserView}).
 */
final class Schemas {

    private static final Map<Class<?>, String[]> SCALARS = Map.ofEntries(
            Map.entry(String.class, new String[] {"string", null}),
            Map.entry(char.class, new String[] {"string", null}),
            Map.entry(Character.class, new String[] {"string", null}),
            Map.entry(boolean.class, new String[] {"boolean", null}),
            Map.entry(Boolean.class, new String[] {"boolean", null}),
            Map.entry(int.class, new String[] {"integer", "int32"}),
            Map.entry(Integer.class, new String[] {"integer", "int32"}),
            Map.entry(short.class, new String[] {"integer", "int32"}),
            Map.entry(Short.class, new String[] {"integer", "int32"}),
            Map.entry(byte.class, new String[] {"integer", "int32"}),
            Map.entry(Byte.class, new String[] {"integer", "int32"}),
            Map.entry(long.class, new String[] {"integer", "int64"}),
            Map.entry(Long.class, new String[] {"integer", "int64"}),
            Map.entry(BigInteger.class, new String[] {"integer", null}),
            Map.entry(float.class, new String[] {"number", "float"}),
            Map.entry(Float.class, new String[] {"number", "float"}),
            Map.entry(double.class, new String[] {"number", "double"}),
            Map.entry(Double.class, new String[] {"number", "double"}),
            Map.entry(BigDecimal.class, new String[] {"number", null}),
            Map.entry(LocalDate.class, new String[] {"string", "date"}),
            Map.entry(Instant.class, new String[] {"string", "date-time"}),
            Map.entry(OffsetDateTime.class, new String[] {"string", "date-time"}),
            Map.entry(ZonedDateTime.class, new String[] {"string", "date-time"}),
            Map.entry(LocalDateTime.class, new String[] {"string", "local-date-time"}),
            Map.entry(LocalTime.class, new String[] {"string", "time"}),
            Map.entry(Duration.class, new String[] {"string", "duration"}),
            Map.entry(UUID.class, new String[] {"string", "uuid"}),
            Map.entry(URI.class, new String[] {"string", "uri"}),
            Map.entry(byte[].class, new String[] {"string", "byte"}));

    private final Map<String, Schema> components = new TreeMap<>();
    private final Map<String, String> owners = new HashMap<>();

    Map<String, Schema> components() {
        return components;
    }

    Schema of(Type type) {
        return of(type, Map.of());
    }

    private Schema of(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v) {
            return of(bindings.getOrDefault(v, Object.class), Map.of());
        }
        if (type instanceof WildcardType w) {
            return of(w.getUpperBounds()[0], bindings);
        }
        if (type instanceof GenericArrayType g) {
            return array(of(g.getGenericComponentType(), bindings));
        }
        Type[] args = type instanceof ParameterizedType p ? resolve(p.getActualTypeArguments(), bindings) : new Type[0];
        return of(raw(type), args, bindings);
    }

    private Schema of(Class<?> raw, Type[] args, Map<TypeVariable<?>, Type> bindings) {
        if (raw == Optional.class || CompletionStage.class.isAssignableFrom(raw)) {
            return of(args.length == 1 ? args[0] : Object.class, bindings);
        }
        if (binary(raw)) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("binary");
        }
        String[] scalar = SCALARS.get(raw);
        if (scalar != null) {
            return OASFactory.createSchema()
                    .type(SchemaType.valueOf(scalar[0].toUpperCase()))
                    .format(scalar[1]);
        }
        if (raw.isArray()) {
            return array(of(raw.getComponentType(), bindings));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Schema items = of(args.length == 1 ? args[0] : Object.class, bindings);
            return Set.class.isAssignableFrom(raw) ? array(items).uniqueItems(true) : array(items);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return object().additionalPropertiesSchema(of(args.length == 2 ? args[1] : Object.class, bindings));
        }
        if (raw.isEnum()) {
            return OASFactory.createSchema()
                    .type(SchemaType.STRING)
                    .enumeration(Arrays.stream(raw.getEnumConstants())
                            .map(c -> (Object) ((Enum<?>) c).name())
                            .toList());
        }
        return raw.isRecord() ? ref(raw, args) : object();
    }

    /** Streams and files travel as bytes, not as JSON. */
    static boolean binary(Class<?> type) {
        return java.io.InputStream.class.isAssignableFrom(type)
                || jakarta.ws.rs.core.StreamingOutput.class.isAssignableFrom(type)
                || java.io.File.class == type;
    }

    private Schema ref(Class<?> record, Type[] args) {
        String key = record.getName()
                + Arrays.toString(Arrays.stream(args).map(Type::getTypeName).toArray());
        String name = nameFor(record, args, key);
        if (!components.containsKey(name)) {
            Schema schema = object();
            components.put(name, schema);
            fill(schema, record, bind(record, args));
        }
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private void fill(Schema schema, Class<?> record, Map<TypeVariable<?>, Type> bindings) {
        for (RecordComponent rc : record.getRecordComponents()) {
            AnnotatedElement field = field(record, rc.getName());
            if (field.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            JsonProperty renamed = field.getAnnotation(JsonProperty.class);
            String name = renamed == null || renamed.value().isEmpty() ? rc.getName() : renamed.value();
            Schema property = of(rc.getGenericType(), bindings);
            if (Constraints.apply(property, field)) {
                schema.addRequired(name);
            }
            Described.apply(property, field);
            schema.addProperty(name, property);
        }
        if (schema.getRequired() != null) {
            schema.setRequired(schema.getRequired().stream().sorted().toList()); // as Payara's model writes them
        }
        Described.apply(schema, record);
        example(record).ifPresent(schema::example);
    }

    /** A record's {@code public static final EXAMPLE} instance, as plain JSON values. */
    static Optional<Object> example(Class<?> record) {
        try {
            Field f = record.getDeclaredField("EXAMPLE");
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == record && f.trySetAccessible()) {
                return Optional.of(withoutNulls(JsonConfig.MAPPER.convertValue(f.get(null), Object.class)));
            }
        } catch (NoSuchFieldException | IllegalAccessException | IllegalArgumentException e) {
            // no usable example
        }
        return Optional.empty();
    }

    /** An absent field is left out, as a client sends it: a null would not match a non-nullable schema. */
    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> kept = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    kept.put(k, withoutNulls(v));
                }
            });
            return kept;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Schemas::withoutNulls).toList();
        }
        return value;
    }

    private String nameFor(Class<?> record, Type[] args, String key) {
        StringBuilder name = new StringBuilder(
                record.getName().substring(record.getPackageName().length() + 1).replace('$', '.'));
        for (Type arg : args) {
            name.append('_').append(raw(arg).getSimpleName());
        }
        String existing = owners.putIfAbsent(name.toString(), key);
        if (existing == null || existing.equals(key)) {
            return name.toString();
        }
        String qualified = key.replace('$', '.').replaceAll("[^A-Za-z0-9._-]", "_");
        owners.putIfAbsent(qualified, key);
        return qualified;
    }

    private static Map<TypeVariable<?>, Type> bind(Class<?> raw, Type[] args) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        TypeVariable<?>[] vars = raw.getTypeParameters();
        for (int i = 0; i < vars.length && i < args.length; i++) {
            bindings.put(vars[i], args[i]);
        }
        return bindings;
    }

    private static Type[] resolve(Type[] args, Map<TypeVariable<?>, Type> bindings) {
        return Arrays.stream(args)
                .map(a -> a instanceof TypeVariable<?> v ? bindings.getOrDefault(v, Object.class) : a)
                .toArray(Type[]::new);
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0)
                    .getClass();
        }
        return Object.class;
    }

    private static AnnotatedElement field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("record component without field: " + record.getName() + "." + name, e);
        }
    }

    private static Schema array(Schema items) {
        return OASFactory.createSchema().type(SchemaType.ARRAY).items(items);
    }

    private static Schema object() {
        return OASFactory.createSchema().type(SchemaType.OBJECT);
    }
}
