package nl.ketenzicht.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 40 seeds in the normal build; the 200-seed figure comes from {@link LinkedCoverage#main}. */
class LinkedCoverageTest {

    @Test
    void modelConditionalIntervalCoversTheTrueTotalInMostSeeds() {
        LinkedCoverage.Result r = LinkedCoverage.run(40, 0);
        assertEquals(0, r.noEstimate(), r.describe());
        assertTrue(r.modelConditional() >= 34, "at least 85% of 40 seeds (nominal 95%): " + r.describe());
    }

    @Test
    void bcaIntervalCoversTooOnAFewSeeds() {
        LinkedCoverage.Result r = LinkedCoverage.run(8, 100);
        assertTrue(r.bca() >= 6, "BCa, B = 100: " + r.describe());
    }
}
