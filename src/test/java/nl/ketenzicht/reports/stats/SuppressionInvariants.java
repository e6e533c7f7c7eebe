package nl.ketenzicht.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Checks on a suppressed one-way table made from the true counts only, independent of the suppressor. */
final class SuppressionInvariants {

    private SuppressionInvariants() {}

    static long smallishCount(Random random, int k) {
        double u = random.nextDouble();
        if (u < 0.35) {
            return 0;
        }
        return u < 0.75 ? 1 + random.nextInt(k - 1) : k + random.nextInt(60);
    }

    static void assertSafe(long[] counts, SuppressedOneWayTable t, int k) {
        long[] truth = Arrays.copyOf(counts, counts.length + 1);
        truth[counts.length] = Arrays.stream(counts).sum();
        Cell[] cells = t.cells().toArray(new Cell[counts.length + 1]);
        cells[counts.length] = t.total();
        int[] parts = new int[counts.length];
        Arrays.setAll(parts, i -> i);
        LinearProgrammingAttacker.Equation line = new LinearProgrammingAttacker.Equation(parts, counts.length);
        String what = Arrays.toString(counts) + " k=" + k;
        assertCellsSafe(truth, cells, k, what);
        assertLineHasNoneOrAtLeastTwo(line, cells, what);
        assertAttackerFails(truth, cells, List.of(line), what);
    }

    private static void assertCellsSafe(long[] truth, Cell[] cells, int k, String what) {
        for (int i = 0; i < truth.length; i++) {
            if (cells[i] instanceof Cell.Count count) {
                assertEquals(truth[i], count.value(), "published value differs at " + i + " in " + what);
                assertFalse(truth[i] >= 1 && truth[i] < k, "small count published at " + i + " in " + what);
            } else {
                SuppressionReason reason = ((Cell.Suppressed) cells[i]).reason();
                boolean small = truth[i] >= 1 && truth[i] < k;
                assertEquals(small ? SuppressionReason.PRIMARY : SuppressionReason.SECONDARY, reason, what);
                assertTrue(truth[i] >= 1, "a zero was suppressed at " + i + " in " + what);
            }
        }
    }

    private static void assertLineHasNoneOrAtLeastTwo(LinearProgrammingAttacker.Equation e, Cell[] cells, String what) {
        long withheld =
                Arrays.stream(e.parts()).filter(p -> cells[p].isSuppressed()).count()
                        + (cells[e.total()].isSuppressed() ? 1 : 0);
        assertTrue(withheld != 1, "a line with total at " + e.total() + " has one withheld cell in " + what);
    }

    /**
     * For every withheld value v the attacker must find both v - 1 and v + 1 consistent with the
     * publication, so more than one value is possible. This is the guarantee the suppressor documents.
     */
    private static void assertAttackerFails(
            long[] truth, Cell[] cells, List<LinearProgrammingAttacker.Equation> equations, String what) {
        boolean[] withheld = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            withheld[i] = cells[i].isSuppressed();
        }
        LinearProgrammingAttacker attacker = new LinearProgrammingAttacker(truth, withheld, equations);
        for (int i = 0; i < cells.length; i++) {
            if (withheld[i]) {
                assertTrue(
                        attacker.canBe(i, truth[i] - 1) && attacker.canBe(i, truth[i] + 1),
                        "withheld value " + truth[i] + " at " + i + " can be narrowed down in " + what);
            }
        }
    }
}
