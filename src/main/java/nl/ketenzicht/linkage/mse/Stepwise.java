package nl.ketenzicht.linkage.mse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Gamma;

/**
 * SparseMSE's stepwise selection: from the main-effects model, repeatedly add the two-list term with
 * the smallest one-sided Poisson p-value for its observed overlap, while that p-value is below the
 * threshold. Candidates whose model fails the existence/identifiability check get p = 1. Terms are
 * never removed.
 */
final class Stepwise {

    private Stepwise() {
    }

    static ModelFit select(ModelFitter fitter, CaptureTable table, double threshold) {
        List<Term> pairs = Term.allPairs(table.listCount());
        if (threshold >= 1 && fitter.check(table, pairs) == Existence.Verdict.OK) {
            return fitter.fit(table, pairs, false); // SparseMSE's shortcut: threshold 1 means "all pairs"
        }
        ModelFit fit = fitter.fit(table, List.of(), true);
        if (threshold <= 0) {
            return fit;
        }
        List<Term> model = new ArrayList<>();
        while (model.size() < pairs.size()) {
            Term next = nextTerm(fitter, table, fit, model, threshold);
            if (next == null) {
                return fit;
            }
            model.add(next);
            fit = fitter.fit(table, model, false); // the check already passed for this candidate
        }
        return fit;
    }

    /** The term to add, or null when no admissible candidate has p below the threshold. */
    static Term nextTerm(ModelFitter fitter, CaptureTable table, ModelFit fit, List<Term> model, double threshold) {
        List<Term> pairs = Term.allPairs(table.listCount());
        double[] p = pValues(table, fit, model);
        // Only candidates below the threshold can win, so check them in winning order (smallest p,
        // then lowest index) and stop at the first admissible one: same answer as checking all.
        List<Integer> order = IntStream.range(0, pairs.size()).filter(k -> p[k] < threshold).boxed()
                .sorted(Comparator.<Integer>comparingDouble(k -> p[k]).thenComparingInt(k -> k)).toList();
        for (int k : order) {
            List<Term> candidate = new ArrayList<>(model);
            candidate.add(pairs.get(k));
            if (fitter.check(table, candidate) == Existence.Verdict.OK) {
                return pairs.get(k);
            }
        }
        return null;
    }

    /** p-value of every pair against the current fit; 1 for pairs already in the model. */
    static double[] pValues(CaptureTable table, ModelFit fit, List<Term> model) {
        List<Term> pairs = Term.allPairs(table.listCount());
        double[] p = new double[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            Term pair = pairs.get(k);
            p[k] = model.contains(pair) ? 1
                    : pValue(table.overlap(pair.first(), pair.second()), fit.expectedOverlap(pair));
        }
        return p;
    }

    /** min(P(X ≤ n), P(X ≥ n)) for X ~ Poisson(λ), not doubled; gamma forms keep tiny tails exact. */
    static double pValue(long observed, double expected) {
        double atMost = Gamma.regularizedGammaQ(observed + 1.0, expected);
        double atLeast = observed == 0 ? 1.0 : Gamma.regularizedGammaP(observed, expected);
        return Math.min(atMost, atLeast);
    }
}
