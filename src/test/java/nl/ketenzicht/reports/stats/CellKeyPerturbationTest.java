package nl.ketenzicht.reports.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellKeyPerturbationTest {

    private static final int DRAWS = 200_000;

    @Test
    void zeroStaysZeroAndNoPublishedValueIsSmall() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < DRAWS; i++) {
            long t = random.nextInt(40);
            long key = random.nextLong();
            long p = CellKeyPerturbation.publish(t, key);
            if (t == 0) {
                assertEquals(0, p);
            }
            assertTrue(p == 0 || p >= CellKeyPerturbation.K, "published " + p + " for " + t);
            long[] range = CellKeyPerturbation.preimage(p);
            assertTrue(range[0] <= t && t <= range[1], t + " outside the preimage of " + p);
            assertTrue(Math.abs(p - t) <= (t < CellKeyPerturbation.K ? CellKeyPerturbation.K - 1 : CellKeyPerturbation.MAX_NOISE));
        }
    }

    @Test
    void theSameCellAlwaysGetsTheSameValue() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1_000; i++) {
            long t = random.nextInt(100);
            long key = random.nextLong();
            assertEquals(CellKeyPerturbation.publish(t, key), CellKeyPerturbation.publish(t, key));
            // only the low 32 bits of a key count, so sums may be kept in a BIGINT and reduced late
            assertEquals(CellKeyPerturbation.publish(t, key), CellKeyPerturbation.publish(t, key & 0xFFFF_FFFFL));
        }
    }

    @Test
    void smallValuesRoundToZeroOrKWithoutBias() {
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 1; t < CellKeyPerturbation.K; t++) {
            int ks = 0;
            for (int i = 0; i < DRAWS; i++) {
                long p = CellKeyPerturbation.publish(t, random.nextLong() & 0xFFFF_FFFFL);
                assertTrue(p == 0 || p == CellKeyPerturbation.K);
                ks += p == CellKeyPerturbation.K ? 1 : 0;
            }
            assertEquals((double) t / CellKeyPerturbation.K, (double) ks / DRAWS, 0.005, "share published as k for t=" + t);
        }
    }

    @Test
    void largerValuesGetTheDocumentedNoise() {
        SplittableRandom random = new SplittableRandom(5);
        int[] seen = new int[2 * CellKeyPerturbation.MAX_NOISE + 1];
        for (int i = 0; i < DRAWS; i++) {
            long p = CellKeyPerturbation.publish(50, random.nextLong() & 0xFFFF_FFFFL);
            seen[(int) (p - 50) + CellKeyPerturbation.MAX_NOISE]++;
        }
        double[] expected = {0.1, 0.2, 0.4, 0.2, 0.1};
        for (int n = 0; n < seen.length; n++) {
            assertEquals(expected[n], (double) seen[n] / DRAWS, 0.005, "share of noise " + (n - CellKeyPerturbation.MAX_NOISE));
        }
    }

    @Test
    void preimagesAreTheDocumentedRanges() {
        assertArrayEquals(new long[]{0, 4}, CellKeyPerturbation.preimage(0));
        assertArrayEquals(new long[]{1, 7}, CellKeyPerturbation.preimage(5));
        assertArrayEquals(new long[]{5, 8}, CellKeyPerturbation.preimage(6));
        assertArrayEquals(new long[]{18, 22}, CellKeyPerturbation.preimage(20));
    }

    @Test
    void marginsArePerturbedWithTheSumOfTheirCellsKeys() {
        long[][] counts = {{3, 0, 12}, {7, 1, 0}};
        long[][] keys = {{101, 0, 303}, {0xFFFF_FFF0L, 17, 0}};
        SuppressedTwoWayTable t = CellKeyPerturbation.twoWay(counts, keys);
        assertEquals(CellKeyPerturbation.publish(15, 404), value(t.rowTotal(0)));
        assertEquals(CellKeyPerturbation.publish(10, CellKeyPerturbation.add(101, 0xFFFF_FFF0L)), value(t.columnTotal(0)));
        assertEquals(CellKeyPerturbation.publish(23, (101 + 303 + 0xFFFF_FFF0L + 17) & 0xFFFF_FFFFL), value(t.grandTotal()));
        assertEquals(0, value(t.cell(0, 1)));
        // a margin over one non-empty cell is that cell: same count, same key, same value
        long[][] single = {{0, 9}};
        SuppressedTwoWayTable s = CellKeyPerturbation.twoWay(single, new long[][]{{0, 77}});
        assertEquals(value(s.cell(0, 1)), value(s.rowTotal(0)));
    }

    private static long value(Cell cell) {
        return ((Cell.Count) cell).value();
    }
}
