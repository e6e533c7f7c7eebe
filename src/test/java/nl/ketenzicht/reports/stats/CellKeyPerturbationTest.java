package nl.ketenzicht.reports.stats;

import static nl.ketenzicht.reports.stats.CellKeyPerturbation.K;
import static nl.ketenzicht.reports.stats.CellKeyPerturbation.MAX_NOISE;
import static nl.ketenzicht.reports.stats.CellKeyPerturbation.publish;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.ketenzicht.reports.stats.CellKeyPerturbation.Key;
import org.junit.jupiter.api.Test;

class CellKeyPerturbationTest {

    private static final int DRAWS = 200_000;

    @Test
    void zeroStaysZeroAndNoPublishedValueIsSmall() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < DRAWS; i++) {
            List<long[]> rows = rows(random, 1 + random.nextInt(4), random.nextInt(40));
            long t = total(rows);
            long p = publish(t, key(rows));
            if (t == 0) {
                assertEquals(0, p);
            }
            assertTrue(p == 0 || p >= K, "published " + p + " for " + t);
            long[] range = CellKeyPerturbation.preimage(p);
            assertTrue(range[0] <= t && t <= range[1], t + " outside the preimage of " + p);
            assertTrue(Math.abs(p - t) <= (t < K ? K - 1 : MAX_NOISE));
        }
    }

    @Test
    void theSameCellAlwaysGetsTheSameValue() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1_000; i++) {
            List<long[]> rows = rows(random, 1 + random.nextInt(4), random.nextInt(100));
            List<long[]> reordered = new ArrayList<>(rows);
            java.util.Collections.reverse(reordered);
            assertEquals(
                    publish(total(rows), key(rows)),
                    publish(total(rows), key(reordered)),
                    "the order of the rows does not count");
        }
    }

    /** However a small count's records fall into rows, it is published as k with probability t/k. */
    @Test
    void smallValuesRoundToZeroOrKWithoutBias() {
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 1; t < K; t++) {
            for (int spread : new int[] {1, 2, t}) {
                int ks = 0;
                for (int i = 0; i < DRAWS; i++) {
                    long p = publish(t, key(rows(random, spread, t)));
                    assertTrue(p == 0 || p == K);
                    ks += p == K ? 1 : 0;
                }
                assertEquals(
                        (double) t / K,
                        (double) ks / DRAWS,
                        0.005,
                        "share published as k for t=" + t + " in up to " + spread + " rows");
            }
        }
    }

    /**
     * Monotone rounding: when a small cell is published as k, every small cell that contains it (more records
     * in the same rows, more rows) is too, so a total never shows 0 above a part that shows k.
     */
    @Test
    void aCellContainingAPartPublishedAsKIsPublishedAsKToo() {
        SplittableRandom random = new SplittableRandom(13);
        int parts = 0;
        for (int i = 0; i < DRAWS; i++) {
            List<long[]> whole = rows(random, 1 + random.nextInt(4), 1 + random.nextInt(K - 1));
            List<long[]> part = new ArrayList<>();
            for (long[] row : whole) {
                long m = random.nextInt((int) row[1] + 1);
                if (m > 0 && random.nextInt(4) > 0) {
                    part.add(new long[] {row[0], m});
                }
            }
            if (total(whole) < K && publish(total(part), key(part)) == K) {
                parts++;
                assertEquals(
                        K,
                        publish(total(whole), key(whole)),
                        "a part shows k, its whole of " + total(whole) + " shows 0");
            }
        }
        assertTrue(parts > 1_000, "parts published as k: " + parts);
    }

    @Test
    void largerValuesGetTheDocumentedNoise() {
        SplittableRandom random = new SplittableRandom(5);
        int[] seen = new int[2 * MAX_NOISE + 1];
        int draws = 2_000_000;
        for (int i = 0; i < draws; i++) {
            long p = publish(50, random.nextLong() & 0xFFFF_FFFFL);
            seen[(int) (p - 50) + MAX_NOISE]++;
        }
        double sum = 0;
        for (int n = 0; n < seen.length; n++) {
            double expected = CellKeyPerturbation.NOISE[n];
            sum += expected;
            assertEquals(
                    expected,
                    (double) seen[n] / draws,
                    Math.max(0.002, expected * 0.25),
                    "share of noise " + (n - MAX_NOISE));
            assertTrue(seen[n] > 0, "every documented noise occurs: " + (n - MAX_NOISE));
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(CellKeyPerturbation.NOISE[0], CellKeyPerturbation.NOISE[2 * MAX_NOISE], "symmetric");
    }

    @Test
    void preimagesAreTheDocumentedRanges() {
        assertArrayEquals(new long[] {0, 4}, CellKeyPerturbation.preimage(0));
        assertArrayEquals(new long[] {1, 11}, CellKeyPerturbation.preimage(5));
        assertArrayEquals(new long[] {5, 12}, CellKeyPerturbation.preimage(6));
        assertArrayEquals(new long[] {14, 26}, CellKeyPerturbation.preimage(20));
    }

    @Test
    void marginsArePerturbedWithTheKeyOfTheirRows() {
        long[][] counts = {{3, 0, 12}, {7, 1, 0}};
        Key a = Key.row(101, 3);
        Key b = Key.row(303, 12);
        Key c = Key.row(0xFFFF_FFF0L, 7);
        Key d = Key.row(17, 1);
        SuppressedTwoWayTable t = CellKeyPerturbation.twoWay(counts, new Key[][] {{a, Key.NONE, b}, {c, d, Key.NONE}});
        assertEquals(publish(15, a.plus(b)), value(t.rowTotal(0)));
        assertEquals(publish(10, a.plus(c)), value(t.columnTotal(0)));
        assertEquals(
                publish(
                        23,
                        new Key(
                                (3 * 101 + 12 * 303 + 7 * 0xFFFF_FFF0L + 17) & 0xFFFF_FFFFL,
                                Math.min(
                                        Math.min(Key.arrival(101) / 3, Key.arrival(303) / 12),
                                        Math.min(Key.arrival(0xFFFF_FFF0L) / 7, Key.arrival(17))))),
                value(t.grandTotal()));
        assertEquals(0, value(t.cell(0, 1)));
        // a margin over one non-empty cell is that cell: same count, same key, same value
        SuppressedTwoWayTable s =
                CellKeyPerturbation.twoWay(new long[][] {{0, 9}}, new Key[][] {{Key.NONE, Key.row(77, 9)}});
        assertEquals(value(s.cell(0, 1)), value(s.rowTotal(0)));
    }

    /** When categories split a row (age groups, outcomes), a total is keyed by the whole row, as any other table keys it. */
    @Test
    void aKeyedTableKeysItsMarginsByWholeRows() {
        KeyedTable table = new KeyedTable(2, 2);
        table.add(0, 0, 555, 2);
        table.add(0, 1, 555, 1);
        table.add(0, 1, 777, 4);
        table.add(1, 0, 555, 3);
        table.add(1, 0, 555, -1); // REST: the nation less a listed region
        SuppressedTwoWayTable t = table.publish();
        assertEquals(publish(2, Key.row(555, 2)), value(t.cell(0, 0)));
        assertEquals(publish(7, Key.row(555, 3).plus(Key.row(777, 4))), value(t.rowTotal(0)));
        assertEquals(publish(2, Key.row(555, 2)), value(t.cell(1, 0)));
        assertEquals(publish(4, Key.row(555, 4)), value(t.columnTotal(0)));
        assertEquals(publish(9, Key.row(555, 5).plus(Key.row(777, 4))), value(t.grandTotal()));
    }

    /** {tk, records} for {@code rowCount} random rows sharing t records at random. */
    private static List<long[]> rows(SplittableRandom random, int rowCount, long t) {
        List<long[]> rows = new ArrayList<>();
        for (int i = 0; i < rowCount; i++) {
            rows.add(new long[] {random.nextLong() & 0xFFFF_FFFFL, 0});
        }
        for (long i = 0; i < t; i++) {
            rows.get(random.nextInt(rowCount))[1]++;
        }
        return rows;
    }

    private static long total(List<long[]> rows) {
        return rows.stream().mapToLong(r -> r[1]).sum();
    }

    private static Key key(List<long[]> rows) {
        Key key = Key.NONE;
        for (long[] r : rows) {
            key = key.plus(Key.row(r[0], r[1]));
        }
        return key;
    }

    private static long value(Cell cell) {
        return ((Cell.Count) cell).value();
    }
}
