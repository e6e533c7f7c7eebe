package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoverageStudyTest {

    private static final double[] P = {0.05, 0.1, 0.15, 0.2};

    @Test
    void simulationIsSeededAndNeverObservesTheDarkFigure() {
        CaptureTable a = CoverageStudy.simulate(2000, P, 11);
        assertEquals(a, CoverageStudy.simulate(2000, P, 11), "same seed, same table");
        // P(on at least one list) = 1 − 0.95·0.9·0.85·0.8 ≈ 0.419, so about 840 of 2000 are observed.
        assertTrue(a.observed() > 700 && a.observed() < 980, "observed " + a.observed());
    }

    @Test
    void modelConditionalIntervalCoversTheTruthInMostSeedsWithIndependentLists() {
        CoverageStudy.Coverage c = CoverageStudy.run(2000, P, 40, 1, 0.02);
        assertEquals(0, c.noEstimate(), "with ~840 observed cases every table has an estimate");
        assertTrue(c.mainRate() >= 0.85, "main effects is the true model here; nominal 95%, got " + c.mainRate());
        assertTrue(c.stepwiseRate() >= 0.80, "stepwise may add a spurious term now and then; got " + c.stepwiseRate());
    }
}
