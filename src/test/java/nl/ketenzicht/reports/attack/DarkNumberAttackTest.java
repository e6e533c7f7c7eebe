package nl.ketenzicht.reports.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dark-number attack on a three-list table whose small cells are withheld. */
class DarkNumberAttackTest {

    private static final List<String> LISTS = List.of("A", "B", "C");
    /** History bits: 1 = A, 2 = B, 4 = C; 3 = AB, 5 = AC, 6 = BC, 7 = ABC. */
    private static final long[] TRUTH = {0, 60, 45, 12, 30, 9, 3, 2};

    @Test
    void publishingNWithTheVisibleCellsPinsTheWithheldOnes() {
        DarkNumberAttack attack = new DarkNumberAttack(LISTS, 0.02, 100_000);
        double n = attack.populationSize(TRUTH);
        long[][] ranges = new long[8][];
        for (int h = 1; h < 8; h++) {
            ranges[h] = new long[] {TRUTH[h], TRUTH[h]};
        }
        ranges[6] = new long[] {1, 4};
        ranges[7] = new long[] {1, 4};
        ranges[5] = new long[] {0, CellReading.INF}; // secondary
        DarkNumberAttack.Result r = attack.attack(ranges, 161L, attack.figures(TRUTH), TRUTH);
        assertTrue(r.exhausted() && r.truthAmong(), r.toString());
        assertTrue(r.fillings() > 1, "several fillings agree with the published cells: " + r.fillings());
        assertEquals(1, r.reproducing(), "only the true filling gives the published N to full precision");
        assertTrue(r.pinned());
    }

    @Test
    void withoutTheObservedTotalAndWithNRoundedAwayNothingIsPinnedWhenCellsAreWide() {
        DarkNumberAttack attack = new DarkNumberAttack(LISTS, 0.02, 100_000);
        long[][] ranges = new long[8][];
        for (int h = 1; h < 8; h++) {
            ranges[h] = new long[] {TRUTH[h], TRUTH[h]};
        }
        ranges[7] = new long[] {0, 4};
        double n = attack.populationSize(TRUTH);
        DarkNumberAttack.Result r = attack.attack(
                ranges, null, new double[] {Math.round(n) + 0.5, Double.NaN, Double.NaN, Double.NaN}, TRUTH);
        assertFalse(r.pinned(), "N off by half a person reproduces no filling: " + r);
    }
}
