package nl.ketenzicht.shared.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Query parameters that a resource method reads itself (from {@code UriInfo}, so that it can refuse
 * names it does not know), declared for the OpenAPI document by the fields of the given classes.
 * The fields are annotated as in a {@code @BeanParam} class: {@code @QueryParam}, Bean Validation
 * constraints, {@code @Parameter} and {@code @Schema}. A field of a subclass hides a field of the
 * same parameter name in its superclass.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QueryParameters {

    Class<?>[] value();
}
