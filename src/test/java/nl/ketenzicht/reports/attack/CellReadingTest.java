package nl.ketenzicht.reports.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The attacker's reading of published counts, legacy and perturbed, against the public rules. */
class CellReadingTest {

    @Test
    void legacyTrustsShownCountsAndNothingAboutWithheldOnes() {
        assertArrayEquals(new long[] {12, 12}, CellReading.LEGACY.range(12L));
        assertArrayEquals(
                new long[] {0, CellReading.INF},
                CellReading.LEGACY.range("<5"),
                "secondary cells read <5 may be larger");
        assertArrayEquals(new long[] {0, CellReading.INF}, CellReading.LEGACY.range("x"));
        assertArrayEquals(
                new long[] {1, 4},
                CellReading.LEGACY.overlapRange(null, "PRIMARY", 5),
                "the page marks primary cells apart");
    }

    @Test
    void perturbedCountsGiveTheRangesOfThePublicRule() {
        assertArrayEquals(new long[] {0, 4}, CellReading.PERTURBED.range(0L));
        assertArrayEquals(new long[] {1, 11}, CellReading.PERTURBED.range(5L));
        assertArrayEquals(new long[] {5, 12}, CellReading.PERTURBED.range(6L));
        assertArrayEquals(new long[] {6, 18}, CellReading.PERTURBED.range("12"));
        for (long p : new long[] {0, 5, 6, 7, 12, 40}) {
            assertArrayEquals(
                    nl.ketenzicht.reports.stats.CellKeyPerturbation.preimage(p),
                    CellReading.PERTURBED.range(p),
                    "the code's preimage of " + p);
        }
        assertThrows(IllegalStateException.class, () -> CellReading.PERTURBED.range(3L), "1..4 is never published");
        assertThrows(
                IllegalStateException.class, () -> CellReading.PERTURBED.range((Long) null), "nothing is withheld");
    }

    @Test
    void theReadingIsPerturbationUnlessForced() {
        assertEquals(CellReading.PERTURBED, CellReading.choose());
        System.setProperty("attack.reading", "legacy");
        try {
            assertEquals(CellReading.LEGACY, CellReading.choose());
        } finally {
            System.clearProperty("attack.reading");
        }
    }
}
