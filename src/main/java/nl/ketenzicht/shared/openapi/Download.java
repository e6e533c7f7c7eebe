package nl.ketenzicht.shared.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The success response of a method that returns a file: 200 with the media type's body, documented as a
 * JSON object (application/json), text (text/*) or bytes (anything else). One line where an
 * {@code @APIResponse} with its content and schema took five.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Download {

    /** The media type, without parameters (e.g. text/csv). */
    String value();

    String description();
}
