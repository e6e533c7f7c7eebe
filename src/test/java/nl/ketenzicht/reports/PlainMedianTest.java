package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.ketenzicht.reports.stats.KaplanMeier;
import nl.ketenzicht.reports.stats.SurvivalObservation;
import org.junit.jupiter.api.Test;

/** The test's plain product-limit median (the reference of ReportsIT) agrees with the estimator, hand-checked cases first. */
class PlainMedianTest {

    @Test
    void handChecked() {
        // 1, 2, 3+ (censored), 4, 5: S = .8, .6, .6, .3 -> median 4
        assertEquals(4.0, VictimTruth.plainMedian(List.of(ev(1), ev(2), cens(3), ev(4), ev(5))));
        // 1, 2, 3, 4: S = .75, .5 (flat) -> midpoint of 2 and 3
        assertEquals(2.5, VictimTruth.plainMedian(List.of(ev(1), ev(2), ev(3), ev(4))));
        // never below one half
        assertNull(VictimTruth.plainMedian(List.of(ev(1), cens(2), cens(3), cens(4))));
    }

    @Test
    void agreesWithTheEstimatorOnRandomData() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            List<SurvivalObservation> obs = new ArrayList<>();
            for (int i = 1 + random.nextInt(30); i > 0; i--) {
                obs.add(random.nextInt(3) == 0 ? cens(random.nextInt(40)) : ev(random.nextInt(40)));
            }
            var median = KaplanMeier.fit(obs).median().estimate();
            assertEquals(
                    median.isPresent() ? median.getAsDouble() : null, VictimTruth.plainMedian(obs), obs.toString());
        }
    }

    private static SurvivalObservation ev(double t) {
        return SurvivalObservation.event(t);
    }

    private static SurvivalObservation cens(double t) {
        return SurvivalObservation.censored(t);
    }
}
