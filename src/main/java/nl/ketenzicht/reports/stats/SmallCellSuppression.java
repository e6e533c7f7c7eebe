package nl.ketenzicht.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statistical disclosure control for report tables (security.md, "Privacy of reports").
 *
 * <p>Primary suppression withholds every count in 1..k-1, totals included; 0 is published.
 * Secondary suppression then withholds further non-zero counts until no withheld count can be
 * recomputed from the published counts and totals, by differencing rows and columns or by linear
 * programming with non-negativity: every withheld count v stays consistent with at least v-1, v and
 * v+1 (see {@link CycleProtection}). Not guaranteed: that an attacker's feasible range for a primary
 * cell reaches 0 or k; a "&lt;k" marker discloses 1..k-1 anyway.
 *
 * <p>Margins are computed here from the interior counts, so they are always consistent.
 */
public final class SmallCellSuppression {

    /** Threshold on coordinator screens. */
    public static final int SCREEN_THRESHOLD = 5;
    /** Threshold for exports meant for publication. */
    public static final int PUBLICATION_THRESHOLD = 10;

    private SmallCellSuppression() {
    }

    /** Suppresses a one-way table of counts together with its total. */
    public static SuppressedOneWayTable oneWay(long[] counts, int k) {
        requireThreshold(k);
        requireNonNegative(counts);
        long total = 0;
        for (long count : counts) {
            total = Math.addExact(total, count);
        }
        // A one-way table is a single equation, so two withheld values suffice; always possible,
        // because a primary cell is either the whole total (then the total is primary too) or
        // leaves another non-zero cell.
        SuppressionReason[] status = new SuppressionReason[counts.length];
        int suppressed = markPrimary(counts, k, status);
        boolean totalSmall = isSmall(total, k);
        if (suppressed + (totalSmall ? 1 : 0) == 1) {
            suppressSmallestOther(counts, status);
        }
        List<Cell> cells = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            cells.add(cell(counts[i], status[i]));
        }
        return new SuppressedOneWayTable(cells, cell(total, totalSmall ? SuppressionReason.PRIMARY : null));
    }

    /** Suppresses a two-way table (rows x columns) with row, column and grand totals. */
    public static SuppressedTwoWayTable twoWay(long[][] counts, int k) {
        return twoWay(counts, k, new boolean[counts.length + 1]);
    }

    /**
     * Suppresses tables of the same regions that publish the same row and grand totals (the same
     * people split by different categories, e.g. victims by age group and by recruitment channel):
     * a total withheld in one is withheld in all, repeated until no table withholds more, so no
     * table reveals a total that another protects.
     */
    public static List<SuppressedTwoWayTable> linked(List<long[][]> tables, int k) {
        boolean[] forced = new boolean[tables.get(0).length + 1];
        while (true) {
            List<SuppressedTwoWayTable> out = new ArrayList<>();
            boolean[] next = forced.clone();
            for (long[][] counts : tables) {
                SuppressedTwoWayTable t = twoWay(counts, k, forced);
                out.add(t);
                for (int r = 0; r < t.rows(); r++) {
                    next[r] |= t.rowTotal(r).isSuppressed();
                }
                next[t.rows()] |= t.grandTotal().isSuppressed();
            }
            if (java.util.Arrays.equals(next, forced)) {
                return out;
            }
            forced = next;
        }
    }

    private static SuppressedTwoWayTable twoWay(long[][] counts, int k, boolean[] forcedTotals) {
        requireThreshold(k);
        long[][] grid = withMargins(counts);
        SuppressionReason[][] status = new CycleProtection(grid).protect(k, forcedTotals);
        int rows = counts.length;
        int columns = counts[0].length;
        List<List<Cell>> cells = new ArrayList<>(rows);
        List<Cell> rowTotals = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<Cell> line = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                line.add(cell(grid[r][c], status[r][c]));
            }
            cells.add(line);
            rowTotals.add(cell(grid[r][columns], status[r][columns]));
        }
        List<Cell> columnTotals = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            columnTotals.add(cell(grid[rows][c], status[rows][c]));
        }
        return new SuppressedTwoWayTable(cells, rowTotals, columnTotals, cell(grid[rows][columns], status[rows][columns]));
    }

    /** A rate may be shown only when numerator and denominator are both published and n > 0. */
    public static boolean mayShowRate(Cell numerator, Cell denominator) {
        return numerator instanceof Cell.Count && denominator instanceof Cell.Count d && d.value() > 0;
    }

    /** The rate with Wilson interval, or empty when either count is withheld (never computed). */
    public static Optional<Proportion> rate(Cell numerator, Cell denominator) {
        if (!mayShowRate(numerator, denominator)) {
            return Optional.empty();
        }
        // Perturbed counts of a subset can exceed their whole's (7 of 6): the rate is then 1, never more.
        long n = ((Cell.Count) denominator).value();
        return Optional.of(Proportion.wilson(Math.min(((Cell.Count) numerator).value(), n), n));
    }

    static boolean isSmall(long count, int k) {
        return count >= 1 && count < k;
    }

    private static int markPrimary(long[] counts, int k, SuppressionReason[] status) {
        int marked = 0;
        for (int i = 0; i < counts.length; i++) {
            if (isSmall(counts[i], k)) {
                status[i] = SuppressionReason.PRIMARY;
                marked++;
            }
        }
        return marked;
    }

    private static void suppressSmallestOther(long[] counts, SuppressionReason[] status) {
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (status[i] == null && counts[i] > 0 && (best < 0 || counts[i] < counts[best])) {
                best = i;
            }
        }
        status[best] = SuppressionReason.SECONDARY;
    }

    private static long[][] withMargins(long[][] counts) {
        if (counts.length == 0 || counts[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one row and one column");
        }
        int rows = counts.length;
        int columns = counts[0].length;
        long[][] grid = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            if (counts[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + counts[r].length + " columns, expected " + columns);
            }
            requireNonNegative(counts[r]);
            for (int c = 0; c < columns; c++) {
                grid[r][c] = counts[r][c];
                grid[r][columns] = Math.addExact(grid[r][columns], counts[r][c]);
                grid[rows][c] = Math.addExact(grid[rows][c], counts[r][c]);
                grid[rows][columns] = Math.addExact(grid[rows][columns], counts[r][c]);
            }
        }
        return grid;
    }

    private static Cell cell(long value, SuppressionReason reason) {
        return reason == null ? new Cell.Count(value) : new Cell.Suppressed(reason);
    }

    private static void requireThreshold(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("threshold k must be at least 2: " + k);
        }
    }

    private static void requireNonNegative(long[] counts) {
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("counts must be >= 0: " + count);
            }
        }
    }
}
