package nl.ketenzicht.reports.attack;

import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.linkage.mse.CaptureTable;
import nl.ketenzicht.linkage.mse.EstimateDoesNotExistException;
import nl.ketenzicht.linkage.mse.ModelEstimate;
import nl.ketenzicht.linkage.mse.MseEstimator;
import nl.ketenzicht.linkage.mse.MseResult;
import nl.ketenzicht.linkage.mse.Options;

/**
 * The dark number against its own overlap table: every filling of the withheld cells that agrees
 * with the published cells and observed total is run through the estimator (a black box, with the
 * page's options: stepwise selection at the configured threshold; no bootstrap, which does not
 * change N), and the fillings that give the published N are counted. One such filling is a pin.
 */
public final class DarkNumberAttack {

    private static final MseEstimator ESTIMATOR = new MseEstimator();

    /**
     * @param withheld     cells the attacker does not know exactly
     * @param fillings     fillings consistent with the published cells (capped at the limit)
     * @param reproducing  those that give the published N to its published precision
     * @param rounded      those that give N rounded to whole persons
     * @param truthAmong   whether the true filling is among the reproducing ones (a sanity check)
     * @param exhausted    whether every filling was tried (false when the limit stopped the search)
     */
    public record Result(
            int withheld,
            long fillings,
            long reproducing,
            long rounded,
            long matchingAll,
            boolean truthAmong,
            boolean exhausted,
            List<long[]> examples) {
        /** Some cell is withheld, and exactly one filling gives every published figure (N, its interval, the main-effects N). */
        public boolean pinned() {
            return withheld > 0 && exhausted && matchingAll == 1 && truthAmong;
        }
    }

    private final List<String> lists;
    private final double threshold;
    private final long limit;

    public DarkNumberAttack(List<String> lists, double threshold, long limit) {
        this.lists = lists;
        this.threshold = threshold;
        this.limit = limit;
    }

    /** N of the stepwise model on these history counts (index = history bits, 0 unused), or NaN when none exists. */
    public double populationSize(long[] counts) {
        return figures(counts)[0];
    }

    /** What the page publishes of an estimate: stepwise N, its 95% interval, the main-effects N (NaN where none). */
    public double[] figures(long[] counts) {
        try {
            MseResult r =
                    ESTIMATOR.estimate(CaptureTable.fromHistoryCounts(lists, counts), new Options(threshold, 0, 1));
            ModelEstimate m = r.stepwise();
            boolean ci = m.ci() != null && m.ci().isDefined();
            return new double[] {
                m.populationSize(),
                ci ? m.ci().lower() : Double.NaN,
                ci ? m.ci().upper() : Double.NaN,
                r.mainEffects() == null ? Double.NaN : r.mainEffects().populationSize()
            };
        } catch (EstimateDoesNotExistException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
    }

    /**
     * @param ranges   per history (index 1..2^L−1) the attacker's range of the true count
     * @param observed the published number of persons observed (the cells' sum), or null when withheld
     * @param published the published figures as {@link #figures} lists them (N first; NaN where not published)
     * @param truth    the true counts, only to check that the truth is among the reproducing fillings
     */
    public Result attack(long[][] ranges, Long observed, double[] published, long[] truth) {
        long fixed = 0;
        List<Integer> open = new ArrayList<>();
        long[] counts = new long[ranges.length];
        for (int h = 1; h < ranges.length; h++) {
            if (ranges[h][0] == ranges[h][1]) {
                counts[h] = ranges[h][0];
                fixed += counts[h];
            } else {
                open.add(h);
            }
        }
        long remaining = observed == null ? -1 : observed - fixed;
        Search s = new Search(ranges, open, counts, remaining, published, truth);
        s.fill(0, 0);
        return new Result(
                open.size(),
                s.fillings,
                s.reproducing,
                s.rounded,
                s.matchingAll,
                s.truthAmong,
                s.fillings < limit,
                s.examples);
    }

    private final class Search {
        final long[][] ranges;
        final List<Integer> open;
        final long[] counts;
        final long remaining;
        final double[] published;
        final long[] truth;
        long fillings;
        long reproducing;
        long rounded;
        long matchingAll;
        boolean truthAmong;
        final List<long[]> examples = new ArrayList<>();

        Search(long[][] ranges, List<Integer> open, long[] counts, long remaining, double[] published, long[] truth) {
            this.ranges = ranges;
            this.open = open;
            this.counts = counts;
            this.remaining = remaining;
            this.published = published;
            this.truth = truth;
        }

        void fill(int i, long sum) {
            if (fillings >= limit) {
                return;
            }
            if (i == open.size()) {
                if (remaining < 0 || sum == remaining) {
                    tryFilling();
                }
                return;
            }
            int h = open.get(i);
            long hi = Math.min(ranges[h][1], remaining < 0 ? ranges[h][0] + 1000 : remaining - sum);
            for (long c = ranges[h][0]; c <= hi; c++) {
                counts[h] = c;
                fill(i + 1, sum + c);
            }
        }

        void tryFilling() {
            fillings++;
            double[] candidate = figures(counts);
            if (Double.isNaN(candidate[0])) {
                return;
            }
            if (Math.round(candidate[0]) == Math.round(published[0])) {
                rounded++;
            }
            if (same(candidate[0], published[0])) {
                reproducing++;
                if (examples.size() < 3) {
                    examples.add(counts.clone());
                }
                truthAmong |= java.util.Arrays.equals(counts, truth);
                boolean all = true;
                for (int i = 1; i < published.length; i++) {
                    all &= Double.isNaN(published[i]) || same(candidate[i], published[i]);
                }
                matchingAll += all ? 1 : 0;
            }
        }

        private boolean same(double a, double b) {
            return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
        }
    }
}
