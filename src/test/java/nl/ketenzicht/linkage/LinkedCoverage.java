package nl.ketenzicht.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ketenzicht.linkage.mse.CaptureTable;
import nl.ketenzicht.linkage.mse.EstimateDoesNotExistException;
import nl.ketenzicht.linkage.mse.MseEstimator;
import nl.ketenzicht.linkage.mse.MseResult;
import nl.ketenzicht.linkage.mse.Options;

/**
 * Coverage of the intervals end to end: generated registrations (with typos) → keys → linkage →
 * overlap table → MSE, against the known population. {@code main} runs the 200-seed study once:
 * {@code java -cp … nl.ketenzicht.linkage.LinkedCoverage [seeds] [B]}.
 */
final class LinkedCoverage {

    static final int POPULATION = 2000;
    static final double[] P = {0.1, 0.15, 0.2, 0.25};
    static final List<String> LISTS = List.of("POLICE", "CARE", "YOUTH_CARE", "NATIONAL");

    record Result(int seeds, int noEstimate, int modelConditional, int bca, int bcaDefined) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "seeds=%d no-estimate=%d model-conditional coverage=%.3f BCa coverage=%.3f (of %d with BCa)",
                    seeds,
                    noEstimate,
                    (double) modelConditional / seeds,
                    bcaDefined == 0 ? Double.NaN : (double) bca / bcaDefined,
                    bcaDefined);
        }
    }

    private LinkedCoverage() {}

    static CaptureTable linkedTable(long seed) {
        var population = new SyntheticRegistrations(seed, 0.2).generate(POPULATION, P, 2023, 1);
        Keyer keyer = new Keyer(KeyerTest.SECRET);
        Linker linker = new Linker();
        population.registrations().forEach(r -> linker.add(keyer.keysOf(r.identity())));
        Map<Integer, Integer> history = new HashMap<>();
        for (int i = 0; i < population.registrations().size(); i++) {
            history.merge(
                    linker.person(i), 1 << population.registrations().get(i).list(), (a, b) -> a | b);
        }
        long[] counts = new long[1 << P.length];
        history.values().forEach(h -> counts[h]++);
        return CaptureTable.fromHistoryCounts(LISTS, counts);
    }

    static Result run(int seeds, int bootstrap) {
        MseEstimator estimator = new MseEstimator();
        int none = 0, model = 0, bca = 0, bcaDefined = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            try {
                MseResult r = estimator.estimate(linkedTable(seed), new Options(0.02, bootstrap, seed));
                model += r.stepwise().ci().contains(POPULATION) ? 1 : 0;
                if (r.bca() != null && r.bca().ci().isDefined()) {
                    bcaDefined++;
                    bca += r.bca().ci().contains(POPULATION) ? 1 : 0;
                }
            } catch (EstimateDoesNotExistException e) {
                none++;
            }
        }
        return new Result(seeds, none, model, bca, bcaDefined);
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int b = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long start = System.nanoTime();
        System.out.println("N=" + POPULATION + " p=" + java.util.Arrays.toString(P) + " typo rate 0.2, B=" + b + ": "
                + run(seeds, b).describe()
                + String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - start) / 1e9));
    }
}
