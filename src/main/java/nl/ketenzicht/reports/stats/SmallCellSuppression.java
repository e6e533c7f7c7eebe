package nl.ketenzicht.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small-cell suppression of a one-way table, for figures that are not counts of the reports (which are
 * perturbed, {@link CellKeyPerturbation}): the dark number's linkage-quality table and the numbers behind
 * a Kaplan–Meier curve. Primary suppression withholds every count in 1..k-1, the total included; 0 is
 * published; one more cell is withheld where a single withheld cell could be recomputed from the total.
 * Also the rule for rates: computed only from published counts.
 */
public final class SmallCellSuppression {

    private SmallCellSuppression() {}

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
