package nl.ketenzicht.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {

    private static final Cell.Suppressed PRIMARY = new Cell.Suppressed(SuppressionReason.PRIMARY);
    private static final Cell.Suppressed SECONDARY = new Cell.Suppressed(SuppressionReason.SECONDARY);

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
        assertTrue(small.total().isSuppressed()
                && small.cell(0).isSuppressed()
                && small.cell(1).isSuppressed());
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
    void ratesAreOnlyComputedFromPublishedCounts() {
        Cell published = new Cell.Count(20);
        Cell denominator = new Cell.Count(80);
        assertTrue(SmallCellSuppression.mayShowRate(published, denominator));
        assertEquals(
                Proportion.wilson(20, 80),
                SmallCellSuppression.rate(published, denominator).orElseThrow());
        assertFalse(SmallCellSuppression.mayShowRate(PRIMARY, denominator));
        assertFalse(SmallCellSuppression.mayShowRate(published, SECONDARY));
        assertFalse(SmallCellSuppression.mayShowRate(new Cell.Count(0), new Cell.Count(0)));
        assertTrue(SmallCellSuppression.rate(published, PRIMARY).isEmpty());
    }

    @Test
    void rejectsInvalidInput() {
        assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.oneWay(new long[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.oneWay(new long[] {-1}, 5));
    }
}
