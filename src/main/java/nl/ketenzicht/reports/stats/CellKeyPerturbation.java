package nl.ketenzicht.reports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control for every count Ketenzicht publishes: the cell-key method of statistical offices
 * that let users build their own tables (ABS TableBuilder; ONS 2021 census custom tables; Destatis).
 *
 * <p>Each count arrives with its true value t and its cell key, the sum (mod 2<sup>32</sup>) of the
 * secret keys of what it counts (see reports/aggregates/CellKeys). The published value depends on
 * (t, key) only, so the same cases give the same figure on the screen, in an export, a print view
 * or an indicator, and a cell reached by another route (a margin, a cut, a difference) gets no fresh
 * noise to average away. The rule, which is public (README, "Disclosure control"):
 * <ul>
 *   <li>t = 0 is published as 0;</li>
 *   <li>1 ≤ t ≤ k−1 is published as 0 or k, k with probability t/k (unbiased);</li>
 *   <li>t ≥ k is published as max(k, t + n), n ∈ {−2, …, 2} with probabilities .1, .2, .4, .2, .1.</li>
 * </ul>
 * So a reader who sees p knows only: p = 0 → t ∈ [0, k−1]; p = k → t ∈ [1, k+2]; p &gt; k → t ∈
 * [max(k, p−2), p+2] ({@link #preimage}). No published figure is ever 1..k−1, and every published
 * figure is within k−1 of the truth (within 2 when t ≥ k). Margins are perturbed as cells of their
 * own (with the sum of their cells' keys), so tables are not additive: that is the price of
 * consistency across tables, documented in the README.
 */
public final class CellKeyPerturbation {

    /** The threshold: values 1..k−1 are never published as themselves. */
    public static final int K = 5;
    /** The largest change of a value of k or more. */
    public static final int MAX_NOISE = 2;
    private static final double[] CUMULATIVE = {0.1, 0.3, 0.7, 0.9, 1.0};
    private static final long MASK = 0xFFFF_FFFFL;

    private CellKeyPerturbation() {
    }

    /** The published value of a count t whose cell key is {@code key} (only its low 32 bits count). */
    public static long publish(long t, long key) {
        if (t < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + t);
        }
        if (t == 0) {
            return 0;
        }
        double u = uniform(key & MASK, t);
        if (t < K) {
            return u < (double) t / K ? K : 0;
        }
        int n = 0;
        while (u >= CUMULATIVE[n]) {
            n++;
        }
        return Math.max(K, t + n - MAX_NOISE);
    }

    /** The true values that can give the published value p: {lowest, highest}. */
    public static long[] preimage(long p) {
        if (p == 0) {
            return new long[]{0, K - 1};
        }
        if (p < K) {
            throw new IllegalArgumentException("never published: " + p);
        }
        return p == K ? new long[]{1, K + MAX_NOISE} : new long[]{Math.max(K, p - MAX_NOISE), p + MAX_NOISE};
    }

    /** Adds cell keys: the key of a union of disjoint cells. */
    public static long add(long a, long b) {
        return (a + b) & MASK;
    }

    /** A published one-way table: cells and their total, each perturbed with its own key. */
    public static SuppressedOneWayTable oneWay(long[] counts, long[] keys) {
        long total = 0;
        long totalKey = 0;
        List<Cell> cells = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            cells.add(cell(counts[i], keys[i]));
            total = Math.addExact(total, counts[i]);
            totalKey = add(totalKey, keys[i]);
        }
        return new SuppressedOneWayTable(cells, cell(total, totalKey));
    }

    /** A published two-way table (regions × categories) with row, column and grand totals. */
    public static SuppressedTwoWayTable twoWay(long[][] counts, long[][] keys) {
        if (counts.length == 0 || counts[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one row and one column");
        }
        int rows = counts.length;
        int columns = counts[0].length;
        long[] columnTotal = new long[columns];
        long[] columnKey = new long[columns];
        long grand = 0;
        long grandKey = 0;
        List<List<Cell>> cells = new ArrayList<>(rows);
        List<Cell> rowTotals = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            if (counts[r].length != columns || keys[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has the wrong number of columns");
            }
            long rowTotal = 0;
            long rowKey = 0;
            List<Cell> line = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                line.add(cell(counts[r][c], keys[r][c]));
                rowTotal = Math.addExact(rowTotal, counts[r][c]);
                rowKey = add(rowKey, keys[r][c]);
                columnTotal[c] = Math.addExact(columnTotal[c], counts[r][c]);
                columnKey[c] = add(columnKey[c], keys[r][c]);
            }
            cells.add(line);
            rowTotals.add(cell(rowTotal, rowKey));
            grand = Math.addExact(grand, rowTotal);
            grandKey = add(grandKey, rowKey);
        }
        List<Cell> columnTotals = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            columnTotals.add(cell(columnTotal[c], columnKey[c]));
        }
        return new SuppressedTwoWayTable(cells, rowTotals, columnTotals, cell(grand, grandKey));
    }

    private static Cell cell(long t, long key) {
        return new Cell.Count(publish(t, key));
    }

    /**
     * A uniform number in [0, 1) from the cell key and the value (SplitMix64's finaliser): a cell
     * that grows by one case draws afresh, a cell that stays the same never does.
     */
    static double uniform(long key, long t) {
        long z = key * 0x9E37_79B9_7F4A_7C15L + t * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
