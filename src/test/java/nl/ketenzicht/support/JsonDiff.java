package nl.ketenzicht.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Where two JSON trees differ, as JSON pointers, for a failure message that says where to look. */
public final class JsonDiff {

    private JsonDiff() {}

    /** The first {@code max} differences; empty when the trees are equal. */
    public static List<String> of(JsonNode expected, JsonNode actual, int max) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, out);
        return out.stream().limit(max).toList();
    }

    private static void walk(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name) || !actual.has(name)) {
                    out.add(pointer + (expected.has(name) ? " missing" : " unexpected"));
                } else {
                    walk(pointer, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                walk(at + "/" + i++, e, a.next(), out);
            }
        } else {
            out.add(at + ": expected " + abbreviate(expected) + " but was " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
