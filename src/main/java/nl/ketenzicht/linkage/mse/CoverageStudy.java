package nl.ketenzicht.linkage.mse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Simulation helper: how often does the model-conditional 95% interval cover a known population?
 * Each of N individuals is on list i independently with probability p_i; individuals on no list are
 * the dark figure.
 */
public final class CoverageStudy {

    /**
     * Result over a number of seeds.
     *
     * @param seeds         simulated tables
     * @param noEstimate    tables whose estimate did not exist (counted as not covering)
     * @param mainCovered   seeds whose main-effects interval contains N
     * @param stepwiseCovered seeds whose stepwise model-conditional interval contains N
     */
    public record Coverage(int seeds, int noEstimate, int mainCovered, int stepwiseCovered) {

        public double mainRate() {
            return (double) mainCovered / seeds;
        }

        public double stepwiseRate() {
            return (double) stepwiseCovered / seeds;
        }
    }

    private CoverageStudy() {}

    /** One simulated capture table of a population of {@code population} under independent lists. */
    public static CaptureTable simulate(int population, double[] captureProbabilities, long seed) {
        int t = captureProbabilities.length;
        MersenneTwister random = new MersenneTwister(seed);
        long[] counts = new long[1 << t];
        for (int person = 0; person < population; person++) {
            int history = 0;
            for (int i = 0; i < t; i++) {
                if (random.nextDouble() < captureProbabilities[i]) {
                    history |= 1 << i;
                }
            }
            counts[history]++;
        }
        counts[0] = 0; // the dark figure is by definition not observed
        return CaptureTable.fromHistoryCounts(listNames(t), counts);
    }

    /** Coverage of the model-conditional intervals over seeds firstSeed, firstSeed + 1, …. */
    public static Coverage run(
            int population, double[] captureProbabilities, int seeds, long firstSeed, double threshold) {
        MseEstimator estimator = new MseEstimator();
        int noEstimate = 0;
        int main = 0;
        int stepwise = 0;
        for (int s = 0; s < seeds; s++) {
            CaptureTable table = simulate(population, captureProbabilities, firstSeed + s);
            try {
                MseResult result = estimator.estimate(table, new Options(threshold, 0, 1));
                main += result.mainEffects().ci().contains(population) ? 1 : 0;
                stepwise += result.stepwise().ci().contains(population) ? 1 : 0;
            } catch (EstimateDoesNotExistException e) {
                noEstimate++;
            }
        }
        return new Coverage(seeds, noEstimate, main, stepwise);
    }

    /** Prints the 200-seed coverage for the default scenario: N = 2000, four lists. */
    public static void main(String[] args) {
        int population = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double[] p = {0.05, 0.1, 0.15, 0.2};
        Coverage c = run(population, p, seeds, 1, 0.02);
        System.out.printf(
                Locale.ROOT,
                "N=%d p=%s seeds=%d no-estimate=%d main-effects coverage=%.3f" + " stepwise coverage=%.3f%n",
                population,
                java.util.Arrays.toString(p),
                c.seeds(),
                c.noEstimate(),
                c.mainRate(),
                c.stepwiseRate());
    }

    private static List<String> listNames(int t) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            names.add(String.valueOf((char) ('A' + i)));
        }
        return names;
    }
}
