package nl.ketenzicht.shared.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A path parameter that takes the values of a registry (an enum of {@link Value}s): the document writes
 * one path per value, as for {@code @Schema(enumeration)}, and each operation's summary starts with the
 * value's own words, so one resource method serves several documented paths.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PathValues {

    Class<? extends Value> value();

    /** One value of the registry: its path segment and the words that open its operations' summaries. */
    interface Value {
        String path();

        String summary();
    }
}
