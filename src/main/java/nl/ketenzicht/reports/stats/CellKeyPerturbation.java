package nl.ketenzicht.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Disclosure control for every count Ketenzicht publishes: the cell-key method of statistical offices
 * that let users build their own tables (ABS TableBuilder; ONS 2021 census custom tables; Destatis),
 * with small counts rounded monotonically.
 *
 * <p>Each count arrives with its true value t and its {@link Key}, built from the secret keys of the
 * base rows it counts (see reports/aggregates/CellKeys): a base row is a report_funnel row, an
 * episode or a referral. The published value depends on (t, key) only, so the same cases give the same
 * figure on the screen, in an export, a print view or an indicator, and a cell reached by another route
 * (a margin, a cut, a difference) gets no fresh noise to average away. The rule, which is public
 * (README, "Disclosure control"):
 * <ul>
 *   <li>t = 0 is published as 0;</li>
 *   <li>1 ≤ t ≤ k−1 is published as k when the cell's earliest arrival (below) is before
 *       τ<sub>t</sub> = −ln(1 − t/k)/t, else as 0: k with probability t/k (unbiased);</li>
 *   <li>t ≥ k is published as max(k, t + n), n ∈ {−6, …, 6} drawn from the key's sum with the
 *       probabilities of {@link #NOISE}: |n| ≤ 2 in 95.6% of cells, |n| = 6 in 0.04%.</li>
 * </ul>
 * The earliest arrival: each base row draws one exponential time E from its key; its m records in the
 * cell arrive at E/m (the first of m unit-rate arrivals), and the cell's earliest arrival is the
 * minimum over its rows, the first of t arrivals. Rounding small counts by it is <em>monotone</em>: a
 * subset of a cell (fewer records per row, fewer rows) arrives no earlier and τ grows with t, so when a
 * small cell is published as k every small cell containing it is too. A total published as 0 therefore
 * never sits above parts published as k, which would pin them.
 *
 * <p>Wide, thin tails of the noise: an attacker who combines published counts (a total less its parts)
 * learns a bound on a small cell only from the extreme noise of a large one. Extremes of ±6 occur in
 * 0.02% of cells each way, so that the bounds almost never close on a small value.
 *
 * <p>So a reader who sees p knows only: p = 0 → t ∈ [0, k−1]; p = k → t ∈ [1, k+6]; p &gt; k → t ∈
 * [max(k, p−6), p+6] ({@link #preimage}). No published figure is ever 1..k−1, and every published
 * figure is within k−1 of the truth (within 6 when t ≥ k). Margins are perturbed as cells of their
 * own (with the keys of their rows), so tables are not additive: that is the price of consistency
 * across tables, documented in the README.
 */
public final class CellKeyPerturbation {

    /** The threshold: values 1..k−1 are never published as themselves. */
    public static final int K = 5;
    /** The largest change of a value of k or more. */
    public static final int MAX_NOISE = 6;
    /** P(n) for n = −6 … 6: bell-shaped, with thin tails so that extremes are rare. */
    public static final double[] NOISE = {
        0.0002, 0.0008, 0.0035, 0.0175, 0.08, 0.21, 0.376, 0.21, 0.08, 0.0175, 0.0035, 0.0008, 0.0002
    };

    private static final double[] CUMULATIVE = cumulative();
    private static final long MASK = 0xFFFF_FFFFL;

    private CellKeyPerturbation() {}

    /**
     * What a count's publication depends on besides its value: the sum (mod 2<sup>32</sup>) of its records'
     * row keys, which draws the noise of large counts, and its earliest arrival, which rounds small ones.
     */
    public record Key(long sum, double earliest) {

        /** The key of nothing: a count of 0. */
        public static final Key NONE = new Key(0, Double.POSITIVE_INFINITY);

        /** The key of m records of one base row whose secret key is {@code rowKey} (its low 32 bits). */
        public static Key row(long rowKey, long m) {
            if (m <= 0) {
                return m == 0 ? NONE : new Key((m * rowKey) & MASK, Double.POSITIVE_INFINITY);
            }
            return new Key((m * rowKey) & MASK, arrival(rowKey) / m);
        }

        /** The key of the union of two cells without common rows. */
        public Key plus(Key other) {
            return new Key((sum + other.sum) & MASK, Math.min(earliest, other.earliest));
        }

        /** A base row's exponential time from its key: −ln(1 − u), u uniform in (0, 1); report_funnel stores it as ta (V1_17_0). */
        public static double arrival(long rowKey) {
            return -Math.log1p(-((rowKey & MASK) + 0.5) / 4_294_967_296.0);
        }
    }

    /** The published value of a count t with the given key. */
    public static long publish(long t, Key key) {
        if (t < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + t);
        }
        if (t == 0) {
            return 0;
        }
        if (t < K) {
            return key.earliest() < -Math.log(1 - (double) t / K) / t ? K : 0;
        }
        double u = uniform(key.sum() & MASK, t);
        int n = 0;
        while (u >= CUMULATIVE[n]) {
            n++;
        }
        return Math.max(K, t + n - MAX_NOISE);
    }

    /** The published value of a count that is all of one base row (an overlap cell of the dark number). */
    public static long publish(long t, long rowKey) {
        return publish(t, Key.row(rowKey, t));
    }

    /** The true values that can give the published value p: {lowest, highest}. */
    public static long[] preimage(long p) {
        if (p == 0) {
            return new long[] {0, K - 1};
        }
        if (p < K) {
            throw new IllegalArgumentException("never published: " + p);
        }
        return p == K ? new long[] {1, K + MAX_NOISE} : new long[] {Math.max(K, p - MAX_NOISE), p + MAX_NOISE};
    }

    private static double[] cumulative() {
        double[] c = new double[NOISE.length];
        double s = 0;
        for (int i = 0; i < NOISE.length; i++) {
            s += NOISE[i];
            c[i] = s;
        }
        c[NOISE.length - 1] = 1.0;
        return c;
    }

    /**
     * A published two-way table (regions × categories) with row, column and grand totals, whose margins
     * join the keys of their cells: right when every base row lies in one cell (a report_funnel row has
     * one region and one category). Tables whose categories split base rows give their {@link Margins}.
     */
    public static SuppressedTwoWayTable twoWay(long[][] counts, Key[][] keys) {
        if (counts.length == 0 || counts[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one row and one column");
        }
        int columns = counts[0].length;
        Key[] rowKeys = new Key[counts.length];
        Key[] columnKeys = new Key[columns];
        Arrays.fill(columnKeys, Key.NONE);
        Key grand = Key.NONE;
        for (int r = 0; r < counts.length; r++) {
            if (counts[r].length != columns || keys[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has the wrong number of columns");
            }
            rowKeys[r] = Key.NONE;
            for (int c = 0; c < columns; c++) {
                rowKeys[r] = rowKeys[r].plus(keys[r][c]);
                columnKeys[c] = columnKeys[c].plus(keys[r][c]);
            }
            grand = grand.plus(rowKeys[r]);
        }
        return twoWay(counts, keys, new Margins(rowKeys, columnKeys, grand));
    }

    /** The keys of a table's row, column and grand totals. */
    public record Margins(Key[] rows, Key[] columns, Key grand) {}

    /** A published two-way table whose margins have the given keys. */
    public static SuppressedTwoWayTable twoWay(long[][] counts, Key[][] keys, Margins margins) {
        int rows = counts.length;
        int columns = counts[0].length;
        long[] columnTotal = new long[columns];
        long grand = 0;
        List<List<Cell>> cells = new ArrayList<>(rows);
        List<Cell> rowTotals = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            long rowTotal = 0;
            List<Cell> line = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                line.add(cell(counts[r][c], keys[r][c]));
                rowTotal = Math.addExact(rowTotal, counts[r][c]);
                columnTotal[c] = Math.addExact(columnTotal[c], counts[r][c]);
            }
            cells.add(line);
            rowTotals.add(cell(rowTotal, margins.rows()[r]));
            grand = Math.addExact(grand, rowTotal);
        }
        List<Cell> columnTotals = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            columnTotals.add(cell(columnTotal[c], margins.columns()[c]));
        }
        return new SuppressedTwoWayTable(cells, rowTotals, columnTotals, cell(grand, margins.grand()));
    }

    private static Cell cell(long t, Key key) {
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
