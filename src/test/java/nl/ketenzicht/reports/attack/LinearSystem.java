package nl.ketenzicht.reports.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker's system over the true counts: one variable per distinct published quantity (named
 * by its definition, so that the same set of subjects published twice is one variable), its range
 * from what was published, and linear relations with coefficients ±1 (margins, period and level
 * sums, subsets). Variables are non-negative integers.
 */
public final class LinearSystem {

    /** Σ coef·x (= or ≤) rhs; the route names where the relation comes from, for the report. */
    public record Relation(int[] vars, int[] coef, boolean equality, long rhs, String route) {}

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<long[]> bounds = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    final List<Relation> relations = new ArrayList<>();

    /** The variable of a name, created with range [0, +inf) on first use. */
    public int variable(String name) {
        return index.computeIfAbsent(name, n -> {
            names.add(n);
            bounds.add(new long[] {0, CellReading.INF});
            sources.add("");
            return names.size() - 1;
        });
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    /** Narrows a variable to what one publication says; an empty intersection means the publications disagree. */
    public void publish(String name, long[] range, String where) {
        long[] b = bounds.get(variable(name));
        if (range[0] > b[0] || range[1] < b[1]) {
            sources.set(
                    index.get(name),
                    sources.get(index.get(name)).isEmpty() ? where : sources.get(index.get(name)) + ", " + where);
        }
        b[0] = Math.max(b[0], range[0]);
        b[1] = Math.min(b[1], range[1]);
        if (b[0] > b[1]) {
            throw new IllegalStateException("publications of " + name + " disagree: " + where);
        }
    }

    /** total = Σ parts. */
    public void sum(String route, String total, List<String> parts) {
        int[] vars = new int[parts.size() + 1];
        int[] coef = new int[parts.size() + 1];
        vars[0] = variable(total);
        coef[0] = 1;
        for (int i = 0; i < parts.size(); i++) {
            vars[i + 1] = variable(parts.get(i));
            coef[i + 1] = -1;
        }
        relations.add(new Relation(vars, coef, true, 0, route));
    }

    /** sub ≤ sup: every subject counted in sub is counted in sup. */
    public void subset(String route, String sub, String sup) {
        relations.add(new Relation(new int[] {variable(sub), variable(sup)}, new int[] {1, -1}, false, 0, route));
    }

    public int size() {
        return names.size();
    }

    public List<Relation> relations() {
        return relations;
    }

    public String name(int v) {
        return names.get(v);
    }

    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no variable " + name);
        }
        return i;
    }

    public List<String> names() {
        return names;
    }

    long[] bounds(int v) {
        return bounds.get(v);
    }

    String source(int v) {
        return sources.get(v);
    }

    /** The relations that do not hold for these values: a wrong relation would make the attack unsound. */
    public List<String> violatedBy(Map<String, Long> truth) {
        List<String> violated = new ArrayList<>();
        for (Relation r : relations) {
            long s = 0;
            boolean known = true;
            for (int i = 0; i < r.vars().length; i++) {
                Long t = truth.get(names.get(r.vars()[i]));
                if (t == null) {
                    known = false;
                    break;
                }
                s += r.coef()[i] * t;
            }
            if (known && (r.equality() ? s != r.rhs() : s > r.rhs())) {
                violated.add(r.route() + " " + describe(r));
            }
        }
        return violated;
    }

    String describe(Relation r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.vars().length; i++) {
            sb.append(r.coef()[i] > 0 ? (i == 0 ? "" : " + ") : " - ").append(names.get(r.vars()[i]));
        }
        return sb.append(r.equality() ? " = " : " <= ").append(r.rhs()).toString();
    }
}
