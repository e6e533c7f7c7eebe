package nl.ketenzicht.linkage.mse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * SparseMSE's stepwise selection: from the main-effects model, repeatedly add the two-list term with
 * the smallest one-sided Poisson p-value for its observed overlap, while that p-value is below the
 * threshold. Candidates whose model fails the existence/identifiability check get p = 1. Terms are
 * never removed.
 */
final class Stepwise {

    private Stepwise() {}

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
        double[] p = candidatePValues(table, fit, model, threshold);
        // Only candidates below the threshold can win, so check them in winning order (smallest p,
        // then lowest index) and stop at the first admissible one: same answer as checking all.
        List<Integer> order = IntStream.range(0, pairs.size())
                .filter(k -> p[k] < threshold)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(k -> p[k]).thenComparingInt(k -> k))
                .toList();
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
            p[k] = model.contains(pair)
                    ? 1
                    : pValue(table.overlap(pair.first(), pair.second()), fit.expectedOverlap(pair));
        }
        return p;
    }

    /**
     * As {@link #pValues}, but a pair that is certainly not significant gets +∞ instead of its exact
     * p-value, which for overlaps of many thousands costs thousands of series terms (and the
     * bootstrap asks 1000 times). Same selection as with the exact values: see {@link #certainlyAtLeast}.
     */
    static double[] candidatePValues(CaptureTable table, ModelFit fit, List<Term> model, double threshold) {
        List<Term> pairs = Term.allPairs(table.listCount());
        double[] p = new double[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            Term pair = pairs.get(k);
            long observed = table.overlap(pair.first(), pair.second());
            double expected = fit.expectedOverlap(pair);
            p[k] = model.contains(pair)
                    ? 1
                    : certainlyAtLeast(observed, expected, threshold)
                            ? Double.POSITIVE_INFINITY
                            : pValue(observed, expected);
        }
        return p;
    }

    /** Shevtsova's (2011) Berry–Esseen constant for sums of i.i.d. variables. */
    private static final double BERRY_ESSEEN = 0.4748;

    /**
     * True when both Poisson tails at n are provably at least the threshold, so that p ≥ threshold
     * without computing it. X ~ Poisson(λ) is a sum of m i.i.d. Poisson(λ/m), for every m; letting
     * m grow, the Berry–Esseen bound gives |P(X ≤ x) − Φ((x − λ)/√λ)| ≤ 0.4748/√λ for all x.
     */
    static boolean certainlyAtLeast(long observed, double expected, double threshold) {
        if (expected < 1000) {
            return false; // the bound is too loose to help, and the exact tails are cheap here
        }
        double sd = Math.sqrt(expected);
        double slack = BERRY_ESSEEN / sd + 1e-12;
        double atMost = normal((observed - expected) / sd) - slack;
        double atLeast = 1 - normal((observed - 1 - expected) / sd) - slack;
        return atMost >= threshold && atLeast >= threshold;
    }

    private static double normal(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /**
     * min(P(X ≤ n), P(X ≥ n)) for X ~ Poisson(λ), not doubled; gamma forms keep tiny tails exact.
     * Since P(X ≥ n) ≥ 1 − P(X ≤ n), a tail of at most ½ is the minimum, and the other tail need not be computed.
     */
    static double pValue(long observed, double expected) {
        if (observed <= expected) {
            double atMost = Gamma.regularizedGammaQ(observed + 1.0, expected);
            if (atMost <= 0.5) {
                return atMost;
            }
            return Math.min(atMost, observed == 0 ? 1.0 : Gamma.regularizedGammaP(observed, expected));
        }
        double atLeast = Gamma.regularizedGammaP(observed, expected);
        if (atLeast <= 0.5) {
            return atLeast;
        }
        return Math.min(Gamma.regularizedGammaQ(observed + 1.0, expected), atLeast);
    }
}
