package nl.ketenzicht.shared.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters of a message code, in a stable order; values are numbers or plain text. */
public final class Params {

    private Params() {}

    public static Map<String, Object> copy(Map<String, ?> params) {
        if (params == null || params.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, v instanceof Number || v instanceof Boolean ? v : String.valueOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
