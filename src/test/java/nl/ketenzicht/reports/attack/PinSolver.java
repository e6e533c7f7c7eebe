package nl.ketenzicht.reports.attack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.reports.attack.LinearSystem.Relation;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Finds the cells an attacker pins: first interval propagation over every relation (differencing,
 * done to a fixed point: cheap and over the whole system), then, for each target cell still open,
 * its minimum and maximum over the open variables around it (its connected component of the
 * relation graph, cut to {@code maxLocal} variables by breadth-first search): by LP, and by integer
 * LP where the LP leaves only a few values.
 * Dropping relations that reach outside the local set only widens the range, so every pin found is
 * a real pin; a pin needing more than the local set may be missed.
 */
public final class PinSolver {

    /** Unbounded variables get this upper bound in the integer LP (a maximum this high is no pin). */
    private static final long CAP = 1_000_000;
    /**
     * The integer LP runs where the LP relaxation leaves at most this many values beyond one (two
     * values): integrality closes a wider relaxed range rarely in tables of counts with ±1
     * coefficients, and the integer LP costs far more than the LP.
     */
    private static final long INTEGER_WIDTH = 1;

    public record Pin(String variable, long value, String route) {}

    /** Figures for the report: sizes, targets, pins, and how many integer LPs ran. */
    public record Outcome(
            int variables,
            int relations,
            int targets,
            List<Pin> pins,
            int byPropagation,
            int integerPrograms,
            int largestLocal,
            int undecided) {}

    private final LinearSystem s;
    private final long[] lo;
    private final long[] hi;
    private final String[] why;
    private final int maxLocal;

    public PinSolver(LinearSystem s, int maxLocal) {
        this.s = s;
        this.maxLocal = maxLocal;
        lo = new long[s.size()];
        hi = new long[s.size()];
        why = new String[s.size()];
        for (int v = 0; v < s.size(); v++) {
            lo[v] = s.bounds(v)[0];
            hi[v] = s.bounds(v)[1];
            why[v] = s.source(v);
        }
    }

    /** Attacks every target (variable name → true value) and returns the pins: min = max = the true value. */
    public Outcome attack(Map<String, Long> targets) {
        return attack(targets, Long.MAX_VALUE);
    }

    /** As {@link #attack(Map)}, but leaves the targets undecided that are left when the time (ms) runs out. */
    public Outcome attack(Map<String, Long> targets, long budgetMillis) {
        long deadline = System.currentTimeMillis() + budgetMillis;
        int undecided = 0;
        propagate();
        List<Pin> pins = new ArrayList<>();
        int byPropagation = 0;
        int programs = 0;
        int largest = 0;
        Map<Integer, List<Relation>> touching = touching();
        for (Map.Entry<String, Long> t : targets.entrySet()) {
            int v = s.indexOf(t.getKey());
            long truth = t.getValue();
            if (lo[v] == hi[v]) {
                if (lo[v] == truth) {
                    pins.add(new Pin(t.getKey(), truth, "differencing via " + why[v]));
                    byPropagation++;
                }
                continue;
            }
            if (System.currentTimeMillis() > deadline) {
                undecided++;
                continue;
            }
            Set<Integer> local = local(v, touching);
            largest = Math.max(largest, local.size());
            long[] relaxed = range(v, local, touching, false, truth);
            long[] range = relaxed;
            if (relaxed != null && relaxed[0] < relaxed[1] && relaxed[1] - relaxed[0] <= INTEGER_WIDTH) {
                programs += 2;
                range = range(v, local, touching, true, truth);
            }
            if (range != null && range[0] == truth && range[1] == truth) {
                pins.add(new Pin(
                        t.getKey(),
                        truth,
                        (range == relaxed ? "LP" : "integer LP") + " over " + local.size() + " cells, e.g. "
                                + routes(local, touching)));
            }
        }
        return new Outcome(
                s.size(), s.relations().size(), targets.size(), pins, byPropagation, programs, largest, undecided);
    }

    /** The current range of a variable (after {@link #attack} or {@link #propagate}). */
    public long[] range(String name) {
        int v = s.indexOf(name);
        return new long[] {lo[v], hi[v]};
    }

    /** Interval propagation to a fixed point: each relation bounds each of its variables by the others' ranges. */
    public void propagate() {
        for (int sweep = 0; sweep < 500; sweep++) {
            boolean changed = false;
            for (Relation r : s.relations()) {
                changed |= tighten(r, 1);
                if (r.equality()) {
                    changed |= tighten(r, -1);
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /** sign·Σ c·x ≤ sign·rhs. */
    private boolean tighten(Relation r, int sign) {
        long minSum = 0;
        int infinite = -1;
        int infinities = 0;
        for (int i = 0; i < r.vars().length; i++) {
            long m = minOf(sign * r.coef()[i], r.vars()[i]);
            if (m == Long.MIN_VALUE) {
                infinities++;
                infinite = i;
            } else {
                minSum += m;
            }
        }
        if (infinities > 1) {
            return false;
        }
        boolean changed = false;
        for (int i = 0; i < r.vars().length; i++) {
            if (infinities == 1 && i != infinite) {
                continue;
            }
            int c = sign * r.coef()[i];
            int v = r.vars()[i];
            long others = infinities == 1 ? minSum : minSum - minOf(c, v);
            long bound = sign * r.rhs() - others; // c·x ≤ bound
            if (c > 0 && bound < hi[v]) {
                hi[v] = bound;
                why[v] = r.route();
                changed = true;
            } else if (c < 0 && -bound > lo[v]) {
                lo[v] = -bound;
                why[v] = r.route();
                changed = true;
            }
            if (lo[v] > hi[v]) {
                throw new IllegalStateException(
                        "the relations contradict the publications at " + s.name(v) + " (" + r.route() + ")");
            }
        }
        return changed;
    }

    private long minOf(int c, int v) {
        if (c > 0) {
            return lo[v];
        }
        return hi[v] >= CellReading.INF ? Long.MIN_VALUE : -hi[v];
    }

    private Map<Integer, List<Relation>> touching() {
        Map<Integer, List<Relation>> m = new HashMap<>();
        for (Relation r : s.relations()) {
            for (int v : r.vars()) {
                if (lo[v] != hi[v]) {
                    m.computeIfAbsent(v, x -> new ArrayList<>()).add(r);
                }
            }
        }
        return m;
    }

    /** The open variables reached from v through relations, breadth first, at most maxLocal of them. */
    private Set<Integer> local(int v, Map<Integer, List<Relation>> touching) {
        Set<Integer> seen = new LinkedHashSet<>(List.of(v));
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(v));
        while (!queue.isEmpty() && seen.size() < maxLocal) {
            for (Relation r : touching.getOrDefault(queue.poll(), List.of())) {
                for (int w : r.vars()) {
                    if (lo[w] != hi[w] && seen.size() < maxLocal && seen.add(w)) {
                        queue.add(w);
                    }
                }
            }
        }
        return seen;
    }

    /**
     * Min and max of the target over the local cells: integer, or the LP relaxation rounded inwards;
     * null if not solved. A minimum too far below the true value already rules a pin out (and the
     * integer LP), so then the maximum is not computed (reported as unbounded).
     */
    private long[] range(
            int target, Set<Integer> local, Map<Integer, List<Relation>> touching, boolean integer, long truth) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.time_abort = 5_000;
        Map<Integer, Variable> x = new HashMap<>();
        for (int v : local) {
            x.put(v, model.addVariable("x" + v).integer(integer).lower(lo[v]).upper(Math.min(hi[v], CAP)));
        }
        Set<Relation> used = new LinkedHashSet<>();
        local.forEach(v -> used.addAll(touching.getOrDefault(v, List.of())));
        int n = 0;
        for (Relation r : used) {
            long rhs = r.rhs();
            boolean inside = true;
            for (int i = 0; i < r.vars().length && inside; i++) {
                int v = r.vars()[i];
                if (lo[v] == hi[v]) {
                    rhs -= r.coef()[i] * lo[v];
                } else {
                    inside = local.contains(v);
                }
            }
            if (!inside) {
                continue;
            }
            Expression e = model.addExpression("r" + n++);
            for (int i = 0; i < r.vars().length; i++) {
                int v = r.vars()[i];
                if (lo[v] != hi[v]) {
                    e.set(x.get(v), r.coef()[i]);
                }
            }
            if (r.equality()) {
                e.level(rhs);
            } else {
                e.upper(rhs);
            }
        }
        x.get(target).weight(1);
        Optimisation.Result min = model.minimise();
        if (!min.getState().isOptimal()) {
            return null;
        }
        long lower = (long) Math.ceil(min.getValue() - 1e-6);
        if (lower < truth - (integer ? 0 : INTEGER_WIDTH)) {
            return new long[] {lower, Long.MAX_VALUE};
        }
        Optimisation.Result max = model.maximise();
        if (!max.getState().isOptimal()) {
            return null;
        }
        return new long[] {lower, (long) Math.floor(max.getValue() + 1e-6)};
    }

    private String routes(Set<Integer> local, Map<Integer, List<Relation>> touching) {
        Set<String> r = new LinkedHashSet<>();
        local.stream().limit(4).forEach(v -> touching.getOrDefault(v, List.of()).forEach(rel -> r.add(rel.route())));
        return String.join("; ", r.stream().limit(4).toList());
    }
}
