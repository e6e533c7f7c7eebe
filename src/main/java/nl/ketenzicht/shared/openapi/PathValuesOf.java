package nl.ketenzicht.shared.openapi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The values of a {@link PathValues} registry. */
final class PathValuesOf {

    private PathValuesOf() {}

    static List<Object> paths(Class<? extends PathValues.Value> registry) {
        return values(registry).stream().map(v -> (Object) v.path()).toList();
    }

    static Optional<PathValues.Value> value(Class<? extends PathValues.Value> registry, String path) {
        return values(registry).stream().filter(v -> v.path().equals(path)).findFirst();
    }

    private static List<PathValues.Value> values(Class<? extends PathValues.Value> registry) {
        PathValues.Value[] constants = registry.getEnumConstants();
        if (constants == null) {
            throw new IllegalArgumentException(registry + " is not an enum");
        }
        return Arrays.asList(constants);
    }
}
