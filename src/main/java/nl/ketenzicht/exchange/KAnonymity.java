package nl.ketenzicht.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * k-anonymity by global generalisation and suppression over a fixed set of quasi-identifiers, each with
 * a hierarchy of levels (level 0 the released category, the last level "*"). It sees only the counts of
 * the records' level-0 combinations, each packed into a long of small per-column codes, so a release of
 * any size is planned in memory bounded by the number of combinations. The node chosen is the least
 * generalised (mean height of the levels) whose classes below k hold at most the allowed share of
 * records, which are then withheld; ties go to fewer withheld records, then to the first node in lattice
 * order, so the same counts always give the same plan. Nodes are tried from the bottom of the lattice up
 * and pruned by monotonicity: a node within the budget makes every generalisation of it within the budget
 * too, and more generalised, so none of them is tried (OLA-like, El Emam et al. 2009). Each node's classes
 * are its combinations' counts merged through per-level code tables, never the records again.
 */
public final class KAnonymity {

    /**
     * A quasi-identifier: its name, the bits of its level-0 code (at most 2^bits distinct values) and,
     * per level above 0, how a level-0 category is generalised.
     */
    public record Hierarchy(String name, int bits, List<UnaryOperator<String>> levels) {

        public Hierarchy(String name, List<UnaryOperator<String>> levels) {
            this(name, 6, levels);
        }

        /** The highest level: everything "*". */
        public int top() {
            return levels.size();
        }

        public String at(int level, String value) {
            return level == 0 ? value : levels.get(level - 1).apply(value);
        }
    }

    /** The chosen generalisation, with how many records it withholds (and how many nodes the search tried). */
    public record Plan(int[] levels, long records, long withheld, int classes, long smallestClass, int nodesTried) {

        public long released() {
            return records - withheld;
        }
    }

    private final int k;
    private final double maxWithheldShare;
    private final List<Hierarchy> qis;
    private final Codes[] codes;
    private final int[] shift;
    private final int bits;
    private final LongCounts counts = new LongCounts();
    private long records;

    /** Per quasi-identifier and level: the level's values, and level-0 code → code at the level. */
    private Codes[][] levelCodes;

    private int[][][] up;
    private int tablesFor = -1;
    private int[] plannedLevels;
    private LongCounts planned;

    public KAnonymity(int k, double maxWithheldShare, List<Hierarchy> qis) {
        this.k = k;
        this.maxWithheldShare = maxWithheldShare;
        this.qis = List.copyOf(qis);
        codes = new Codes[qis.size()];
        shift = new int[qis.size()];
        int b = 0;
        for (int i = 0; i < qis.size(); i++) {
            codes[i] = new Codes(qis.get(i).bits());
            shift[i] = b;
            b += qis.get(i).bits();
        }
        if (b > 62) {
            throw new IllegalArgumentException("the quasi-identifiers' codes take " + b + " bits; 62 fit a key");
        }
        bits = b;
    }

    /** Counts one record by its level-0 categories (one per quasi-identifier, in order). */
    public void add(List<String> categories) {
        add(key(categories), 1);
    }

    /** The packed key of level-0 categories, numbering values not seen before. */
    long key(List<String> categories) {
        long key = 0;
        for (int i = 0; i < codes.length; i++) {
            key |= (long) codes[i].code(categories.get(i)) << shift[i];
        }
        return key;
    }

    /** Counts {@code n} records of one packed level-0 combination. */
    void add(long key, long n) {
        counts.add(key, n);
        records += n;
    }

    /** The bits of a packed key: a caller may keep columns of its own above them. */
    int bits() {
        return bits;
    }

    /** Distinct level-0 combinations counted. */
    int combinations() {
        return counts.size();
    }

    /** The least generalised node within the allowed suppression (the top node always is: it withholds all or none). */
    public Plan plan() {
        int[] top = qis.stream().mapToInt(Hierarchy::top).toArray();
        List<int[]> nodes = nodes(top);
        List<Integer> byHeight = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            byHeight.add(i);
        }
        byHeight.sort(Comparator.comparingInt(i -> Arrays.stream(nodes.get(i)).sum())); // stable: lattice order
        boolean[] dominated = new boolean[nodes.size()];
        LongCounts classes = new LongCounts(counts.size());
        Plan best = null;
        double bestLoss = Double.MAX_VALUE;
        int bestIndex = -1;
        int tried = 0;
        for (int index : byHeight) {
            if (dominated[index]) {
                continue;
            }
            tried++;
            int[] node = nodes.get(index);
            classes(node, classes);
            long[] withheld = {0};
            long[] smallest = {Long.MAX_VALUE};
            int[] kept = {0};
            classes.forEach((key, n) -> {
                if (n < k) {
                    withheld[0] += n;
                } else {
                    kept[0]++;
                    smallest[0] = Math.min(smallest[0], n);
                }
            });
            if (withheld[0] > maxWithheldShare * records && !Arrays.equals(node, top)) {
                continue;
            }
            for (int j = 0; j < nodes.size(); j++) {
                dominated[j] |= j != index && generalises(nodes.get(j), node);
            }
            double loss = 0;
            for (int i = 0; i < node.length; i++) {
                loss += (double) node[i] / top[i];
            }
            loss /= node.length;
            if (best == null
                    || loss < bestLoss
                    || (loss == bestLoss
                            && (withheld[0] < best.withheld()
                                    || (withheld[0] == best.withheld() && index < bestIndex)))) {
                best = new Plan(node, records, withheld[0], kept[0], kept[0] == 0 ? 0 : smallest[0], 0);
                bestLoss = loss;
                bestIndex = index;
            }
        }
        return new Plan(best.levels(), records, best.withheld(), best.classes(), best.smallestClass(), tried);
    }

    /** The record's categories at the plan's levels, or null when its class is below k (withheld). */
    public List<String> release(Plan plan, List<String> categories) {
        long key = 0;
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i].known(categories.get(i));
            if (c < 0) {
                return null;
            }
            key |= (long) c << shift[i];
        }
        long g = generalise(plan.levels(), key);
        if (classSize(plan, g) < k) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            out.add(value(i, plan.levels()[i], code(g, i)));
        }
        return out;
    }

    /** The size of the class of a generalised key under the plan. */
    long classSize(Plan plan, long generalised) {
        if (planned == null || !Arrays.equals(plannedLevels, plan.levels())) {
            planned = new LongCounts(counts.size());
            classes(plan.levels(), planned);
            plannedLevels = plan.levels().clone();
        }
        return planned.get(generalised);
    }

    /** A level-0 key at the node's levels: each code through its level's table. */
    long generalise(int[] node, long key) {
        tables();
        long g = 0;
        for (int i = 0; i < shift.length; i++) {
            g |= (long) up[i][node[i]][code(key, i)] << shift[i];
        }
        return g;
    }

    /** The code of quasi-identifier {@code qi} in a packed key. */
    int code(long key, int qi) {
        return (int) (key >>> shift[qi]) & ((1 << qis.get(qi).bits()) - 1);
    }

    /** The value of a code at a level. */
    String value(int qi, int level, int code) {
        tables();
        return levelCodes[qi][level].value(code);
    }

    /** Per code at the level, the rank of its value in text order. */
    int[] ranks(int qi, int level) {
        tables();
        return levelCodes[qi][level].ranks();
    }

    /** Values at the level, at most those of level 0: the same bits hold them. */
    int valuesAt(int qi, int level) {
        tables();
        return levelCodes[qi][level].size();
    }

    private void classes(int[] node, LongCounts into) {
        into.clear();
        counts.forEach((key, n) -> into.add(generalise(node, key), n));
    }

    /** (Re)builds the level tables when values were numbered since: each value generalised once per level. */
    private void tables() {
        int seen = 0;
        for (Codes c : codes) {
            seen += c.size();
        }
        if (seen == tablesFor) {
            return;
        }
        levelCodes = new Codes[codes.length][];
        up = new int[codes.length][][];
        for (int i = 0; i < codes.length; i++) {
            Hierarchy h = qis.get(i);
            levelCodes[i] = new Codes[h.top() + 1];
            up[i] = new int[h.top() + 1][codes[i].size()];
            for (int level = 0; level <= h.top(); level++) {
                Codes at = level == 0 ? codes[i] : new Codes(h.bits());
                levelCodes[i][level] = at;
                for (int c = 0; c < codes[i].size(); c++) {
                    up[i][level][c] = level == 0 ? c : at.code(h.at(level, codes[i].value(c)));
                }
            }
        }
        tablesFor = seen;
    }

    /** Is {@code a} a generalisation of {@code b} (every level at least b's)? */
    private static boolean generalises(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < b[i]) {
                return false;
            }
        }
        return true;
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
