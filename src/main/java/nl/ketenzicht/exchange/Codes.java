package nl.ketenzicht.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one column numbered as first seen (0, 1, ...), at most 2^bits of them, so that a record's
 * columns pack into one long. The numbers depend on the reading order; whatever is written or compared
 * goes by {@link #ranks() the values' text order}, so the output does not.
 */
final class Codes {

    final int bits;
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    Codes(int bits) {
        this.bits = bits;
    }

    int code(String value) {
        Integer c = codes.get(value);
        if (c != null) {
            return c;
        }
        if (values.size() == 1 << bits) {
            throw new IllegalStateException(
                    "more than " + (1 << bits) + " values in one column (" + values + "); widen its bits");
        }
        codes.put(value, values.size());
        values.add(value);
        return values.size() - 1;
    }

    /** The code of a value seen before, or -1. */
    int known(String value) {
        return codes.getOrDefault(value, -1);
    }

    String value(int code) {
        return values.get(code);
    }

    int size() {
        return values.size();
    }

    /** Per code, the rank of its value in text order. */
    int[] ranks() {
        Integer[] order = new Integer[values.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> values.get(a).compareTo(values.get(b)));
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }
}
