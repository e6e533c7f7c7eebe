package nl.ketenzicht.reports;

import java.util.Map;
import java.util.TreeMap;

/**
 * A published count named by its definition, so that the same set of subjects published in two
 * tables, cuts, exports or indicators is one variable of the attack: what is counted (metric), where
 * (NL, PU:unit, CD:district, PO:office, GM:municipality), when (quarter indexes, year × 4 + quarter − 1)
 * and which subjects (dimensions: origin, team, form, age, hearing, channel, marker, reason,
 * institution, careType).
 */
record CellKey(String metric, String region, int from, int to, TreeMap<String, String> dims) {

    CellKey {
        dims = new TreeMap<>(dims);
    }

    CellKey withMetric(String m) {
        return new CellKey(m, region, from, to, dims);
    }

    CellKey withRegion(String r) {
        return new CellKey(metric, r, from, to, dims);
    }

    CellKey withPeriod(int f, int t) {
        return new CellKey(metric, region, f, t, dims);
    }

    CellKey without(String dim) {
        TreeMap<String, String> d = new TreeMap<>(dims);
        d.remove(dim);
        return new CellKey(metric, region, from, to, d);
    }

    String dim(String name) {
        return dims.get(name);
    }

    /** The name of the attack's variable, readable in the report. */
    String name() {
        StringBuilder sb =
                new StringBuilder(metric).append(' ').append(region).append(' ').append(period(from, to));
        for (Map.Entry<String, String> e : dims.entrySet()) {
            sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    static String period(int from, int to) {
        if (from == to) {
            return (from / 4) + "-Q" + (from % 4 + 1);
        }
        if (from % 4 == 0 && to == from + 3) {
            return Integer.toString(from / 4);
        }
        return (from / 4) + "-Q" + (from % 4 + 1) + ".." + (to / 4) + "-Q" + (to % 4 + 1);
    }
}
