package nl.ketenzicht.shared.openapi;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/** Bean Validation constraints of a field or parameter, written into its schema. */
final class Constraints {

    private Constraints() {}

    /** Adds the element's constraints to the schema; answers whether the value is required. */
    static boolean apply(Schema schema, AnnotatedElement element) {
        boolean required = element.isAnnotationPresent(NotNull.class)
                || element.isAnnotationPresent(NotBlank.class)
                || element.isAnnotationPresent(NotEmpty.class);
        if (schema.getRef() != null) {
            return required; // siblings of $ref are ignored by OpenAPI 3.0 readers
        }
        boolean array = schema.getType() == SchemaType.ARRAY;
        if (element.isAnnotationPresent(NotBlank.class) || element.isAnnotationPresent(NotEmpty.class)) {
            length(schema, array, 1, null);
        }
        Size size = element.getAnnotation(Size.class);
        if (size != null) {
            length(
                    schema,
                    array,
                    size.min() > 0 ? size.min() : null,
                    size.max() < Integer.MAX_VALUE ? size.max() : null);
        }
        Pattern pattern = element.getAnnotation(Pattern.class);
        if (pattern != null) {
            schema.pattern(pattern.regexp());
        }
        if (element.isAnnotationPresent(Email.class)) {
            schema.format("email");
        }
        range(schema, element);
        temporal(schema, element);
        return required;
    }

    private static void length(Schema schema, boolean array, Integer min, Integer max) {
        if (array) {
            schema.minItems(min == null ? schema.getMinItems() : min)
                    .maxItems(max == null ? schema.getMaxItems() : max);
        } else {
            schema.minLength(min == null ? schema.getMinLength() : min)
                    .maxLength(max == null ? schema.getMaxLength() : max);
        }
    }

    private static void range(Schema schema, AnnotatedElement element) {
        Min min = element.getAnnotation(Min.class);
        Max max = element.getAnnotation(Max.class);
        DecimalMin dmin = element.getAnnotation(DecimalMin.class);
        DecimalMax dmax = element.getAnnotation(DecimalMax.class);
        if (min != null) {
            schema.minimum(BigDecimal.valueOf(min.value()));
        }
        if (max != null) {
            schema.maximum(BigDecimal.valueOf(max.value()));
        }
        if (dmin != null) {
            schema.minimum(new BigDecimal(dmin.value())).exclusiveMinimum(dmin.inclusive() ? null : true);
        }
        if (dmax != null) {
            schema.maximum(new BigDecimal(dmax.value())).exclusiveMaximum(dmax.inclusive() ? null : true);
        }
        if (element.isAnnotationPresent(Positive.class) || element.isAnnotationPresent(PositiveOrZero.class)) {
            schema.minimum(BigDecimal.ZERO).exclusiveMinimum(element.isAnnotationPresent(Positive.class) ? true : null);
        }
        if (element.isAnnotationPresent(Negative.class) || element.isAnnotationPresent(NegativeOrZero.class)) {
            schema.maximum(BigDecimal.ZERO).exclusiveMaximum(element.isAnnotationPresent(Negative.class) ? true : null);
        }
    }

    private static void temporal(Schema schema, AnnotatedElement element) {
        List<String> notes = new ArrayList<>();
        if (element.isAnnotationPresent(Past.class)) {
            notes.add("Must lie in the past.");
        }
        if (element.isAnnotationPresent(PastOrPresent.class)) {
            notes.add("Must not lie in the future.");
        }
        if (element.isAnnotationPresent(Future.class)) {
            notes.add("Must lie in the future.");
        }
        if (element.isAnnotationPresent(FutureOrPresent.class)) {
            notes.add("Must not lie in the past.");
        }
        if (!notes.isEmpty()) {
            Described.append(schema, String.join(" ", notes));
        }
    }
}
