package nl.ketenzicht.reports.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two tables of the same people split by different categories (victims by age group and by
 * recruitment channel) publish the same row and grand totals. The attacker sees both tables as one
 * system of equations in which those totals are shared unknowns, and still cannot narrow down any
 * withheld value; each table is also safe on its own.
 */
class LinkedSuppressionTest {

    private static final int K = 5;

    @Test
    void noWithheldValueCanBeRecoveredFromBothTablesTogether() {
        Random random = new Random(20240612L);
        int checked = 0;
        for (int round = 0; round < 150; round++) {
            int rows = 2 + random.nextInt(5);
            long[][] a = SuppressionInvariants.randomTable(random, rows, 2 + random.nextInt(4), K);
            long[][] b = redistribute(random, a, 2 + random.nextInt(4));
            List<SuppressedTwoWayTable> t = SmallCellSuppression.linked(List.of(a, b), K);
            SuppressionInvariants.assertStructurallySafe(a, t.get(0), K);
            SuppressionInvariants.assertStructurallySafe(b, t.get(1), K);
            for (int r = 0; r < rows; r++) {
                assertEquals(t.get(0).rowTotal(r).isSuppressed(), t.get(1).rowTotal(r).isSuppressed(), "row total " + r + " alike");
            }
            assertEquals(t.get(0).grandTotal().isSuppressed(), t.get(1).grandTotal().isSuppressed());
            checked += attack(a, b, t.get(0), t.get(1));
        }
        assertTrue(checked > 100, "enough withheld values attacked: " + checked);
    }

    @Test
    void aTotalWithheldInOneTableIsWithheldInTheOther() {
        long[][] byAge = {{3, 20}, {30, 40}, {25, 25}};          // row 0 has a small cell
        long[][] byChannel = {{23, 0}, {35, 35}, {10, 40}};      // the same row totals, nothing small
        List<SuppressedTwoWayTable> t = SmallCellSuppression.linked(List.of(byAge, byChannel), K);
        for (int r = 0; r < 3; r++) {
            assertEquals(t.get(0).rowTotal(r).isSuppressed(), t.get(1).rowTotal(r).isSuppressed());
        }
        assertTrue(SmallCellSuppression.twoWay(byChannel, K).rowTotals().stream().noneMatch(Cell::isSuppressed),
                "alone, the second table would publish every total");
    }

    /** Same row totals, other columns. */
    private static long[][] redistribute(Random random, long[][] a, int columns) {
        long[][] b = new long[a.length][columns];
        for (int r = 0; r < a.length; r++) {
            long total = Arrays.stream(a[r]).sum();
            for (long i = 0; i < total; i++) {
                b[r][random.nextInt(columns)]++;
            }
        }
        return b;
    }

    /** Both grids in one vector; b's row totals (and grand total) are a's positions. */
    private static int attack(long[][] a, long[][] b, SuppressedTwoWayTable ta, SuppressedTwoWayTable tb) {
        int rows = a.length;
        int ca = a[0].length;
        int cb = b[0].length;
        long[] truthA = SuppressionInvariants.withMargins(a);
        long[] truthB = SuppressionInvariants.withMargins(b);
        Cell[] pubA = SuppressionInvariants.published(ta);
        Cell[] pubB = SuppressionInvariants.published(tb);
        int[][] posB = new int[rows + 1][cb + 1];
        List<Long> truth = new ArrayList<>();
        List<Boolean> withheld = new ArrayList<>();
        for (int i = 0; i < truthA.length; i++) {
            truth.add(truthA[i]);
            withheld.add(pubA[i].isSuppressed());
        }
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cb; c++) {
                if (c == cb) {
                    posB[r][c] = r * (ca + 1) + ca;
                } else {
                    posB[r][c] = truth.size();
                    truth.add(truthB[r * (cb + 1) + c]);
                    withheld.add(pubB[r * (cb + 1) + c].isSuppressed());
                }
            }
        }
        List<LinearProgrammingAttacker.Equation> equations = new ArrayList<>(LinearProgrammingAttacker.twoWayEquations(rows, ca));
        for (int r = 0; r <= rows; r++) {
            int[] parts = new int[cb];
            for (int c = 0; c < cb; c++) {
                parts[c] = posB[r][c];
            }
            equations.add(new LinearProgrammingAttacker.Equation(parts, posB[r][cb]));
        }
        for (int c = 0; c <= cb; c++) {
            int[] parts = new int[rows];
            for (int r = 0; r < rows; r++) {
                parts[r] = posB[r][c];
            }
            equations.add(new LinearProgrammingAttacker.Equation(parts, posB[rows][c]));
        }
        long[] values = truth.stream().mapToLong(Long::longValue).toArray();
        boolean[] hidden = new boolean[values.length];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = withheld.get(i);
        }
        LinearProgrammingAttacker attacker = new LinearProgrammingAttacker(values, hidden, equations);
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (hidden[i]) {
                assertTrue(attacker.canBe(i, values[i] - 1) && attacker.canBe(i, values[i] + 1),
                        "withheld " + values[i] + " at " + i + " narrowed down: " + Arrays.deepToString(a) + " / " + Arrays.deepToString(b));
                n++;
            }
        }
        return n;
    }
}
