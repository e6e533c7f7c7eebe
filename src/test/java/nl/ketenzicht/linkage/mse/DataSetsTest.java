package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pinned estimates for every shared data set, to 6 significant digits (they are deterministic).
 *
 * <p>Cross-checks: UKdat_5 stepwise N = 11,313 is the UK Home Office figure (Silverman 2014, which
 * merged PF and NCA), and all UK estimates lie in the published 10,000–13,000 range; see the
 * branch notes for what could and could not be checked.
 */
class DataSetsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Artificial_3 |    96 | 539.094 | 278.654 | 1170.89 | '' | 539.094 | 278.654 | 1170.89",
                "Kosovo       |  4400 | 7394.59 | 7172.91 | 7633.99 | 'ABA:OSCE,OSCE:HRW,EXH:OSCE,EXH:ABA,EXH:HRW' | 14341.7 | 12541.3 | 16540.2",
                "Ned          |  8234 | 52823.5 | 48523.9 | 57581.9 | 'O:Z,P:Z,I:Z,P:R,O:P,K:R,I:K,K:O' | 111139.0 | 92439.9 | 133991.0",
                "Ned_5        |  8234 | 52923.9 | 48594.5 | 57717.7 | 'IO:Z,P:Z,P:R,IO:P,K:R,IO:K' | 121522.0 | 98675.4 | 150139.0",
                "NewOrl       |   185 | 996.664 | 644.886 | 1617.53 | 'D:E' | 1183.69 | 720.924 | 2046.06",
                "NewOrl_5     |   185 | 1034.15 | 658.258 | 1708.6 | '' | 1034.15 | 658.258 | 1708.6",
                "UKdat        |  2744 | 12214.0 | 10988.8 | 13621.3 | 'PF:NCA,LA:NG,NG:GP,LA:PF,PF:GP,GO:GP,NG:GO' | 11418.0 | 9977.28 | 13145.7",
                "UKdat_4      |  2428 | 10694.3 | 9506.73 | 12081.0 | 'LA:NG,LA:PFNCA,NG:GO' | 11015.2 | 9582.26 | 12735.3",
                "UKdat_5      |  2744 | 13444.1 | 11985.2 | 15133.4 | 'LA:NG,NG:GP,PFNCA:GP,LA:PFNCA,GO:GP,NG:GO' | 11313.0 | 9884.4 | 13027.4",
                "Western      |   345 | 2007.14 | 1420.42 | 2913.97 | 'A:E' | 2483.38 | 1657.09 | 3830.03",
            })
    void mainEffectsAndStepwiseEstimatesArePinned(
            String name,
            long observed,
            double mainN,
            double mainLo,
            double mainHi,
            String terms,
            double stepN,
            double stepLo,
            double stepHi) {
        CaptureTable table = MseData.load(name);
        MseResult result = new MseEstimator().estimate(table, new Options(0.02, 0, 1));
        assertEquals(observed, result.observed(), name + ": observed cases");
        ModelEstimate main = result.mainEffects();
        assertSixDigits(mainN, main.populationSize(), name + " main-effects N");
        assertSixDigits(mainLo, main.ci().lower(), name + " main-effects lower limit");
        assertSixDigits(mainHi, main.ci().upper(), name + " main-effects upper limit");
        ModelEstimate step = result.stepwise();
        List<String> expectedTerms = terms.isEmpty() ? List.of() : Arrays.asList(terms.split(","));
        assertEquals(expectedTerms, step.terms(), name + ": stepwise terms in the order they were added");
        assertSixDigits(stepN, step.populationSize(), name + " stepwise N");
        assertSixDigits(stepLo, step.ci().lower(), name + " stepwise lower limit");
        assertSixDigits(stepHi, step.ci().upper(), name + " stepwise upper limit");
        assertEquals(step.populationSize(), observed + step.dark(), 1e-9 * stepN, "N = n_obs + dark");
        assertTrue(step.ci().contains(step.populationSize()), "the interval contains its point estimate");
        assertEquals(step.dark() / step.populationSize(), step.shareInvisible(), 1e-12, "share invisible = dark/N");
        assertEquals(
                1 - observed / step.ci().lower(),
                step.shareInvisibleCi().lower(),
                1e-12,
                "share interval = the N interval mapped through 1 - n_obs/N (increasing in N)");
    }

    /** Equal when rounded to 6 significant digits (half a unit in the 6th digit). */
    static void assertSixDigits(double expected, double actual, String what) {
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - 5);
        assertEquals(expected, actual, 0.5 * unit + 1e-9 * unit, what + " to 6 significant digits");
    }
}
