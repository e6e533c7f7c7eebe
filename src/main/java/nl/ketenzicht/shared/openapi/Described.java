package nl.ketenzicht.shared.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import nl.ketenzicht.shared.JsonConfig;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Descriptions and examples written by hand with MicroProfile's {@code @Schema}. */
final class Described {

    private Described() {}

    static void apply(org.eclipse.microprofile.openapi.models.media.Schema schema, AnnotatedElement element) {
        if (element.isAnnotationPresent(PathValues.class)) {
            schema.enumeration(
                    PathValuesOf.paths(element.getAnnotation(PathValues.class).value()));
        }
        Schema annotation = element.getAnnotation(Schema.class);
        if (annotation == null || schema.getRef() != null) {
            return;
        }
        if (!annotation.description().isEmpty()) {
            append(schema, annotation.description());
        }
        if (!annotation.example().isEmpty()) {
            schema.example(example(annotation.example()));
        }
        if (annotation.enumeration().length > 0) {
            schema.enumeration(List.of((Object[]) annotation.enumeration()));
        }
        if (!annotation.pattern().isEmpty()) {
            schema.pattern(annotation.pattern());
        }
        if (annotation.deprecated()) {
            schema.deprecated(true);
        }
    }

    static void append(org.eclipse.microprofile.openapi.models.media.Schema schema, String text) {
        schema.description(schema.getDescription() == null ? text : schema.getDescription() + " " + text);
    }

    /** JSON objects and arrays are given as JSON; anything else is the literal text. */
    static Object example(String text) {
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JsonConfig.MAPPER.readValue(t, Object.class);
            } catch (JsonProcessingException e) {
                return text;
            }
        }
        return text;
    }
}
