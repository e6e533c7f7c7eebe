package nl.ketenzicht.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {

    private static final Cell.Suppressed PRIMARY = new Cell.Suppressed(SuppressionReason.PRIMARY);
    private static final Cell.Suppressed SECONDARY = new Cell.Suppressed(SuppressionReason.SECONDARY);

    @Test
    void secondarySuppressionTakesTheCheapestComplementaryCells() {
        long[][] counts = {
            {12, 3, 20},
            {15, 9, 30},
            {8, 25, 40}};
        SuppressedTwoWayTable t = SmallCellSuppression.twoWay(counts, 5);
        // The 3 needs a cycle: cheapest is 12 (same row), 15 (same column as 12), 9 (closes it): 36,
        // against 12 + 8 + 25 = 45 or 20 + 30 + 9 = 59. Totals stay published.
        assertEquals(PRIMARY, t.cell(0, 1));
        assertEquals(SECONDARY, t.cell(0, 0));
        assertEquals(SECONDARY, t.cell(1, 0));
        assertEquals(SECONDARY, t.cell(1, 1));
        assertEquals(new Cell.Count(20), t.cell(0, 2));
        assertEquals(new Cell.Count(35), t.rowTotal(0));
        assertEquals(new Cell.Count(37), t.columnTotal(1));
        assertEquals(new Cell.Count(162), t.grandTotal());
        SuppressionInvariants.assertSafe(counts, t, 5);
    }

    @Test
    void twoProtectedBlocksJoinedByAThirdCellNeedMoreThanTwoPerLine() {
        long[][] counts = {
            {1, 2, 3, 50},
            {2, 1, 60, 70},
            {80, 90, 1, 2},
            {85, 95, 2, 1}};
        // Primary alone already leaves two or more withheld cells in every line, yet the 3 at (0, 2)
        // is recoverable: rows 0 + 1 minus columns 0 + 1 isolate it.
        boolean[] primaryOnly = new boolean[25];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                primaryOnly[r * 5 + c] = counts[r][c] < 5;
            }
        }
        LinearProgrammingAttacker naive = new LinearProgrammingAttacker(
                SuppressionInvariants.withMargins(counts), primaryOnly, LinearProgrammingAttacker.twoWayEquations(4, 4));
        assertTrue(naive.canBe(2, 3));
        assertFalse(naive.canBe(2, 2));
        assertFalse(naive.canBe(2, 4));
        // By hand: rows 0 + 1 total 56 + 133 = 189. Columns 0 + 1 total 168 + 188, of which rows 2 + 3
        // publish 80 + 90 + 85 + 95, so the 2 x 2 block of primaries sums to 6. Subtracting the block and
        // the published 50, 60 and 70 from 189 leaves (0, 2) = 3.
        assertEquals(3, 56 + 133 - ((168 + 188) - (80 + 90 + 85 + 95)) - 50 - 60 - 70);
        SuppressedTwoWayTable t = SmallCellSuppression.twoWay(counts, 5);
        SuppressionInvariants.assertSafe(counts, t, 5);
    }

    @Test
    void singleRow() {
        long[][] counts = {{3, 0, 7, 12}};
        SuppressedTwoWayTable t = SmallCellSuppression.twoWay(counts, 5);
        assertEquals(PRIMARY, t.cell(0, 0));
        assertEquals(new Cell.Count(0), t.cell(0, 1));
        assertEquals(SECONDARY, t.cell(0, 2));
        SuppressionInvariants.assertSafe(counts, t, 5);
    }

    @Test
    void singleColumn() {
        long[][] counts = {{3}, {8}, {12}, {0}};
        SuppressedTwoWayTable t = SmallCellSuppression.twoWay(counts, 5);
        assertEquals(PRIMARY, t.cell(0, 0));
        assertEquals(PRIMARY, t.rowTotal(0));
        assertEquals(new Cell.Count(0), t.cell(3, 0));
        SuppressionInvariants.assertSafe(counts, t, 5);
    }

    @Test
    void allCellsSmall() {
        long[][] counts = {{1, 2}, {3, 4}};
        SuppressedTwoWayTable t = SmallCellSuppression.twoWay(counts, 5);
        assertEquals(new Cell.Count(10), t.grandTotal());
        SuppressionInvariants.assertSafe(counts, t, 5);
    }

    @Test
    void grandTotalItselfSmall() {
        long[][] counts = {{1, 1}, {1, 0}};
        SuppressedTwoWayTable t = SmallCellSuppression.twoWay(counts, 5);
        assertEquals(PRIMARY, t.grandTotal());
        assertEquals(new Cell.Count(0), t.cell(1, 1));
        SuppressionInvariants.assertSafe(counts, t, 5);
    }

    @Test
    void publicationThresholdSuppressesMore() {
        long[][] counts = {{7, 30}, {40, 50}};
        assertEquals(new Cell.Count(7), SmallCellSuppression.twoWay(counts, SmallCellSuppression.SCREEN_THRESHOLD).cell(0, 0));
        SuppressedTwoWayTable t = SmallCellSuppression.twoWay(counts, SmallCellSuppression.PUBLICATION_THRESHOLD);
        assertEquals(PRIMARY, t.cell(0, 0));
        SuppressionInvariants.assertSafe(counts, t, 10);
    }

    @Test
    void zerosAndLargeCountsArePublishedUntouched() {
        long[][] counts = {{0, 0}, {0, 0}};
        SuppressedTwoWayTable t = SmallCellSuppression.twoWay(counts, 5);
        assertEquals(new Cell.Count(0), t.grandTotal());
        assertEquals(new Cell.Count(0), t.cell(1, 1));
        SuppressedTwoWayTable big = SmallCellSuppression.twoWay(new long[][] {{10, 20}, {30, 0}}, 5);
        assertFalse(big.cell(0, 0).isSuppressed());
        assertEquals(new Cell.Count(0), big.cell(1, 1));
    }

    @Test
    void oneWayTables() {
        SuppressedOneWayTable t = SmallCellSuppression.oneWay(new long[] {3, 8, 20}, 5);
        assertEquals(PRIMARY, t.cell(0));
        assertEquals(SECONDARY, t.cell(1));
        assertEquals(new Cell.Count(31), t.total());

        SuppressedOneWayTable alone = SmallCellSuppression.oneWay(new long[] {3, 0, 0}, 5);
        assertEquals(PRIMARY, alone.cell(0));
        assertEquals(PRIMARY, alone.total());
        assertEquals(new Cell.Count(0), alone.cell(1));

        SuppressedOneWayTable two = SmallCellSuppression.oneWay(new long[] {2, 2, 50}, 5);
        assertEquals(new Cell.Count(50), two.cell(2));
        assertEquals(new Cell.Count(54), two.total());

        SuppressedOneWayTable small = SmallCellSuppression.oneWay(new long[] {1, 2}, 5);
        assertTrue(small.total().isSuppressed() && small.cell(0).isSuppressed() && small.cell(1).isSuppressed());
    }

    @Test
    void randomOneWayTablesResistTheAttacker() {
        Random random = new Random(20240701L);
        for (int i = 0; i < 400; i++) {
            int k = 2 + random.nextInt(10);
            long[] counts = new long[1 + random.nextInt(7)];
            for (int j = 0; j < counts.length; j++) {
                counts[j] = SuppressionInvariants.smallishCount(random, k);
            }
            SuppressionInvariants.assertSafe(counts, SmallCellSuppression.oneWay(counts, k), k);
        }
    }

    @Test
    void propertyNoPublishedCellIsSmallOverManyRandomTables() {
        Random random = new Random(7_513L);
        for (int i = 0; i < 3000; i++) {
            int k = new int[] {3, 5, 10}[random.nextInt(3)];
            long[][] counts = SuppressionInvariants.randomTable(random, 1 + random.nextInt(10), 1 + random.nextInt(8), k);
            SuppressionInvariants.assertStructurallySafe(counts, SmallCellSuppression.twoWay(counts, k), k);
        }
    }

    @Test
    void randomTablesResistTheLinearProgrammingAttacker() {
        Random random = new Random(273L);
        for (int i = 0; i < 500; i++) {
            int k = new int[] {3, 5, 10}[random.nextInt(3)];
            long[][] counts = SuppressionInvariants.randomTable(random, 1 + random.nextInt(8), 1 + random.nextInt(6), k);
            SuppressionInvariants.assertSafe(counts, SmallCellSuppression.twoWay(counts, k), k);
        }
    }

    @Test
    void ratesAreOnlyComputedFromPublishedCounts() {
        Cell published = new Cell.Count(20);
        Cell denominator = new Cell.Count(80);
        assertTrue(SmallCellSuppression.mayShowRate(published, denominator));
        assertEquals(Proportion.wilson(20, 80), SmallCellSuppression.rate(published, denominator).orElseThrow());
        assertFalse(SmallCellSuppression.mayShowRate(PRIMARY, denominator));
        assertFalse(SmallCellSuppression.mayShowRate(published, SECONDARY));
        assertFalse(SmallCellSuppression.mayShowRate(new Cell.Count(0), new Cell.Count(0)));
        assertTrue(SmallCellSuppression.rate(published, PRIMARY).isEmpty());
    }

    @Test
    void safeProportionWithholdsSmallNumeratorDenominatorOrComplement() {
        assertInstanceOf(SafeProportion.Withheld.class, SafeProportion.of(3, 40, 5));
        assertInstanceOf(SafeProportion.Withheld.class, SafeProportion.of(3, 4, 5));
        assertInstanceOf(SafeProportion.Withheld.class, SafeProportion.of(38, 40, 5));
        assertInstanceOf(SafeProportion.Withheld.class, SafeProportion.of(7, 40, 10));
        assertEquals(new SafeProportion.Shown(Proportion.wilson(0, 40)), SafeProportion.of(0, 40, 5));
        assertEquals(new SafeProportion.Shown(Proportion.wilson(40, 40)), SafeProportion.of(40, 40, 5));
        assertEquals(new SafeProportion.Shown(Proportion.wilson(12, 40)), SafeProportion.of(12, 40, 5));
        SafeProportion empty = SafeProportion.of(0, 0, 5);
        assertFalse(((SafeProportion.Shown) empty).proportion().hasRate());
    }

    @Test
    void rejectsInvalidInput() {
        assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.twoWay(new long[][] {{1, 2}, {3}}, 5));
        assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.twoWay(new long[][] {{-1}}, 5));
        assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.twoWay(new long[0][], 5));
        assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.oneWay(new long[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> SafeProportion.of(5, 4, 5));
    }
}
