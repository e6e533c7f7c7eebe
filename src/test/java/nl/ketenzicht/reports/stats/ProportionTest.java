package nl.ketenzicht.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProportionTest {

    private static final double EXACT = 1e-12;

    /*
     * Hand computation for x = 3, n = 10, z = 1.959963984540054 (z^2 = 3.841458820694124):
     *   centre = (3 + z^2/2) / (10 + z^2)                 = 0.355506560...
     *   half   = z * sqrt(3*7/10 + z^2/4) / (10 + z^2)    = 0.247715292...
     *   lower  = 0.10779126740630102, upper = 0.60322185253885468
     * (limits re-checked independently in 40-digit arithmetic).
     */
    @Test
    void wilsonIntervalMatchesHandComputedExample() {
        Proportion p = Proportion.wilson(3, 10);
        assertEquals(0.3, p.rate().getAsDouble(), EXACT);
        assertEquals(0.10779126740630102, p.lower().getAsDouble(), EXACT);
        assertEquals(0.60322185253885468, p.upper().getAsDouble(), EXACT);
    }

    @Test
    void wilsonIntervalMatchesClosedFormWrittenOutInTheTest() {
        double z = 1.959963984540054;
        long x = 7;
        long n = 45;
        double a = x + z * z / 2;
        double b = z * Math.sqrt(x * (double) (n - x) / n + z * z / 4);
        double d = n + z * z;
        Proportion p = Proportion.wilson(x, n);
        assertEquals((a - b) / d, p.lower().getAsDouble(), EXACT);
        assertEquals((a + b) / d, p.upper().getAsDouble(), EXACT);
        assertEquals(0.077454234847582654, p.lower().getAsDouble(), EXACT);
        assertEquals(0.28783908872396267, p.upper().getAsDouble(), EXACT);
    }

    @Test
    void boundariesAreZeroAndOne() {
        Proportion none = Proportion.wilson(0, 20);
        assertEquals(0.0, none.lower().getAsDouble(), 0.0);
        assertEquals(0.16112515805281939, none.upper().getAsDouble(), EXACT);
        Proportion all = Proportion.wilson(20, 20);
        assertEquals(0.83887484194718061, all.lower().getAsDouble(), EXACT);
        assertEquals(1.0, all.upper().getAsDouble(), 0.0);
    }

    @Test
    void zeroDenominatorHasNoRate() {
        Proportion p = Proportion.wilson(0, 0);
        assertFalse(p.hasRate());
        assertTrue(p.lower().isEmpty());
        assertTrue(p.upper().isEmpty());
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> Proportion.wilson(5, 4));
        assertThrows(IllegalArgumentException.class, () -> Proportion.wilson(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> Proportion.wilson(1, 0));
    }
}
