package nl.ketenzicht.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies in one line: {@code Json.of("origin", "AMBTSHALVE", "network", true)}. */
public final class Json {

    private Json() {}

    public static Map<String, Object> of(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.putAll(of(keyValues));
        return map;
    }

    public static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.remove(key);
        return map;
    }
}
