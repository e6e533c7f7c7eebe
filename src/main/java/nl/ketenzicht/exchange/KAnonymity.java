package nl.ketenzicht.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * k-anonymity by global generalisation and suppression over a fixed set of quasi-identifiers, each with
 * a hierarchy of levels (level 0 the released category, the last level "*"). It sees only the counts of
 * the records' level-0 combinations, so a release of any size is planned in memory bounded by the number
 * of combinations: every node of the lattice (one level per quasi-identifier) is tried, and the node
 * chosen is the least generalised (mean height of the levels) whose classes below k hold at most the
 * allowed share of records, which are then withheld. Ties go to fewer withheld records, then to the
 * first node in lattice order, so the same counts always give the same plan. A brute-force search
 * (OLA-like, El Emam et al. 2009) over a lattice of a few hundred nodes; no library needed.
 */
public final class KAnonymity {

    /** A quasi-identifier: its name and, per level above 0, how a level-0 category is generalised. */
    public record Hierarchy(String name, List<UnaryOperator<String>> levels) {

        /** The highest level: everything "*". */
        public int top() {
            return levels.size();
        }

        public String at(int level, String value) {
            return level == 0 ? value : levels.get(level - 1).apply(value);
        }
    }

    /** The chosen generalisation, with how many records it withholds. */
    public record Plan(int[] levels, long records, long withheld, int classes, long smallestClass) {

        public long released() {
            return records - withheld;
        }
    }

    private final int k;
    private final double maxWithheldShare;
    private final List<Hierarchy> qis;
    private final Map<List<String>, Long> counts = new HashMap<>();
    private long records;

    public KAnonymity(int k, double maxWithheldShare, List<Hierarchy> qis) {
        this.k = k;
        this.maxWithheldShare = maxWithheldShare;
        this.qis = List.copyOf(qis);
    }

    /** Counts one record by its level-0 categories (one per quasi-identifier, in order). */
    public void add(List<String> categories) {
        counts.merge(List.copyOf(categories), 1L, Long::sum);
        records++;
    }

    /** The least generalised node within the allowed suppression (the top node always is: it withholds all or none). */
    public Plan plan() {
        int[] top = qis.stream().mapToInt(Hierarchy::top).toArray();
        Plan best = null;
        double bestLoss = Double.MAX_VALUE;
        for (int[] node : nodes(top)) {
            Map<List<String>, Long> classes = generalised(node);
            long withheld = 0;
            long smallest = Long.MAX_VALUE;
            int kept = 0;
            for (long n : classes.values()) {
                if (n < k) {
                    withheld += n;
                } else {
                    kept++;
                    smallest = Math.min(smallest, n);
                }
            }
            boolean topNode = Arrays.equals(node, top);
            if (withheld > maxWithheldShare * records && !topNode) {
                continue;
            }
            double loss = 0;
            for (int i = 0; i < node.length; i++) {
                loss += (double) node[i] / top[i];
            }
            loss /= node.length;
            if (best == null || loss < bestLoss || (loss == bestLoss && withheld < best.withheld())) {
                best = new Plan(node, records, withheld, kept, kept == 0 ? 0 : smallest);
                bestLoss = loss;
            }
        }
        return best;
    }

    /** The record's categories at the plan's levels, or null when its class is below k (withheld). */
    public List<String> release(Plan plan, List<String> categories) {
        List<String> g = generalise(plan.levels(), categories);
        return sizes(plan).getOrDefault(g, 0L) >= k ? g : null;
    }

    private Map<List<String>, Long> planned;
    private int[] plannedLevels;

    private Map<List<String>, Long> sizes(Plan plan) {
        if (planned == null || !Arrays.equals(plannedLevels, plan.levels())) {
            planned = generalised(plan.levels());
            plannedLevels = plan.levels().clone();
        }
        return planned;
    }

    private Map<List<String>, Long> generalised(int[] node) {
        Map<List<String>, Long> out = new HashMap<>();
        for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
            out.merge(generalise(node, e.getKey()), e.getValue(), Long::sum);
        }
        return out;
    }

    private List<String> generalise(int[] node, List<String> categories) {
        List<String> g = new ArrayList<>(categories.size());
        for (int i = 0; i < categories.size(); i++) {
            g.add(qis.get(i).at(node[i], categories.get(i)));
        }
        return g;
    }

    /** Every node of the lattice in lexicographic order of its levels. */
    static List<int[]> nodes(int[] top) {
        List<int[]> out = new ArrayList<>();
        int[] node = new int[top.length];
        while (true) {
            out.add(node.clone());
            int i = top.length - 1;
            while (i >= 0 && node[i] == top[i]) {
                node[i] = 0;
                i--;
            }
            if (i < 0) {
                return out;
            }
            node[i]++;
        }
    }
}
